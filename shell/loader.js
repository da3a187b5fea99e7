// Starts DAH Tutor: checks WebGL 2, downloads the app, the font and the cases with a progress bar,
// hands the files to the WASM module, runs main() with flags from the URL, and exposes
// window.dahTutor for tests and the page. Any failure ends in a readable message, never a blank page.
'use strict';
(function () {
  const overlay = document.getElementById('overlay');
  const statusLine = document.getElementById('status');
  const detailLine = document.getElementById('detail');
  const barFill = document.getElementById('bar-fill');
  const canvas = document.getElementById('canvas');
  let stopped = false;

  function fail(title, detail) {
    stopped = true;
    overlay.classList.remove('hidden');
    overlay.classList.add('error');
    statusLine.textContent = title;
    detailLine.textContent = detail || '';
    window.dahTutor.error = title + (detail ? ': ' + detail : '');
  }

  // The public hook: state() describes what is on screen (a plain object) once the app runs.
  window.dahTutor = {
    ready: false,
    error: null,
    state() { return { screen: 'loading', error: window.dahTutor.error }; },
    frames() { return 0; },
  };

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  // Downloads a file, reporting bytes as they arrive so the bar moves during the largest download.
  async function download(url, onBytes) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status + ' ' + response.statusText);
    if (!response.body || !response.body.getReader) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      onBytes(bytes.length);
      return bytes;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      onBytes(value.length);
    }
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return bytes;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error(src + ' could not be loaded'));
      document.head.appendChild(s);
    });
  }

  // URL query → argv: ?present → --present, ?idle=60 → --idle=60.
  function argsFromUrl() {
    const args = [];
    for (const [key, value] of new URLSearchParams(location.search)) {
      if (!/^[a-z][a-z0-9-]*$/.test(key)) continue;
      args.push(value === '' ? '--' + key : '--' + key + '=' + value);
    }
    return args;
  }

  // Expected sizes make the bar honest before Content-Length arrives; refined as files come in.
  const expected = { 'dah_tutor.wasm': 900000, font: 80000, data: 150000 };
  let received = 0;
  const total = expected['dah_tutor.wasm'] + expected.font + expected.data;
  function progress(n) {
    received += n;
    barFill.style.width = Math.min(100, Math.round(100 * received / total)) + '%';
  }

  async function loadData() {
    const index = JSON.parse(new TextDecoder().decode(await download('cases/index.json', progress)));
    if (!Array.isArray(index)) throw new Error('cases/index.json: expected an array of file names');
    const files = await Promise.all(index.map(async (name) => ({ name, bytes: await download('cases/' + name, progress) })));
    return files;
  }

  async function start() {
    if (!hasWebGL2()) {
      fail('This browser cannot show DAH Tutor',
        'DAH Tutor draws with WebGL 2, which this browser or its graphics settings do not provide. ' +
        'Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.');
      return;
    }
    statusLine.textContent = 'Loading the app…';
    const wasmPromise = download('dah_tutor.wasm', progress);
    const fontPromise = download('assets/ui-font.ttf', progress);
    const dataPromise = loadData();
    await loadScript('dah_tutor.js');
    const [wasmBytes, font, data] = await Promise.all([wasmPromise, fontPromise, dataPromise]);
    statusLine.textContent = 'Starting…';

    const module = await createDahTutor({
      canvas,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('DAH Tutor stopped unexpectedly', String(what) + '\nReload the page to continue; your saved progress is kept.'),
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(wasmBytes, imports).then((r) => done(r.instance, r.module),
          (e) => fail('DAH Tutor could not start', 'The app file could not be compiled: ' + e.message));
        return {};
      },
    });

    function addFile(name, bytes) {
      const nameBytes = module.lengthBytesUTF8(name) + 1;
      const namePtr = module._malloc(nameBytes);
      module.stringToUTF8(name, namePtr, nameBytes);
      const dataPtr = module._malloc(Math.max(1, bytes.length));
      module.HEAPU8.set(bytes, dataPtr);
      module._dah_add_file(namePtr, dataPtr, bytes.length);
      module._free(namePtr);
      module._free(dataPtr);
    }
    addFile('ui-font.ttf', font);
    for (const f of data) addFile(f.name, f.bytes);

    window.dahTutor.module = module;
    window.dahTutor.state = () => JSON.parse(module.UTF8ToString(module._dah_state_json()));
    window.dahTutor.frames = () => module._dah_frame_count();
    const wake = () => module._dah_wake();
    for (const type of ['keydown', 'keyup', 'pointerdown', 'pointerup', 'pointermove', 'wheel', 'focus', 'touchstart'])
      canvas.addEventListener(type, wake, { passive: true });
    for (const type of ['resize', 'focus', 'visibilitychange']) window.addEventListener(type, wake);
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      fail('The graphics context was lost', 'The browser took the display back (often after a driver reset). Reload the page; your saved progress is kept.');
    });

    module.callMain(argsFromUrl());
    if (stopped) return;
    overlay.classList.add('hidden');
    canvas.focus();
    window.dahTutor.ready = true;
  }

  // Offline after the first visit (not from file://, where service workers do not run).
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline cache unavailable: ' + e.message));
  }

  window.addEventListener('error', (e) => {
    if (!window.dahTutor.ready) fail('DAH Tutor could not start', e.message);
  });
  start().catch((e) => fail('DAH Tutor could not load', (e && e.message ? e.message : String(e)) +
    '\nCheck the connection (or that the files are served next to index.html) and reload.'));
})();

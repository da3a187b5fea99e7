// Starts DAH Tutor: makes the WebGL 2 context, downloads the app and the font with a progress bar,
// hands the font to the WASM module, runs main() with flags from the URL (main draws the first frame),
// then fetches the cases and hands them over, and exposes window.dahTutor for tests and the page. Any
// failure ends in a readable message, never a blank page.
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

  // The public hook: state() describes what is on screen (a plain object) once the app runs. What a page
  // installed before the loader (the SCORM packages' storage) stays.
  window.dahTutor = Object.assign(window.dahTutor || {}, {
    ready: false,
    error: null,
    state() { return { screen: 'loading', error: window.dahTutor.error }; },
    frames() { return 0; },
  });

  // Makes the app's WebGL 2 context here, while the files download: starting the graphics is slow with
  // software rendering (30–60 ms), and main_web.cpp, asking the same canvas for WebGL 2, gets this very
  // context. The attributes must match the ones main_web.cpp asks for.
  function createWebGL2Context() {
    const attributes = { alpha: false, depth: false, stencil: false, antialias: false, preserveDrawingBuffer: true };
    // Sized as main_web.cpp's fit_canvas sizes it (CSS pixels × device pixel ratio), so that the app
    // does not reallocate the drawing buffer before its first frame (10–100 ms here).
    const box = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round(box.height * ratio);
    try { return !!canvas.getContext('webgl2', attributes); } catch (e) { return false; }
  }

  // Copies of what the page downloaded, handed to the service worker so it need not download them again.
  const staged = [];

  async function fetchOk(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status + ' ' + response.statusText);
    if (location.protocol.startsWith('http') && !(navigator.serviceWorker && navigator.serviceWorker.controller))
      staged.push([new URL(url, location.href).href, response.clone()]);
    return response;
  }

  // Downloads a file, reporting bytes as they arrive so the bar moves during the largest download.
  async function download(url, onBytes) {
    return readAll(await fetchOk(url), onBytes);
  }

  async function readAll(response, onBytes) {
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
    // emrun (scripts/serve) redirects /?present to /?present/: a trailing slash is not part of the query.
    for (const [key, value] of new URLSearchParams(location.search.replace(/\/+$/, ''))) {
      if (!/^[a-z][a-z0-9-]*$/.test(key)) continue;
      args.push(value === '' ? '--' + key : '--' + key + '=' + value);
    }
    return args;
  }

  // Expected sizes make the bar honest before Content-Length arrives; refined as files come in. The
  // cases are not on the bar: the app starts without them.
  const expected = { 'dah_tutor.wasm': 540000, font: 13000 };
  let received = 0;
  const total = expected['dah_tutor.wasm'] + expected.font;
  function progress(n) {
    received += n;
    barFill.style.width = Math.min(100, Math.round(100 * received / total)) + '%';
  }

  // The knowledge base and every case come in one file, cases/library.json: {"files": [{name, text}]},
  // knowledge base first (the order the app is given them in).
  function libraryFiles(library, where) {
    if (!library || !Array.isArray(library.files)) throw new Error(where + ': expected {"files": [...]}');
    const encoder = new TextEncoder();
    return library.files.map((f) => {
      if (!f || typeof f.name !== 'string' || typeof f.text !== 'string') throw new Error(where + ': a file without name or text');
      return { name: f.name, bytes: encoder.encode(f.text) };
    });
  }

  // With the cases comes the rest of the font (the letters only case text needs: see cmake/font.cmake).
  async function loadData() {
    const [bytes, fontExtra] = await Promise.all([download('cases/library.json', () => {}),
      download('assets/ui-font-extra.ttf', () => {})]);
    return [{ name: 'ui-font-extra.ttf', bytes: fontExtra },
      ...libraryFiles(JSON.parse(new TextDecoder().decode(bytes)), 'cases/library.json')];
  }

  // Compiles the app while it downloads (instantiateStreaming's compile half) and still moves the bar:
  // the body passes through a stream that counts its bytes. Where streaming compilation is missing,
  // downloads the whole file and compiles it then.
  async function compileWasm(url) {
    const response = await fetchOk(url);
    if (typeof WebAssembly.compileStreaming !== 'function' || typeof ReadableStream !== 'function' ||
        !response.body || !response.body.getReader)
      return WebAssembly.compile(await readAll(response, progress));
    const reader = response.body.getReader();
    const counted = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) { controller.close(); return; }
        progress(value.length);
        controller.enqueue(value);
      },
      cancel(reason) { return reader.cancel(reason); },
    });
    return WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }));
  }

  // Where the files come from: the server next to the page, or (the single-file build that runs from
  // file://) the page itself, which carries the wasm and the font as byte text in
  // <script type="application/octet-stream" data-file="NAME"> elements and the knowledge base and cases
  // as window.DAH_EMBEDDED.library, the object of cases/library.json.
  const embedded = window.DAH_EMBEDDED || null;
  // Byte text (written by shell/byte_text.mjs): the character U+0100 + b is the byte b; each of the 95
  // one-byte characters (tab, newline, printable ASCII but '<' and '&') is the byte data-map gives it,
  // two hex digits per character in code order.
  function embeddedBytes(name) {
    const element = Array.from(document.querySelectorAll('script[type="application/octet-stream"][data-file]'))
      .find((e) => e.dataset.file === name);
    if (!element) throw new Error(name + ' is missing from this single-file build');
    const damaged = () => new Error(name + ' is damaged in this single-file build');
    const map = element.dataset.map || '';
    if (!/^([0-9a-f]{2}){95}$/.test(map)) throw damaged();
    const byteOf = new Int16Array(0x200).fill(-1);
    for (let b = 0; b < 0x100; b++) byteOf[0x100 + b] = b;
    for (let c = 0, i = 0; c < 0x80; c++)
      if ((c >= 0x20 && c <= 0x7e && c !== 0x3c && c !== 0x26) || c === 0x09 || c === 0x0a) byteOf[c] = parseInt(map.substr(2 * i++, 2), 16);
    const text = element.textContent;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const b = c < 0x200 ? byteOf[c] : -1;
      if (b < 0) throw damaged();
      bytes[i] = b;
    }
    return bytes;
  }

  // WebGL state reads that Chromium answers only after a round trip to the GPU process (a stall until
  // the previous frame is drawn: 30–50 ms with software rendering) are answered from the values last
  // set. ImGui's renderer reads the scissor box and blend state on every frame to restore them after.
  function cacheWebGLState(proto) {
    if (!proto) return;
    const SCISSOR_BOX = 0x0C10, VIEWPORT = 0x0BA2, BLEND_SRC_RGB = 0x80C9, BLEND_DST_RGB = 0x80C8,
      BLEND_SRC_ALPHA = 0x80CB, BLEND_DST_ALPHA = 0x80CA, BLEND_EQUATION_RGB = 0x8009, BLEND_EQUATION_ALPHA = 0x883D;
    const tracked = new Set([SCISSOR_BOX, VIEWPORT, BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA,
      BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA]);
    const states = new WeakMap();
    const state = (gl) => { let s = states.get(gl); if (!s) { s = new Map(); states.set(gl, s); } return s; };
    const wrap = (name, update) => {
      const original = proto[name];
      proto[name] = function (...a) { update(state(this), a); return original.apply(this, a); };
    };
    wrap('scissor', (s, a) => s.set(SCISSOR_BOX, Int32Array.from(a.slice(0, 4))));
    wrap('viewport', (s, a) => s.set(VIEWPORT, Int32Array.from(a.slice(0, 4))));
    wrap('blendFunc', (s, [src, dst]) => { s.set(BLEND_SRC_RGB, src).set(BLEND_SRC_ALPHA, src).set(BLEND_DST_RGB, dst).set(BLEND_DST_ALPHA, dst); });
    wrap('blendFuncSeparate', (s, [sr, dr, sa, da]) => { s.set(BLEND_SRC_RGB, sr).set(BLEND_DST_RGB, dr).set(BLEND_SRC_ALPHA, sa).set(BLEND_DST_ALPHA, da); });
    wrap('blendEquation', (s, [m]) => { s.set(BLEND_EQUATION_RGB, m).set(BLEND_EQUATION_ALPHA, m); });
    wrap('blendEquationSeparate', (s, [m, a]) => { s.set(BLEND_EQUATION_RGB, m).set(BLEND_EQUATION_ALPHA, a); });
    const getParameter = proto.getParameter;
    proto.getParameter = function (name) {
      if (!tracked.has(name)) return getParameter.call(this, name);
      const s = state(this);
      if (!s.has(name)) s.set(name, getParameter.call(this, name));  // the first read asks the GPU process
      const v = s.get(name);
      return v instanceof Int32Array ? Int32Array.from(v) : v;
    };
  }

  async function start() {
    // The app's code compiles while it arrives, next to the font and the glue: all the first frame
    // needs (index.html asks for them early too). The cases are asked for after that frame (below),
    // so that on a slow line they do not share its bandwidth.
    let firstFrameFiles = null;
    if (!embedded) {
      firstFrameFiles = Promise.all([compileWasm('dah_tutor.wasm'), download('assets/ui-font.ttf', progress),
        loadScript('dah_tutor.js'), loadScript('input.js')]);
      firstFrameFiles.catch(() => {});  // reported below, once the graphics are known to work
    }
    cacheWebGLState(window.WebGL2RenderingContext && WebGL2RenderingContext.prototype);
    if (!createWebGL2Context()) {
      fail('This browser cannot show DAH Tutor',
        'DAH Tutor draws with WebGL 2, which this browser or its graphics settings do not provide. ' +
        'Try a current Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.');
      return;
    }
    performance.mark('dah-graphics');
    statusLine.textContent = 'Loading the app…';
    let wasmModule = null, font, loadLibrary;
    if (embedded) {
      wasmModule = await WebAssembly.compile(embeddedBytes('dah_tutor.wasm')).catch((e) => {
        throw new Error('The app could not be compiled: ' + e.message);
      });
      font = embeddedBytes('ui-font.ttf');
      loadLibrary = async () => [{ name: 'ui-font-extra.ttf', bytes: embeddedBytes('ui-font-extra.ttf') },
        ...libraryFiles(embedded.library, 'the embedded library')];
    } else {
      loadLibrary = loadData;
      [wasmModule, font] = await firstFrameFiles.catch((e) => {
        throw e instanceof WebAssembly.CompileError ? new Error('The app file could not be compiled: ' + e.message) : e;
      });
    }
    statusLine.textContent = 'Starting…';
    performance.mark('dah-files');

    const options = {
      canvas,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('DAH Tutor stopped unexpectedly', String(what) + '\nReload the page to continue; your saved progress is kept.'),
    };
    if (wasmModule) {
      options.instantiateWasm = (imports, done) => {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => done(instance, wasmModule),
          (e) => fail('DAH Tutor could not start', 'The app could not be started: ' + e.message));
        return {};
      };
    }
    const module = await createDahTutor(options);
    performance.mark('dah-module');
    // The app lives as long as the page; every call into it names it (no global state in the wasm).
    const app = module._dah_create();
    module['dahApp'] = app;

    function addFile(name, bytes) {
      const nameBytes = module.lengthBytesUTF8(name) + 1;
      const namePtr = module._malloc(nameBytes);
      module.stringToUTF8(name, namePtr, nameBytes);
      const dataPtr = module._malloc(Math.max(1, bytes.length));
      module.HEAPU8.set(bytes, dataPtr);
      module._dah_add_file(app, namePtr, dataPtr, bytes.length);
      module._free(namePtr);
      module._free(dataPtr);
    }
    addFile('ui-font.ttf', font);

    window.dahTutor.module = module;
    window.dahTutor.state = () => JSON.parse(module.UTF8ToString(module._dah_state_json(app)));
    // The learner's actions as JSON lines: what `dah session` replays (tests compare the two).
    window.dahTutor.events = () => module.UTF8ToString(module._dah_events_jsonl(app));
    window.dahTutor.frames = () => module._dah_frame_count(app);
    // For the benchmark and the soak test: wall time of the last drawn frame, bytes in use by malloc.
    window.dahTutor.frameTimeMs = () => module._dah_frame_time_ms(app);
    // Of it: [ImGui's frame, the accessible mirror's update, the GL submission], then the tutor's last
    // recomputation (between frames), then of ImGui's frame: recording pictures, baking them.
    window.dahTutor.framePartsMs = () => [0, 1, 2, 3, 4, 5].map((part) => module._dah_frame_part_ms(app, part));
    window.dahTutor.heapBytes = () => module._dah_heap_bytes();
    installCaseImport(module, app);
    if (window.dahTutorInput) window.dahTutorInput(module, app, canvas);  // text entry, clipboard (input.js)
    // The app stops asking for frames when idle. Input wakes it from inside (web/html5_input.cpp); the
    // page events it does not listen to wake it here.
    const wake = () => module._dah_wake(app);
    window.dahTutor.wake = wake;
    for (const type of ['resize', 'focus', 'visibilitychange']) window.addEventListener(type, wake);
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      fail('The graphics context was lost', 'The browser took the display back (often after a driver reset). Reload the page; your saved progress is kept.');
    });

    // Keys reach the accessible mirror (mirror.js) before the app's own listener, registered by main:
    // a focused mirror control keeps the keys it needs (Tab, Enter, arrows on a slider).
    for (const type of ['keydown', 'keyup']) {
      window.addEventListener(type, (e) => { if (window.dahTutor.mirrorKey) window.dahTutor.mirrorKey(e); }, true);
    }
    // --data-later: the library shows "Loading the case library…" until _dah_files_done.
    // A touch screen as the main pointer: larger targets.
    const touch = window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? ['--touch'] : [];
    module.callMain(argsFromUrl().concat('--data-later', touch));
    performance.mark('dah-main');
    if (stopped) return;
    overlay.classList.add('hidden');
    if (!/[?&]pictures=/.test(location.search)) canvas.focus();  // a class's picture frame leaves the lecturer's focus
    window.dahTutor.ready = true;
    const addLibrary = () => loadLibrary().then((files) => { for (const f of files) addFile(f.name, f.bytes); })
      .catch((e) => fail('DAH Tutor could not load the case library', (e && e.message ? e.message : String(e)) +
        '\nCheck the connection (or that the files are served next to index.html) and reload.'))
      .finally(() => { module._dah_files_done(app); performance.mark('dah-library'); });
    // Waits for the first drawn frame (the start-up measurement reads the mark) and marks it; then
    // fetches the cases, and then registers the service worker (after the first load, so that its work
    // never competes with it; it keeps the page's own copies of the large files).
    const watchFirstFrame = () => {
      if (module._dah_frame_count(app) < 1) { requestAnimationFrame(watchFirstFrame); return; }
      performance.mark('dah-first-frame');
      installMirror(module, app);
      addLibrary().then(registerServiceWorker);
    };
    watchFirstFrame();
  }

  // The accessible mirror for screen readers (mirror.js), after the first frame: it is not part of the
  // first download. The single-file edition carries it inline (window.DahMirror is there already).
  function installMirror(module, app) {
    (window.DahMirror ? Promise.resolve() : loadScript('mirror.js'))
      .then(() => { window.dahTutor.mirrorRoot = window.DahMirror.install(module, app); })
      .catch((e) => console.warn('the accessible mirror is unavailable: ' + e.message));
  }

  // Case import: a file input made here (no inline handlers: the page's CSP forbids them) that the
  // app opens through window.dahTutor.pickCaseFile(), and files dropped on the page. The bytes go to
  // _dah_import_file, where the core validates them. None of it in kiosk mode.
  function installCaseImport(module, app) {
    if (new URLSearchParams(location.search.replace(/\/+$/, '')).has('kiosk')) return;
    const importFile = async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const nameBytes = module.lengthBytesUTF8(file.name) + 1;
      const namePtr = module._malloc(nameBytes);
      module.stringToUTF8(file.name, namePtr, nameBytes);
      const dataPtr = module._malloc(Math.max(1, bytes.length));
      module.HEAPU8.set(bytes, dataPtr);
      module._dah_import_file(app, namePtr, dataPtr, bytes.length);
      module._free(namePtr);
      module._free(dataPtr);
      module._dah_wake(app);
    };
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.id = 'case-import';
    input.hidden = true;
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (file) importFile(file).catch((e) => console.warn('import failed: ' + e.message));
      input.value = '';
    });
    document.body.appendChild(input);
    window.dahTutor.pickCaseFile = () => input.click();
    window.addEventListener('dragover', (e) => { e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
      (async () => { for (const f of files) await importFile(f); })().catch((err) => console.warn('import failed: ' + err.message));
    });
  }

  // Offline after the first visit (not from file://, where service workers do not run, nor for the
  // single-file page, which has no sw.js and is served by others, e.g. a learning-management system).
  async function registerServiceWorker() {
    if (embedded || !('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
    try {
      // The worker checks each staged copy against this build's hashes before keeping it.
      if (staged.length && 'caches' in window) {
        const staging = await caches.open('dah-tutor-staging');
        await Promise.all(staged.map(([url, response]) => staging.put(url, response)));
      }
    } catch (e) {
      console.warn('the offline cache will download the app again: ' + e.message);
    }
    staged.length = 0;
    navigator.serviceWorker.register('sw.js').catch((e) => console.warn('offline cache unavailable: ' + e.message));
  }

  window.addEventListener('error', (e) => {
    if (!window.dahTutor.ready) fail('DAH Tutor could not start', e.message);
    // A trap in the app (a bug) stops its loop: say so rather than leave a frozen picture.
    else if (typeof WebAssembly === 'object' && e.error instanceof WebAssembly.RuntimeError)
      fail('DAH Tutor stopped unexpectedly', e.message + '\nReload the page to continue; your saved progress is kept.');
  });
  const run = () => start().catch((e) => fail('DAH Tutor could not load', (e && e.message ? e.message : String(e)) +
    '\nCheck the connection (or that the files are served next to index.html) and reload.'));
  // A live class (?class=ROOM): class/class_mode.js, downloaded only then, shows a phone the voter view
  // instead of the app and gives the lecturer the app with the class panel. Never in kiosk mode nor in
  // the single-file edition.
  if (!embedded && location.protocol.startsWith('http') && /[?&]class=/.test(location.search) && !/[?&]kiosk/.test(location.search)) {
    import('./class/class_mode.js').then((m) => m.start(run), (e) => { console.warn('live class: ' + e.message); run(); });
  } else {
    run();
  }
})();

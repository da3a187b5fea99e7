// The app loads in headless Chromium, draws, lists the built-in cases, and nothing goes wrong on the way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, siteDir, waitForApp, waitForFrames } from './harness.mjs';

test('the served app draws its first frame and lists the built-in cases', async () => {
  const app = await openApp();
  try {
    const state = await app.state();
    assert.equal(state.screen, 'library');
    const index = JSON.parse(readFileSync(path.join(siteDir, 'cases/index.json'), 'utf8'));
    const caseFiles = index.filter((f) => f.endsWith('.case.json')).sort();
    assert.ok(caseFiles.length > 0, 'the build packs at least one case');
    assert.deepEqual(state.cases.map((c) => c.file).sort(), caseFiles);
    assert.ok(state.cases.every((c) => c.title && c.title.length > 0), 'every case shows a title');
    await app.shot('smoke-library');
    // The canvas really shows something: not one flat colour.
    const distinct = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      const probe = document.createElement('canvas');
      probe.width = 64; probe.height = 64;
      probe.getContext('2d').drawImage(c, 0, 0, 64, 64);
      const px = probe.getContext('2d').getImageData(0, 0, 64, 64).data;
      const colours = new Set();
      for (let i = 0; i < px.length; i += 4) colours.add(px[i] << 16 | px[i + 1] << 8 | px[i + 2]);
      return colours.size;
    });
    assert.ok(distinct > 4, `the canvas shows a drawn UI (distinct colours: ${distinct})`);
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.failedRequests, []);
    assert.deepEqual(app.problems.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('a browser without WebGL 2 gets a clear message instead of a blank page', async () => {
  const app = await openApp({ waitForReady: false });
  try {
    await app.page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
      };
    });
    await app.page.reload();
    await app.page.waitForFunction(() => window.dahTutor.error);
    const text = await app.page.textContent('#overlay');
    assert.match(text, /WebGL 2/);
    await app.shot('smoke-no-webgl2');
  } finally {
    await app.close();
  }
});

test('a missing app file gets a clear loading error', async () => {
  const app = await openApp({ waitForReady: false });
  try {
    await app.page.route('**/dah_tutor.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await app.page.reload();
    await app.page.waitForFunction(() => window.dahTutor.error);
    const text = await app.page.textContent('#overlay');
    assert.match(text, /could not load/);
    assert.match(text, /dah_tutor\.wasm/);
    await app.shot('smoke-load-error');
  } finally {
    await app.close();
  }
});

test('the first frame is drawn before the case library arrives, which then fills the library', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const app = await openApp({ waitForReady: false, setup: (page) =>
    page.route('**/cases/library.json', async (route) => { await held; await route.continue(); }) });
  try {
    await waitForFrames(app.page, 2);
    let s = await app.state();
    assert.equal(s.screen, 'library');
    assert.equal(s.loading, true, 'state() says the case library is loading');
    assert.ok(s.controls['library.loading'], 'the library shows "Loading the case library…"');
    assert.deepEqual(s.cases, []);
    assert.deepEqual(s.errors, [], 'no "knowledge base not found" while it loads');
    const marks = await app.page.evaluate(() => ['dah-first-frame', 'dah-library'].map((m) => performance.getEntriesByName(m).length));
    assert.deepEqual(marks, [1, 0], 'the first frame is marked, the library not yet');
    await app.shot('smoke-loading');
    release();
    await waitForApp(app.page);
    s = await app.state();
    assert.equal(s.loading, false);
    assert.ok(s.cases.length >= 12, `the cases are listed once they arrive (${s.cases.length})`);
    assert.ok(s.controls['case.' + s.cases[0].id], 'and drawn');
    assert.deepEqual(s.errors, []);
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    release();
    await app.close();
  }
});

test('a case library that cannot be downloaded gets a clear error, and the app keeps running', async () => {
  const app = await openApp({ waitForReady: false, setup: (page) =>
    page.route('**/cases/library.json', (route) => route.fulfill({ status: 404, body: 'not found' })) });
  try {
    await app.page.waitForFunction(() => window.dahTutor.error);
    const text = await app.page.textContent('#overlay');
    assert.match(text, /could not load the case library/);
    assert.match(text, /cases\/library\.json/);
    const s = await app.state();
    assert.equal(s.loading, false, 'the app left its loading state');
    assert.deepEqual(s.cases, []);
    assert.ok(s.errors.some((e) => e.file === 'knowledge-base-v2.json'), 'and reports the missing knowledge base');
    assert.deepEqual(app.problems.pageErrors, []);
    await app.shot('smoke-library-error');
  } finally {
    await app.close();
  }
});

test('a frame that would draw what is already on screen is not sent to WebGL again', async () => {
  const app = await openApp();
  try {
    const { page } = app;
    // The canvas's context is the app's (getContext returns the one made); count its clears.
    await page.evaluate(() => {
      const gl = document.getElementById('canvas').getContext('webgl2');
      const clear = gl.clear.bind(gl);
      window.testClears = 0;
      gl.clear = (mask) => { window.testClears += 1; clear(mask); };
    });
    const counts = () => page.evaluate(() => ({ frames: window.dahTutor.frames(), clears: window.testClears }));
    const moveAndSettle = async (x, y) => {
      const before = await counts();
      await page.mouse.move(x, y);
      await waitForFrames(page, before.frames + 2);
      await page.waitForTimeout(300);  // the app draws a few frames after an input, then stops
      const after = await counts();
      return { frames: after.frames - before.frames, clears: after.clears - before.clears };
    };
    // Between two points of empty background nothing on screen changes: frames, but nothing sent.
    const { w, h } = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    await moveAndSettle(w - 6, h - 6);
    const still = await moveAndSettle(w - 3, h - 3);
    assert.ok(still.frames >= 2, `the app drew frames after the move (${still.frames})`);
    assert.equal(still.clears, 0, 'an unchanged frame was not drawn again');
    // Over a case in the list, its highlight changes the picture: that frame is sent.
    const state = await app.state();
    const [, rect] = Object.entries(state.controls).find(([name]) => name.startsWith('case.'));
    const hover = await moveAndSettle(rect.x + rect.w / 2, rect.y + rect.h / 2);
    assert.ok(hover.clears >= 1, `a changed frame was drawn (${hover.clears} draws in ${hover.frames} frames)`);
  } finally {
    await app.close();
  }
});

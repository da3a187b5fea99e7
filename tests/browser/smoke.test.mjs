// The app loads in headless Chromium, draws, lists the built-in cases, and nothing goes wrong on the way.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, siteDir } from './harness.mjs';

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

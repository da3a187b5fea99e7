// Offline use: after one visit the app loads and runs with the network off (reload included), and the
// single-file edition runs from file:// with no request at all beyond the page itself.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { launchBrowser, openApp, screenshot, siteDir, waitForFrames } from './harness.mjs';

const singleFile = process.env.DAH_SINGLE_FILE || path.join(path.dirname(siteDir), 'single/dah-tutor.html');

test('after one visit the app reloads and runs with the server gone', async () => {
  const app = await openApp();
  try {
    const online = await app.state();
    // Wait until the service worker controls the page and has cached the whole site.
    const cached = await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
      const keys = (await caches.keys()).filter((k) => k.startsWith('dah-tutor-'));
      const cache = await caches.open(keys[0]);
      return { keys, entries: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    assert.equal(cached.keys.length, 1, 'exactly one versioned cache');
    for (const f of ['/index.html', '/dah_tutor.wasm', '/dah_tutor.js', '/assets/ui-font.ttf', '/cases/library.json'])
      assert.ok(cached.entries.includes(f), `${f} is cached for offline use`);

    app.server.stop();
    await app.context.setOffline(true);
    await app.page.reload();
    await waitForFrames(app.page, 1);
    const offline = await app.state();
    assert.equal(offline.screen, 'library');
    assert.deepEqual(offline.cases.map((c) => c.id), online.cases.map((c) => c.id));
    await app.shot('offline-reload');
    assert.deepEqual(app.problems.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test('the single-file edition runs from file:// without any request beyond the page', async () => {
  assert.ok(existsSync(singleFile), `the single-file build exists: ${singleFile}`);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(singleFile).href;
    await page.goto(url);
    await waitForFrames(page, 1);
    const state = await page.evaluate(() => window.dahTutor.state());
    assert.equal(state.screen, 'library');
    assert.ok(state.cases.length >= 12, `the embedded library has the cases (${state.cases.length})`);
    assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:')), []);
    assert.deepEqual(errors, []);
    await screenshot(page, 'single-file');
  } finally {
    await browser.close();
  }
});

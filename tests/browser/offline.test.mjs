// Offline use: after one visit the app loads and runs with the network off (reload included), and the
// single-file edition runs from file:// with no request at all beyond the page itself.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { decodeByteText } from '../../shell/byte_text.mjs';
import { launchBrowser, openApp, screenshot, siteDir, waitForApp } from './harness.mjs';
import { startStaticServer } from '../perf/static_server.mjs';

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
    for (const f of ['/index.html', '/dah_tutor.wasm', '/dah_tutor.js', '/assets/ui-font.ttf', '/assets/ui-font-extra.ttf', '/cases/library.json'])
      assert.ok(cached.entries.includes(f), `${f} is cached for offline use`);

    app.server.stop();
    await app.context.setOffline(true);
    await app.page.reload();
    await waitForApp(app.page);
    const offline = await app.state();
    assert.equal(offline.screen, 'library');
    assert.deepEqual(offline.cases.map((c) => c.id), online.cases.map((c) => c.id));
    await app.shot('offline-reload');
    assert.deepEqual(app.problems.foreignRequests, []);
  } finally {
    await app.close();
  }
});

// The service worker keeps the copies the page downloaded: the app, the font and the cases (the bulk of
// the site) leave the server once on a first visit. The server here forbids HTTP caching (no-store), so
// the small files the page loads by tag (page, loader, glue, style) are the only ones sent twice.
test('a first visit sends the large files once, service worker included', async () => {
  const server = await startStaticServer(siteDir);
  const app = await openApp({ server });
  try {
    const entries = await app.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) await new Promise((r) => setTimeout(r, 100));
      const keys = (await caches.keys()).filter((k) => k.startsWith('dah-tutor-'));
      return { keys, entries: (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname) };
    });
    assert.deepEqual(entries.keys.length, 1, `one cache, the staging one deleted: ${entries.keys}`);
    const sent = {};
    for (const r of server.log) if (r.status === 200) sent[r.path] = (sent[r.path] || []).concat(r.bytes);
    for (const f of ['/dah_tutor.wasm', '/assets/ui-font.ttf', '/assets/ui-font-extra.ttf', '/cases/library.json']) {
      assert.ok(entries.entries.includes(f), `${f} is cached for offline use`);
      assert.equal((sent[f] || []).length, 1, `${f} was sent once (sent ${JSON.stringify(sent[f])})`);
    }
    const total = (list) => list.reduce((a, b) => a + b, 0);
    const again = Object.values(sent).filter((l) => l.length > 1).map((l) => total(l.slice(1)));
    const first = Object.values(sent).map((l) => l[0]);
    console.log(`first visit: ${Object.keys(sent).length} files, ${total(first)} B, then ${total(again)} B sent again ` +
      `(${Object.entries(sent).filter(([, l]) => l.length > 1).map(([p]) => p).join(' ')})`);
    assert.ok(total(again) < total(first) / 5, `what the worker downloads again (${total(again)} B) is small next to the first load`);
  } finally {
    await app.close();
    await server.stop();
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
    // Injected by the browser, outside the page's Content Security Policy: every script the policy blocks.
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const url = pathToFileURL(singleFile).href;
    await page.goto(url);
    await waitForApp(page);
    const state = await page.evaluate(() => window.dahTutor.state());
    assert.equal(state.screen, 'library');
    assert.ok(state.cases.length >= 12, `the embedded library has the cases (${state.cases.length})`);
    assert.deepEqual(requests.filter((u) => u !== url), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    // The wasm and the font embedded as byte text come out of the HTML parser as the site's own files.
    const embedded = await page.evaluate(() => Array.from(document.querySelectorAll('script[data-file]'),
      (e) => ({ name: e.dataset.file, map: e.dataset.map, text: e.textContent })));
    assert.deepEqual(embedded.map((e) => e.name).sort(), ['dah_tutor.wasm', 'ui-font-extra.ttf', 'ui-font.ttf']);
    for (const e of embedded) {
      const served = readFileSync(path.join(siteDir, e.name.startsWith('ui-font') ? `assets/${e.name}` : e.name));
      assert.ok(Buffer.from(decodeByteText(e.text, e.map)).equals(served), `${e.name} decodes to the site's file`);
    }
    await screenshot(page, 'single-file');
  } finally {
    await browser.close();
  }
});

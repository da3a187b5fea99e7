// The kiosk and the single-file edition never try to connect to a class, even with a class link's
// query; the normal site downloads nothing of class mode unless the link names a class.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchBrowser, openApp, waitForApp } from '../browser/harness.mjs';
import { startSiteServer } from '../../shell/class/site_server.mjs';
import { siteDir } from '../browser/harness.mjs';

const classQuery = 'class=0123456789abcdef0123&key=0123456789abcdef01234567';

async function requestsOf(query, { server, browser }) {
  const urls = [];
  const app = await openApp({ query, server, browser, setup: (page) => page.on('request', (r) => urls.push(r.url())) });
  await new Promise((r) => setTimeout(r, 1000));
  const s = await app.state();
  await app.context.close();
  return { urls, s };
}

test('kiosk mode and the plain site never load class mode', { timeout: 120000 }, async () => {
  const site = await startSiteServer({ root: siteDir, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
    const server = { base: site.url };
    const kiosk = await requestsOf(`kiosk&${classQuery}`, { server, browser });
    assert.equal(kiosk.s.options.kiosk, true);
    assert.deepEqual(kiosk.urls.filter((u) => /\/class\/|\/nats/.test(u)), [], 'kiosk: nothing of class mode');
    const plain = await requestsOf('present', { server, browser });
    assert.deepEqual(plain.urls.filter((u) => /\/class\/|\/nats/.test(u)), [], 'presenter without a class: nothing');
  } finally {
    await browser.close();
    await site.stop();
  }
});

test('the single-file edition never loads class mode', { timeout: 120000 }, async (t) => {
  const file = process.env.DAH_SINGLE_FILE;
  if (!file || !existsSync(file)) { t.skip('no single-file build'); return; }
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto(pathToFileURL(file).href + '?' + classQuery);
    await waitForApp(page);
    assert.equal((await page.evaluate(() => window.dahTutor.state())).screen, 'library', 'the app runs, not a voter view');
    assert.deepEqual(urls.filter((u) => /\/class\/|\/nats|^wss?:/.test(u)), []);
    await context.close();
  } finally {
    await browser.close();
  }
});

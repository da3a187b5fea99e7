// Shared set-up for the browser tests: serves the built site with emrun (the static server the README's
// scripts/serve uses), drives Debian's headless Chromium through playwright-core, and records what a
// person would notice going wrong: console errors, failed requests, requests that leave the origin.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const siteDir = process.env.DAH_SITE_DIR || path.join(repoRoot, 'build/web/site');
export const artifactsDir = process.env.DAH_ARTIFACTS_DIR || path.join(path.dirname(siteDir), 'screenshots');

export const chromiumArgs = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
  '--disable-gpu-sandbox',
];

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitForPort(port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on port ${port} did not start within ${timeoutMs} ms`);
}

// Starts emrun serving `root` on a free loopback port; returns { base, stop }.
export async function startServer(root = siteDir) {
  const port = await freePort();
  const proc = spawn('emrun', ['--no_browser', '--no_emrun_detect', '--hostname', '127.0.0.1', '--port', String(port),
    '--serve_root', root, path.join(root, 'index.html')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  try { await waitForPort(port, 15000); } catch (e) { proc.kill(); throw new Error(e.message + '\n' + stderr); }
  return { base: `http://127.0.0.1:${port}/`, stop: () => proc.kill() };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

// Opens the app and waits for its first frame and the case library (waitForApp). `setup(page)` runs
// before the page is opened (routes, init scripts). Returns helpers and the problems seen so far.
export async function openApp({ query = '', viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
  hasTouch = false, server, browser, waitForReady = true, setup } = {}) {
  const ownServer = !server;
  server = server || await startServer();
  const ownBrowser = !browser;
  browser = browser || await launchBrowser();
  const context = await browser.newContext({ viewport, deviceScaleFactor, hasTouch });
  const page = await context.newPage();
  const origin = new URL(server.base).origin;
  const problems = { consoleErrors: [], failedRequests: [], foreignRequests: [], pageErrors: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => { if (r.status() >= 400) problems.failedRequests.push(`${r.url()} (HTTP ${r.status()})`); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) problems.foreignRequests.push(u);
  });
  if (setup) await setup(page);
  await page.goto(server.base + (query ? '?' + query : ''));
  if (waitForReady) await waitForApp(page);
  return {
    page, context, browser, server, problems,
    state: () => page.evaluate(() => window.dahTutor.state()),
    frames: () => page.evaluate(() => window.dahTutor.frames()),
    shot: (name) => screenshot(page, name),
    async close() {
      await context.close();
      if (ownBrowser) await browser.close();
      if (ownServer) server.stop();
    },
  };
}

export async function waitForFrames(page, n, timeoutMs = 20000) {
  await page.waitForFunction((k) => {
    const t = window.dahTutor;
    if (t && t.error) throw new Error('app error: ' + t.error);
    return t && t.ready && t.frames() >= k;
  }, n, { timeout: timeoutMs });
}

// Waits for the first frame and then for the case library, which the page hands over after main has
// started (state().loading); returns once a frame has been drawn with it (the loading line is gone).
export async function waitForApp(page, timeoutMs = 20000) {
  await page.waitForFunction(() => {
    const t = window.dahTutor;
    if (t && t.error) throw new Error('app error: ' + t.error);
    if (!(t && t.ready && t.frames() >= 1)) return false;
    const s = t.state();
    return s.loading === false && !(s.controls && s.controls['library.loading']);
  }, null, { timeout: timeoutMs });
}

// Waits until the app has drawn the frames that follow an input, so state() reflects it.
// Waits until the app has drawn `frames` more frames, waking it for each (a wake asks for a few frames,
// then the app sleeps); an error when it does not draw in time: a stalled app must fail the test.
export async function settle(page, frames = 3) {
  for (let i = 0; i < frames; ++i) {
    const start = await page.evaluate(() => window.dahTutor.frames());
    await page.evaluate(() => window.dahTutor.wake());
    await waitForFrames(page, start + 1);
  }
}

export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Clicks the centre of a rectangle {x, y, w, h} given in CSS pixels of the page.
export async function clickRect(page, rect) {
  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
}

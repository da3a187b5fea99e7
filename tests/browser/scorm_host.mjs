// A stand-in learning-management system for the SCORM tests: a host page served from 127.0.0.1 that
// installs scorm-again's SCORM 1.2 or 2004 API (or a given fake one), loads what the LMS stored for the
// learner, and opens a package's page in an iframe filling the window, as an LMS's player does. The
// packages come unzipped from build/<dir>/scorm (shell/scorm/make_scorm_packages.mjs).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipFiles } from '../../shell/scorm/zip.mjs';
import { repoRoot, siteDir, startServer, waitForApp } from './harness.mjs';

export const scormDir = path.join(path.dirname(siteDir), 'scorm');
export const packageList = () => JSON.parse(readFileSync(path.join(scormDir, 'packages.json'), 'utf8')).packages;
const runtimes = path.join(repoRoot, 'tests/browser/node_modules/scorm-again/dist');

const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<style>html, body { margin: 0; height: 100%; overflow: hidden; }
iframe { position: fixed; inset: 0; width: 100%; height: 100%; border: 0; }</style>
<script src="scorm12.min.js"></script><script src="scorm2004.min.js"></script></head><body></body></html>`;

// Serves the host page, the scorm-again runtimes and the given packages (unzipped into pkg/<id>/).
export async function startLms(packageFiles) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dah-lms-'));
  writeFileSync(path.join(root, 'index.html'), HOST);
  for (const f of ['scorm12.min.js', 'scorm2004.min.js']) copyFileSync(path.join(runtimes, f), path.join(root, f));
  for (const file of packageFiles) {
    const dir = path.join(root, 'pkg', path.basename(file, '.zip'));
    mkdirSync(dir, { recursive: true });
    for (const entry of unzipFiles(readFileSync(path.join(scormDir, file)))) writeFileSync(path.join(dir, entry.name), entry.data);
  }
  const server = await startServer(root);
  return { base: server.base, stop() { server.stop(); rmSync(root, { recursive: true, force: true }); } };
}

// Opens the host in a fresh browser context (its own storage: a relaunch on another computer), installs
// the API with `stored` (what the LMS hands a launch: learner, entry, suspend data...) and launches
// the package's page. `fake` is a script (a function's source) that installs its own API instead.
export async function launch(browser, lms, { version, packageId, stored = null, fake = null }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = { pageErrors: [], consoleErrors: [], warnings: [] };
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
    if (m.type() === 'warning') problems.warnings.push(m.text());
  });
  await page.goto(lms.base);
  await page.evaluate(({ version, stored, fake }) => {
    const name = version === '1.2' ? 'API' : 'API_1484_11';
    window.lmsEvents = [];
    if (fake) {
      window[name] = (0, eval)('(' + fake + ')')();
      return;
    }
    // No commit URL: scorm-again keeps the data model in the page, where the test reads it.
    const api = version === '1.2' ? new window.Scorm12API({ logLevel: 5 }) : new window.Scorm2004API({ logLevel: 5 });
    if (stored) api.loadFromJSON(stored, '');
    for (const e of version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'])
      api.on(e, () => window.lmsEvents.push(e));
    window[name] = api;
  }, { version, stored, fake: fake && fake.toString() });
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.appendChild(frame);
  }, `pkg/${packageId}/dah-tutor.html`);
  const frame = await waitForFrame(page);
  // player_driver.mjs drives `app.page`: evaluation in the package's frame, input through the page
  // (the frame fills it, so the coordinates are the same).
  const framePage = {
    evaluate: (...a) => frame.evaluate(...a),
    waitForFunction: (...a) => frame.waitForFunction(...a),
    keyboard: page.keyboard,
    mouse: page.mouse,
    screenshot: (...a) => page.screenshot(...a),
  };
  await waitForApp(framePage, 30000);
  return {
    page: framePage, host: page, frame, context, problems,
    state: () => frame.evaluate(() => window.dahTutor.state()),
    cmi: () => page.evaluate((name) => JSON.parse(JSON.stringify(window[name].cmi)), version === '1.2' ? 'API' : 'API_1484_11'),
    events: () => page.evaluate(() => window.lmsEvents),
    // The LMS closes the player: the frame goes, its page gets pagehide.
    async closeFrame() {
      await page.evaluate(() => document.querySelector('iframe').remove());
    },
    async close() { await context.close(); },
  };
}

async function waitForFrame(page) {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((x) => x.url().endsWith('/dah-tutor.html'));
    if (f) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('the package page did not open in the frame');
}

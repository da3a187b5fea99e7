// Shared set-up for the live class's browser tests: a real nats-server and the site server (with its
// /nats WebSocket path) on 127.0.0.1, headless Chromium with a lecturer page in presenter mode and voter
// pages on phone-sized, touch viewports. Everything started here is stopped by stop().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startClassServer } from '../../shell/class/class_server.mjs';
import { studentLink, lecturerLink } from '../../shell/class/rooms.mjs';
import { startSiteServer } from '../../shell/class/site_server.mjs';
import { launchBrowser, openApp, repoRoot, siteDir } from '../browser/harness.mjs';

export const OPTIONS = ['immune', 'coagulopathic', 'other', 'both'];

export async function startClass({ rooms = 1 } = {}) {
  const server = await startClassServer({ rooms });
  const site = await startSiteServer({ root: siteDir, host: '127.0.0.1', natsWsPort: server.wsPort, rooms: server.rooms });
  const browser = await launchBrowser();
  const room = server.rooms[0];
  const pages = [];
  return {
    server, site, browser, room,
    studentUrl: studentLink(site.url, room),
    lecturerUrl: (query) => lecturerLink(site.url, room) + (query ? '&' + query : ''),
    async lecturer(query = 'case=gpa-cavities') {
      const app = await openApp({ query: lecturerLink('', room).slice(1) + '&' + query, server: { base: site.url }, browser,
        viewport: { width: 1920, height: 1080 } });
      await app.page.waitForFunction(() => window.dahTutor.classState && window.dahTutor.classState.connected, null, { timeout: 20000 });
      pages.push(app.context);
      return app;
    },
    // n phones (390 × 844 CSS pixels, touch, mobile); each records its console errors.
    async voters(n, link = studentLink(site.url, room)) {
      const list = [];
      for (let i = 0; i < n; ++i) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
          hasTouch: true, isMobile: true });
        pages.push(context);
        const page = await context.newPage();
        const errors = [];
        const requests = [];
        page.on('request', (r) => requests.push(r.url()));
        page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(link);
        list.push({ page, context, errors, requests });
      }
      return list;
    },
    async stop() {
      for (const c of pages) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await site.stop();
      await server.stop();
    },
  };
}

// What a phone shows: { key, open, choice, acked, seq } (kept on <body> by the voter view).
export const voterState = (v) => v.page.evaluate(() => JSON.parse(document.body.dataset.voter || '{}'));

// Polls from here (the page's Content-Security-Policy forbids evaluating strings in it).
async function poll(read, check, what, timeout) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeout} ms (${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const waitVoter = (v, check, what, timeout = 15000) => poll(() => voterState(v), check, `phone: ${what}`, timeout);

// The pictures a phone shows: caption, alt text and the decoded image's size, once all n are loaded.
const readPictures = (v) => v.page.evaluate(() => [...document.querySelectorAll('.voter-picture')].map((f) => {
  const img = f.querySelector('img');
  return { caption: f.querySelector('figcaption').textContent, alt: img.alt, loaded: img.complete,
           width: img.naturalWidth, height: img.naturalHeight };
}));
export const waitPictures = (v, n, timeout = 60000) =>
  poll(() => readPictures(v), (list) => list.length === n && list.every((p) => p.loaded), `phone: ${n} pictures`, timeout);

export const classState = (app) => app.page.evaluate(() => window.dahTutor.classState || {});

export const waitClass = (app, check, what, timeout = 15000) => poll(() => classState(app), check, `projector: ${what}`, timeout);

// The case as its file says, and the four-way group of its answer from the knowledge base (read here,
// independently of the app).
export function caseTruth(caseId) {
  const c = JSON.parse(readFileSync(path.join(repoRoot, 'cases', `${caseId}.case.json`), 'utf8'));
  const kb = JSON.parse(readFileSync(path.join(repoRoot, 'cases', 'knowledge-base.json'), 'utf8'));
  const group = kb.diagnoses.find((d) => d.id === c.answer.diagnosis).group;
  return { data: c, truth: OPTIONS.indexOf(group) };
}

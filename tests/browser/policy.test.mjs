// The page's Content Security Policy allows only its own origin (plus WebAssembly compilation), is in
// force (inline script, eval and foreign fetches are blocked), the app itself never trips it, and no
// request leaves the origin while the app is used.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { launchBrowser, openApp, settle, siteDir, startServer, waitForApp } from './harness.mjs';

function policyOf(html) {
  const m = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  assert.ok(m, 'index.html sets a Content-Security-Policy');
  const directives = new Map();
  for (const part of m[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

test('the policy allows only the page\'s own origin', () => {
  const csp = policyOf(readFileSync(path.join(siteDir, 'index.html'), 'utf8'));
  assert.deepEqual(csp.get('default-src'), ["'self'"]);
  assert.deepEqual(csp.get('object-src'), ["'none'"]);
  assert.deepEqual(csp.get('base-uri'), ["'none'"]);
  for (const [name, sources] of csp) {
    for (const s of sources) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:'].includes(s), `${name} allows ${s}`);
    }
  }
  assert.ok(!csp.get('script-src').includes('data:'), 'scripts only from the origin');
  assert.ok(csp.get('script-src').includes("'wasm-unsafe-eval'"), 'WebAssembly may compile');
});

test('the app never trips the policy and no request leaves the origin', async () => {
  const app = await openApp({ waitForReady: false });
  const { page } = app;
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.reload();
    await waitForApp(page);

    // Use the app: every control of the library, then whatever controls the next screens show.
    for (let round = 0; round < 4; ++round) {
      const controls = Object.values((await app.state()).controls || {});
      for (const c of controls.slice(0, 8)) {
        await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2);
        await settle(page);
      }
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(1000);  // the service worker's precaching, after the first frame
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the app itself breaks no rule of the policy');
    assert.deepEqual(app.problems.foreignRequests, [], 'no request leaves the origin');
    assert.equal(await page.evaluate(() => window.dahTutor.error), null);

  } finally {
    await app.close();
  }
});

test('the policy is in force: inline script, eval and foreign requests are blocked', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  // Service workers off: the probe script below is served by the test, which a worker would bypass.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // A request the policy blocks may or may not show to the driver (the violations above prove the
  // blocking); what must never happen is a foreign request that gets an answer.
  const isForeign = (u) => !u.startsWith(server.base) && !u.startsWith('data:');
  const foreign = [];
  page.on('response', (r) => { if (isForeign(r.url())) foreign.push(r.url()); });
  page.on('requestfinished', (r) => { if (isForeign(r.url())) foreign.push(r.url()); });
  try {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(server.base);
    await page.waitForFunction(() => window.dahTutor.ready && window.dahTutor.frames() >= 1, null, { timeout: 20000 });
    // Now try what the policy forbids. The eval probe is a same-origin script the test serves.
    await page.route('**/__policy_probe.js', (route) => route.fulfill({ contentType: 'text/javascript', body:
      "window.__probe = {};\n" +
      "try { (0, eval)('1 + 1'); window.__probe.evalRan = true; } catch (e) { window.__probe.evalRan = false; }\n" +
      "try { new Function('return 1')(); window.__probe.functionRan = true; } catch (e) { window.__probe.functionRan = false; }\n" }));
    const probe = await page.evaluate(async () => {
      const out = {};
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(s);
      out.inlineRan = window.__inlineRan === true;
      // eval from the page's own script (code run by the test driver itself is exempt from the policy).
      const probeScript = document.createElement('script');
      probeScript.src = '__policy_probe.js';
      await new Promise((resolve) => { probeScript.onload = resolve; probeScript.onerror = resolve; document.head.appendChild(probeScript); });
      out.evalRan = window.__probe ? window.__probe.evalRan : 'probe did not run';
      out.functionRan = window.__probe ? window.__probe.functionRan : 'probe did not run';
      try { await fetch('https://example.com/'); out.fetched = true; } catch (e) { out.fetched = false; }
      const img = new Image();
      out.imageLoaded = await new Promise((resolve) => { img.onload = () => resolve(true); img.onerror = () => resolve(false); img.src = 'https://example.com/x.png'; });
      await new Promise((r) => setTimeout(r, 200));  // violation events are queued
      out.violations = window.__violations.slice();
      return out;
    });
    assert.equal(probe.inlineRan, false, 'inline script is blocked');
    assert.equal(probe.evalRan, false, 'eval is blocked');
    assert.equal(probe.functionRan, false, 'new Function is blocked');
    assert.equal(probe.fetched, false, 'a foreign fetch is blocked');
    assert.equal(probe.imageLoaded, false, 'a foreign image is blocked');
    assert.ok(probe.violations.some((v) => v.startsWith('script-src')), `script violations reported: ${probe.violations}`);
    assert.ok(probe.violations.some((v) => v.startsWith('connect-src') && v.includes('example.com')), `connect-src violation reported: ${probe.violations}`);
    assert.ok(probe.violations.some((v) => v.startsWith('img-src') && v.includes('example.com')), `img-src violation reported: ${probe.violations}`);
    assert.deepEqual(foreign, [], 'no foreign request was answered');
  } finally {
    await context.close();
    await browser.close();
    server.stop();
  }
});

// No text cut and nothing off screen: every screen (library, a case before and after a commit, the
// debrief, the knowledge explorer, help, settings) at a phone (390×844), a laptop (1366×768) and a large
// screen at UI scale 2 (1920×1080), where the app reports each control whose text it had to cut
// (state().clipped: a control running past its window's edge, a combo box narrower than its text); and
// reflow at 320 CSS px (WCAG 1.4.10): every control inside the width, no sideways scrolling.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openApp, startServer } from './harness.mjs';
import { commitKey, press, stateAfter } from './player_driver.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// Visits each screen and overlay; calls `check(state, where)` on each.
async function walk(app, check) {
  check(await stateAfter(app), 'library');
  let s = await press(app, '1');
  assert.equal(s.screen, 'player');
  check(s, 'player, first stage');
  s = await commitKey(app);
  check(s, 'player, committed');
  check(await press(app, 'd'), 'debrief');
  check(await press(app, 'k'), 'explorer');
  check(await press(app, 'F1'), 'help');
  await press(app, 'Escape');
  check(await press(app, 's'), 'settings');
  await press(app, 's');
}

const sizes = [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'large at scale 2', viewport: { width: 1920, height: 1080 }, query: 'scale=2' },
];

for (const size of sizes) {
  test(`no text is cut at ${size.viewport.width}×${size.viewport.height} (${size.name})`, async () => {
    const app = await openApp({ server, browser, viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor || 1, query: size.query });
    try {
      const cut = [];
      await walk(app, (s, where) => { for (const name of s.clipped) cut.push(`${where}: ${name}`); });
      assert.deepEqual(cut, [], 'controls whose text is cut');
      assert.deepEqual(app.problems.pageErrors, []);
    } finally {
      await app.close();
    }
  });
}

test('reflow at 320 CSS px: every control inside the width', async () => {
  const app = await openApp({ server, browser, viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
  try {
    const outside = [];
    await walk(app, (s, where) => {
      for (const name of s.clipped) outside.push(`${where}: ${name} cut at the window's edge`);
      for (const [name, r] of Object.entries(s.controls))
        if (r.x < -0.5 || r.x + r.w > 320.5) outside.push(`${where}: ${name} ${Math.round(r.x)}…${Math.round(r.x + r.w)}`);
    });
    assert.deepEqual(outside, [], 'controls reaching past 320 px');
    await app.shot('layout-320');
  } finally {
    await app.close();
  }
});

test('usable at 200 % zoom: a laptop window at twice the size walks a case', async () => {
  // A 1280×800 window zoomed to 200 % is a 640×400 CSS-pixel page at two device pixels each.
  const app = await openApp({ server, browser, viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  try {
    let s = await press(app, '1');
    assert.equal(s.screen, 'player');
    s = await commitKey(app);
    assert.equal(s.case.learner.committed, true, 'the stage commits at 200 %');
    s = await press(app, 'n');
    assert.equal(s.case.stage.index, 1, 'and the next stage opens');
    assert.deepEqual(s.clipped, []);
    await app.shot('layout-zoom-200');
  } finally {
    await app.close();
  }
});

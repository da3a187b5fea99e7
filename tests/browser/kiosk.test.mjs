// Kiosk mode in headless Chromium (?kiosk&idle=3): starts on the library with no settings and no
// import; no key or click leaves kiosk mode; after 3 idle seconds the attract screen shows, by the
// app's own timer (no input, no wake from the page, no redrawing meanwhile), and the learner's
// answers are gone; a touch starts again on the library.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import { click, press, stateAfter, commitKey } from './player_driver.mjs';

test('kiosk: no way out, and an idle reset clears the answers', { timeout: 180000 }, async () => {
  const app = await openApp({ query: 'kiosk&idle=3&case=gpa-cavities' });
  try {
    let s = await stateAfter(app);
    assert.equal(s.mode, 'kiosk');
    assert.equal(s.screen, 'library', 'a kiosk starts on the library (even when asked to open a case)');
    assert.equal(s.controls['nav.settings'], undefined, 'no settings button');
    assert.equal(s.controls['library.import'], undefined, 'no import');
    assert.equal(await app.page.evaluate(() => typeof window.dahTutor.pickCaseFile), 'undefined', 'no file chooser on the page');
    // Every key that opens something elsewhere, and Shift+P (presenter): still a kiosk, no settings.
    for (const key of ['s', 'Shift+P', 'i', 'r', 'Escape', 'F1', 'Escape', 'k', 'l']) {
      s = await press(app, key);
      assert.equal(s.mode, 'kiosk', `after ${key}`);
      assert.equal(s.overlays.settings, false, `no settings after ${key}`);
      assert.equal(s.import.open, false, `no import after ${key}`);
      assert.equal(s.reset_confirm, false, `no reset prompt after ${key}`);
    }
    // Dropping a file on the page does nothing either.
    await app.page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], 'x.case.json', { type: 'application/json' }));
      document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    s = await stateAfter(app);
    assert.deepEqual(s.import_errors, []);
    assert.equal(s.import.open, false);

    // A learner answers the first stage.
    s = await click(app, 'case.gpa-cavities');
    assert.equal(s.screen, 'player');
    s = await commitKey(app);
    assert.equal(s.case.stages[0].committed, true);
    assert.equal(s.cases.find((c) => c.id === 'gpa-cavities').progress, 'in progress');
    assert.ok(s.idle_seconds_left > 0 && s.idle_seconds_left <= 3, `idle countdown (${s.idle_seconds_left})`);
    await app.shot('kiosk-player');

    // Then walks away: nothing touches the page from here until the attract screen shows.
    const framesBefore = await app.frames();
    await new Promise((r) => setTimeout(r, 1500));
    const framesIdle = await app.frames();
    assert.ok(framesIdle - framesBefore <= 3, `no redrawing while idle (${framesIdle - framesBefore} frames in 1.5 s)`);
    await app.page.waitForFunction(() => window.dahTutor.state().kiosk.attract, null, { timeout: 20000 });
    s = await app.state();
    assert.equal(s.kiosk.resets, 1);
    assert.equal(s.case, null, 'no case open');
    assert.ok(s.cases.every((c) => c.progress === 'not started'), 'the answers are cleared');
    await app.shot('kiosk-attract');
    const stored = await app.page.evaluate(() => localStorage.getItem('dah-tutor:progress'));
    assert.ok(!stored.includes('gpa-cavities'), 'and the saved progress too');

    // A touch: back on the library, still a kiosk.
    await app.page.mouse.move(600, 380);
    await app.page.mouse.click(640, 400);
    await app.page.waitForFunction(() => !window.dahTutor.state().kiosk.attract, null, { timeout: 20000 });
    s = await app.state();
    assert.equal(s.kiosk.attract, false);
    assert.equal(s.screen, 'library');
    assert.equal(s.mode, 'kiosk');
    await app.shot('kiosk-library-after-touch');
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.foreignRequests, [], 'no request leaves the origin');
  } finally {
    await app.close();
  }
});

// Input beyond a US keyboard and a mouse, in headless Chromium: an input method's composition and a
// paste into the knowledge explorer's search (through the page's hidden text field), copy out of it,
// shortcuts by the character a key types (AZERTY), AltGr that is not Ctrl, Ctrl+wheel zoom, and touch:
// a drag that scrolls (and one that starts on a slider and leaves it alone), a sideways drag that moves
// the slider, a tap, a long press that shows the hover help, a pinch that magnifies a picture, and
// 44-pixel targets on a touch screen. Keys and fingers go in through the DevTools protocol, as the
// browser would deliver them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openApp, settle, startServer } from './harness.mjs';
import { commitKey, scrollTo, stateAfter } from './player_driver.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// One key as a layout sends it: `key` is what it types, `code` where it sits. Held for a few frames.
async function layoutKey(app, cdp, { key, code, keyCode, text, modifiers = 0 }) {
  await cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key, code, text,
    windowsVirtualKeyCode: keyCode, modifiers });
  await settle(app.page, 2);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode, modifiers });
  return stateAfter(app);
}

async function openExplorerSearch(app) {
  await app.page.keyboard.press('k');
  let s = await stateAfter(app);
  assert.equal(s.screen, 'explorer');
  const r = s.controls['explorer.search'];
  await app.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  s = await stateAfter(app);
  const focused = await app.page.evaluate(() => document.activeElement && document.activeElement.id);
  assert.equal(focused, 'text-entry', 'an active app text field puts the focus in the page\'s text field');
  return s;
}

test('an input method composes into the explorer search; paste and copy use the clipboard', async () => {
  const app = await openApp({ server, browser });
  try {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    const cdp = await app.context.newCDPSession(app.page);
    await openExplorerSearch(app);
    const caret = await app.page.evaluate(() => document.getElementById('text-entry').getBoundingClientRect());
    const box = (await app.state()).controls['explorer.search'];
    assert.ok(caret.top >= box.y - 4 && caret.top <= box.y + box.h, 'the text field sits at the caret (where candidates show)');

    // Composing: nothing reaches the app until the input method commits.
    await cdp.send('Input.imeSetComposition', { text: 'かん', selectionStart: 2, selectionEnd: 2 });
    let s = await stateAfter(app);
    assert.equal(s.explorer_search, '', 'text being composed is not yet typed');
    await cdp.send('Input.insertText', { text: '肝' });
    s = await stateAfter(app);
    assert.equal(s.explorer_search, '肝', 'the committed text arrives once');
    await app.shot('input-ime');
    // A dead key's result (what an input method or the layout commits) arrives the same way.
    await cdp.send('Input.insertText', { text: 'é' });
    s = await stateAfter(app);
    assert.equal(s.explorer_search, '肝é');
    await app.page.keyboard.press('Backspace');
    await app.page.keyboard.press('Backspace');
    s = await stateAfter(app);
    assert.equal(s.explorer_search, '', 'editing keys still reach the app field');

    // Paste from the system clipboard with the shortcut key, on one line.
    await app.page.evaluate(() => navigator.clipboard.writeText('anca\n'));
    await app.page.keyboard.press('ControlOrMeta+KeyV');
    s = await stateAfter(app);
    assert.equal(s.explorer_search.trim(), 'anca', 'the clipboard\'s text is pasted');
    assert.ok(s.explorer_rows > 0, 'and filters the table');

    // Copy: select all, copy; the clipboard holds the field's text.
    await app.page.evaluate(() => navigator.clipboard.writeText('something else'));
    await app.page.keyboard.press('ControlOrMeta+KeyA');
    await settle(app.page, 2);
    await app.page.keyboard.press('ControlOrMeta+KeyC');
    await settle(app.page, 2);
    assert.equal((await app.page.evaluate(() => navigator.clipboard.readText())).trim(), 'anca', 'copy puts the text on the clipboard');

    // Escape leaves the field: the canvas has the keys again.
    await app.page.keyboard.press('Escape');
    await settle(app.page, 3);
    assert.notEqual(await app.page.evaluate(() => document.activeElement && document.activeElement.id), 'text-entry');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('shortcuts follow the layout (AZERTY), AltGr is not Ctrl, Ctrl+wheel zooms', async () => {
  const app = await openApp({ server, browser });
  try {
    const cdp = await app.context.newCDPSession(app.page);
    await app.page.keyboard.press('1');
    let s = await stateAfter(app);
    assert.equal(s.screen, 'player');
    s = await commitKey(app);  // what-if needs the engine, shown once the stage is committed
    s = await layoutKey(app, cdp, { key: '[', code: 'BracketLeft', keyCode: 219, text: '[' });
    // AZERTY: the key where QWERTY has W types "z"; it is not what-if.
    s = await layoutKey(app, cdp, { key: 'z', code: 'KeyW', keyCode: 90, text: 'z' });
    assert.equal(s.case.what_if, null, 'the key that types "z" is not W');
    // The key where QWERTY has Z types "w" on AZERTY: what-if.
    s = await layoutKey(app, cdp, { key: 'w', code: 'KeyZ', keyCode: 87, text: 'w' });
    assert.ok(s.case.what_if, 'the key that types "w" opens what-if');
    await layoutKey(app, cdp, { key: 'b', code: 'KeyB', keyCode: 66, text: 'b' });
    // Cyrillic: "ц" sits on W and is no Latin letter: the physical key counts.
    s = await layoutKey(app, cdp, { key: 'ц', code: 'KeyW', keyCode: 87, text: 'ц' });
    assert.ok(s.case.what_if, 'a non-Latin layout falls back to the physical key');
    await layoutKey(app, cdp, { key: 'b', code: 'KeyB', keyCode: 66, text: 'b' });

    // AltGr as Windows sends it (Ctrl+Alt): "}" on the Equal key of a French keyboard does not zoom.
    const scale = s.ui_scale;
    s = await layoutKey(app, cdp, { key: '}', code: 'Equal', keyCode: 187, text: '}', modifiers: 1 | 2 });
    assert.equal(s.ui_scale, scale, 'AltGr+= is not Ctrl+=');
    s = await layoutKey(app, cdp, { key: '=', code: 'Equal', keyCode: 187, modifiers: 2 });
    assert.ok(s.ui_scale > scale, 'Ctrl+= zooms the UI');
    s = await layoutKey(app, cdp, { key: '0', code: 'Digit0', keyCode: 48, modifiers: 2 });
    assert.equal(s.ui_scale, 1, 'Ctrl+0 resets');

    // Ctrl+wheel zooms the UI (a touchpad pinch arrives as one too).
    await app.page.mouse.move(640, 400);
    await app.page.keyboard.down('Control');
    await app.page.mouse.wheel(0, -300);
    await app.page.keyboard.up('Control');
    s = await stateAfter(app);
    assert.ok(s.ui_scale > 1, `Ctrl+wheel up zooms in (${s.ui_scale})`);
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

// Fingers as the DevTools protocol moves them, on a clock of their own: each event carries the time the
// finger did it (as a touch screen stamps its events), so a loaded machine that handles them late does
// not turn a tap into a long press. Waits between events let the app draw (it decides by what it drew).
function fingers(cdp, page) {
  let clock = Date.now() / 1000;
  const send = async (type, touchPoints, afterMs) => {
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints, timestamp: clock });
    clock += afterMs / 1000;
    await settle(page, 1);
  };
  return {
    down: (points, afterMs = 50) => send('touchStart', points, afterMs),
    move: (points, afterMs = 16) => send('touchMove', points, afterMs),
    up: () => send('touchEnd', [], 0),
    // One finger down at `from`, `steps` moves to `to` (`stepMs` apart), lifted `holdMs` after going down
    // when it does not move.
    async drag(from, to, { steps = 8, holdMs = 50, stepMs = 16 } = {}) {
      await this.down([{ x: from.x, y: from.y, id: 1 }], holdMs);
      for (let i = 1; i <= steps; ++i)
        await this.move([{ x: from.x + (to.x - from.x) * i / steps, y: from.y + (to.y - from.y) * i / steps, id: 1 }], stepMs);
      await this.up();
    },
  };
}

test('touch: a vertical drag scrolls and leaves a slider alone, sideways moves it, a tap clicks, a long press shows help', async () => {
  const app = await openApp({ server, browser, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true });
  try {
    const finger = fingers(await app.context.newCDPSession(app.page), app.page);
    let s = await app.state();
    assert.equal(s.options.touch, true, 'a touch screen is recognised');
    for (const name of ['nav.library', 'nav.help']) assert.ok(s.controls[name].h >= 44, `${name} is at least 44 px high on touch (${s.controls[name].h})`);

    // A tap opens the first case from the library.
    const first = Object.keys(s.controls).find((k) => k.startsWith('case.'));
    assert.ok(first, 'the library shows a case to tap');
    const c = s.controls[first];
    await finger.drag({ x: c.x + c.w / 2, y: c.y + c.h / 2 }, { x: c.x + c.w / 2, y: c.y + c.h / 2 }, { steps: 0, holdMs: 80 });
    s = await stateAfter(app, 4);
    assert.equal(s.screen, 'player', 'a tap is a click');
    assert.equal(s.tooltip, false, 'a tap leaves no hover help behind');

    // A vertical swipe that starts on a slider scrolls the page and leaves the slider as it was. The
    // sliders are those of every cause (the detailed level; "." opens it).
    await app.page.keyboard.press('Period');
    s = await stateAfter(app);
    s = await scrollTo(app, Object.keys(s.controls).find((k) => k.startsWith('slider.')) || 'slider.gpa');
    const sliderName = Object.keys(s.controls).filter((k) => k.startsWith('slider.')).sort((a, b) => s.controls[a].y - s.controls[b].y)[0];
    const slider = s.controls[sliderName];
    const draft = s.case.learner.draft;
    const start = { x: slider.x + slider.w * 0.8, y: slider.y + slider.h / 2 };
    await finger.drag(start, { x: start.x - 30, y: start.y - 250 }, { steps: 10 });
    s = await stateAfter(app, 6);
    assert.deepEqual(s.case.learner.draft, draft, 'a mostly vertical swipe never sets a slider');
    assert.ok(!s.controls[sliderName] || s.controls[sliderName].y < slider.y - 100,
      `the panel scrolled with the finger (slider from y ${slider.y} to ${s.controls[sliderName]?.y})`);
    await app.shot('input-touch-scrolled');

    // Momentum: a quick flick keeps the content moving after the finger lifts. Back towards the top, where
    // the swipe above left at least 250 px to go (below, the panel may end sooner).
    // The swipe's own glide ends first; the flick starts on the causes' names, beside their sliders.
    const glideEnded = async () => {
      let last = -1;
      for (let i = 0; i < 30 && s.scroll['panel.screen'] !== last; ++i) {
        last = s.scroll['panel.screen'];
        s = await stateAfter(app, 3);
      }
      return last;
    };
    const top = await glideEnded();
    await finger.drag({ x: 40, y: 500 }, { x: 40, y: 600 }, { steps: 5, stepMs: 10 });
    // The frame that takes the finger's movement may come after the finger has lifted (the browser can
    // hold animation frames back): the position is read from the first frame that moved the content.
    let lifted = (await app.state()).scroll['panel.screen'];
    for (let i = 0; i < 20 && lifted === top; ++i) lifted = (await stateAfter(app, 1)).scroll['panel.screen'];
    s = await stateAfter(app, 4);
    const later = s.scroll['panel.screen'];
    assert.ok(lifted < top, `the flick scrolled (${top} → ${lifted})`);
    assert.ok(later < lifted && top - later > 100 + 20, `and the content glided on after the finger lifted (${top} → ${lifted} → ${later})`);

    // Sideways on the slider: the slider's own drag.
    await glideEnded();
    s = await scrollTo(app, sliderName);
    const r = s.controls[sliderName];
    const was = s.case.learner.draft[sliderName.slice('slider.'.length)];
    await finger.drag({ x: r.x + r.w * 0.3, y: r.y + r.h / 2 }, { x: r.x + r.w * 0.9, y: r.y + r.h / 2 + 4 }, { steps: 10 });
    s = await stateAfter(app, 4);
    assert.ok(s.case.learner.draft[sliderName.slice('slider.'.length)] > was + 0.05, 'a sideways drag moves the slider');

    // A long press on a locked stage shows its hover help, which stays after the finger lifts.
    s = await scrollTo(app, 'stage.labs');
    const tab = Object.entries(s.controls).filter(([k]) => k.startsWith('stage.')).map(([, v]) => v).pop();
    await finger.drag({ x: tab.x + tab.w / 2, y: tab.y + tab.h / 2 }, { x: tab.x + tab.w / 2 + 2, y: tab.y + tab.h / 2 }, { steps: 1, holdMs: 700 });
    s = await stateAfter(app, 3);
    assert.equal(s.tooltip, true, 'a long press shows the hover help');
    assert.equal(s.case.stage.index, 0, 'and is not a click');
    await app.shot('input-long-press');
    assert.deepEqual(app.problems.pageErrors, []);
  } finally {
    await app.close();
  }
});

test('touch: a pinch magnifies a picture', async () => {
  const app = await openApp({ server, browser, query: 'gallery=1', viewport: { width: 800, height: 900 }, hasTouch: true });
  try {
    const finger = fingers(await app.context.newCDPSession(app.page), app.page);
    await settle(app.page, 3);
    let s = await app.state();
    const p = s.pictures[0];
    assert.equal(p.zoom, 1);
    const cx = p.rect.x + p.rect.w / 2, cy = p.rect.y + p.rect.h / 2;
    await finger.down([{ x: cx - 20, y: cy, id: 1 }, { x: cx + 20, y: cy, id: 2 }]);
    for (let i = 1; i <= 8; ++i) await finger.move([{ x: cx - 20 - 8 * i, y: cy, id: 1 }, { x: cx + 20 + 8 * i, y: cy, id: 2 }]);
    await finger.up();
    s = await stateAfter(app, 4);
    const zoomed = s.pictures[0];
    assert.ok(zoomed.zoom > 2 && zoomed.zoom <= 4, `the fingers spread to 104 from 40 px: about 2.6× (${zoomed.zoom})`);
    assert.deepEqual(zoomed.rect, p.rect, 'the picture keeps its box');
    assert.equal(s.ui_scale, 1, 'the UI itself did not zoom');
    await app.shot('input-pinch');
  } finally {
    await app.close();
  }
});

// Accessibility of every screen in headless Chromium: axe-core finds no violation (library, each stage of
// a case before and after its commit, the answer's detailed level, debrief, My progress, knowledge explorer, help, settings, presenter mode with the
// class vote and the engine shown, kiosk and its attract screen), and every control the app reports in
// state().controls has a node with a role and a name in Chromium's accessibility tree (what a screen
// reader reads: the hidden mirror of the canvas, shell/mirror.js). The mirror costs no idle frame.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, settle } from './harness.mjs';
import { axTree, axeViolations, controlIds } from './a11y_driver.mjs';
import { click, commitKey, press, scrollTo, stateAfter } from './player_driver.mjs';

// Roles that say nothing about what a node is.
const EMPTY_ROLES = new Set(['', 'generic', 'none', 'presentation', 'InlineTextBox', 'StaticText']);

async function mirrorReady(app) {
  await app.page.waitForFunction(() => !!document.getElementById('a11y-mirror'), null, { timeout: 20000 });
  await settle(app.page, 2);
}

// axe on the page, then every reported control against the accessibility tree; returns a summary line.
async function checkScreen(app, label, summary) {
  await mirrorReady(app);
  const violations = await axeViolations(app.page);
  const s = await app.state();
  const tree = await axTree(app.page);
  const ids = await controlIds(app.page, tree);
  const missing = [];
  for (const name of Object.keys(s.controls)) {
    const node = ids.get(name);
    if (!node) missing.push(`${name}: no node`);
    else if (EMPTY_ROLES.has(node.role)) missing.push(`${name}: role "${node.role}"`);
    else if (!(node.name || node.text).trim()) missing.push(`${name}: no name (${node.role})`);
  }
  summary.push(`${label}: axe ${violations.length} violations; ${Object.keys(s.controls).length} controls, ` +
    `${Object.keys(s.controls).length - missing.length} with role and name; ${tree.length} accessibility nodes`);
  assert.deepEqual(violations, [], `${label}: axe violations`);
  assert.deepEqual(missing, [], `${label}: controls without a role and a name in the accessibility tree`);
}

function checkProblems(app) {
  assert.deepEqual(app.problems.consoleErrors, []);
  assert.deepEqual(app.problems.pageErrors, []);
  assert.deepEqual(app.problems.failedRequests, []);
}

test('every screen: axe finds no violation and every control has a role and a name', { timeout: 600000 }, async () => {
  const summary = [];
  const app = await openApp({ viewport: { width: 1366, height: 768 } });
  try {
    await checkScreen(app, 'library', summary);
    // The mirror adds no frame: an idle app draws nothing.
    const before = await app.frames();
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await app.frames(), before, 'no frame while idle, with the mirror on');

    let s = await click(app, 'case.gpa-cavities');
    assert.equal(s.screen, 'player');
    const stages = s.case.stages.length;
    for (let i = 0; i < stages; ++i) {
      s = await stateAfter(app);
      assert.equal(s.case.stage.index, i);
      await checkScreen(app, `player stage ${i + 1} (${s.case.stage.id})`, summary);
      if (i === 0) {
        // The answer's other levels: the leading group's causes and every cause's slider, label and Hold.
        s = await press(app, '1');  // "mostly immune": the immune group leads, with its causes to share
        if (s.controls['causes.toggle']) s = await click(app, 'causes.toggle');
        s = await click(app, 'detailed.toggle');
        // Nine immune causes share the leading group: the sliders come below them in the panel.
        if (!Object.keys(s.controls).some((k) => k.startsWith('slider.'))) s = await scrollTo(app, 'slider.gpa');
        assert.ok(Object.keys(s.controls).some((k) => k.startsWith('slider.')), 'every cause\'s slider is drawn');
        assert.ok(Object.keys(s.controls).some((k) => k.startsWith('cause.')), 'the leading group\'s causes are drawn');
        await checkScreen(app, 'player stage 1, top causes and every cause (detailed)', summary);
        s = await click(app, 'detailed.toggle');
        s = await click(app, 'causes.toggle');
      }
      s = await commitKey(app);
      assert.equal(s.case.stages[i].committed, true);
      await checkScreen(app, `player stage ${i + 1} committed`, summary);
      s = await press(app, 'n');  // the next stage, or after the last the debrief
    }
    assert.equal(s.screen, 'debrief');
    await checkScreen(app, 'debrief', summary);
    s = await press(app, 'm');
    assert.equal(s.screen, 'progress');
    assert.ok(s.controls['progress.calibration'] || s.controls['progress.summary'], 'My progress is drawn');
    await checkScreen(app, 'my progress (one case finished)', summary);
    s = await press(app, 'k');
    assert.equal(s.screen, 'explorer');
    await checkScreen(app, 'explorer', summary);
    s = await press(app, 'F1');
    assert.equal(s.overlays.help, true);
    await checkScreen(app, 'help', summary);
    s = await press(app, 'Escape');
    s = await press(app, 's');
    assert.equal(s.overlays.settings, true);
    await checkScreen(app, 'settings', summary);
    s = await press(app, 'Escape');
    checkProblems(app);
  } finally {
    await app.close();
  }

  const presenter = await openApp({ query: 'present', viewport: { width: 1024, height: 768 } });
  try {
    let s = await stateAfter(presenter);
    assert.equal(s.mode, 'presenter');
    await checkScreen(presenter, 'presenter library', summary);
    const index = s.cases.findIndex((c) => c.id === 'gpa-cavities');
    s = await press(presenter, String(index + 1));
    assert.equal(s.screen, 'player');
    assert.ok(s.controls['vote.count.immune'], 'the hall\'s vote is shown');
    await checkScreen(presenter, 'presenter stage 1, the hall\'s vote, engine hidden', summary);
    s = await press(presenter, 'v');
    assert.ok(!s.controls['vote.count.immune'], 'V hides the vote');
    await checkScreen(presenter, 'presenter vote hidden', summary);
    s = await press(presenter, 'v');
    s = await press(presenter, 'e');
    assert.ok(s.controls['vote.engine.immune'], 'the vote table has the engine\'s column');
    assert.equal(s.engine_shown, true);
    await checkScreen(presenter, 'presenter engine shown', summary);
    s = await press(presenter, 'b');
    await checkScreen(presenter, 'presenter blank screen', summary);
    checkProblems(presenter);
  } finally {
    await presenter.close();
  }

  const kiosk = await openApp({ query: 'kiosk&idle=20' });
  try {
    let s = await stateAfter(kiosk);
    assert.equal(s.mode, 'kiosk');
    assert.equal(s.screen, 'library');
    assert.ok(s.controls['case.gpa-cavities'], 'the kiosk shows the library');
    await checkScreen(kiosk, 'kiosk library', summary);
    await kiosk.page.waitForFunction(() => window.dahTutor.state().controls.attract !== undefined, null, { timeout: 40000 });
    await checkScreen(kiosk, 'kiosk attract screen', summary);
    checkProblems(kiosk);
  } finally {
    await kiosk.close();
  }
  console.log(summary.join('\n'));
});

// The case player in headless Chromium: whole cases walked by real clicks and key presses on the
// canvas, committing an answer at every stage; what the page shows is checked against the posterior
// the test derives itself from the knowledge base's numbers (player_driver.mjs: independentPosteriors),
// the walk is replayed by the WASM `dah session`, and a screenshot is saved per stage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, openApp, startServer, waitForApp } from './harness.mjs';
import { assertClose, brier, click, clickAt, independentPosteriors, coreSession, overlaps, press, scrollTo, stateAfter, commitKey,
  selectDiagnosis } from './player_driver.mjs';

function checkProblems(app) {
  assert.deepEqual(app.problems.consoleErrors, []);
  assert.deepEqual(app.problems.pageErrors, []);
  assert.deepEqual(app.problems.failedRequests, []);
  assert.deepEqual(app.problems.foreignRequests, []);
}

function sum(probabilities) { return Object.values(probabilities).reduce((a, b) => a + b, 0); }

// One stage: the learner's answer set cause by cause (the answer panel's detailed sliders) with the
// mouse (a slider) or the keyboard (, / . then = ), then committed.
async function answerStage(app, stage, truth, useMouse) {
  let s = await app.state();
  assert.equal(s.case.stage.index, stage);
  assert.equal(s.case.engine_shown, false, 'the engine is hidden until the learner commits');
  if (useMouse) {
    if (!s.answer_panel.detailed_open) s = await click(app, 'detailed.toggle');
    s = await scrollTo(app, `slider.${truth}`);
    const r = s.controls[`slider.${truth}`];
    s = await clickAt(app, r.x + r.w * (0.3 + 0.1 * stage), r.y + r.h / 2);
  } else {
    s = await selectDiagnosis(app, truth);
    for (let i = 0; i < 3; ++i) s = await press(app, 'Equal');
  }
  assert.equal(s.case.learner.level, 'detailed', 'set cause by cause: the detailed level');
  assertClose(sum(s.case.learner.draft), 1, 1e-9, 'the sliders stay normalised');
  const draft = s.case.learner.draft;
  s = useMouse ? await click(app, 'commit') : await commitKey(app);
  assert.equal(s.case.learner.committed, true, 'the answer is committed');
  for (const [id, p] of Object.entries(draft)) assertClose(s.case.learner.probabilities[id], p, 1e-9, `committed ${id}`);
  return s;
}

async function walkCase(app, id, useMouse) {
  let s = await app.state();
  const entry = s.cases.find((c) => c.id === id);
  assert.ok(entry, `case ${id} is listed`);
  const reference = independentPosteriors(entry.file);
  s = useMouse ? await click(app, `case.${id}`) : await press(app, String(s.cases.findIndex((c) => c.id === id) + 1));
  assert.equal(s.screen, 'player');
  assert.equal(s.case.id, id);
  assert.equal(s.case.stages.length, reference.length, 'the timeline has every stage of the case');
  let truth = null;
  for (let stage = 0; stage < reference.length; ++stage) {
    // The learner does not know the answer; aim at the engine's final leader to make scores differ.
    const final = reference[reference.length - 1];
    const guess = Object.keys(final).reduce((a, b) => (final[a] >= final[b] ? a : b));
    s = await answerStage(app, stage, guess, useMouse);
    // What the page shows equals what the core computes.
    assert.equal(s.case.engine_shown, true);
    for (const [dx, p] of Object.entries(reference[stage])) assertClose(s.case.engine.posterior[dx], p, 1e-12, `stage ${stage} posterior of ${dx}`);
    const st = s.case.stages[stage];
    assert.equal(st.committed, true);
    for (const [dx, p] of Object.entries(reference[stage])) assertClose(st.engine[dx], p, 1e-12, `stage ${stage} engine ${dx}`);
    await app.shot(`player-${id}-${stage + 1}-${s.case.stage.id}`);
    s = useMouse ? await click(app, 'next') : await press(app, 'n');
    if (stage + 1 < reference.length) {
      assert.equal(s.case.stage.index, stage + 1, 'Next reveals the next stage');
      assert.ok(s.case.revealed_findings.some((f) => f.newest) || true);
    }
  }
  assert.equal(s.screen, 'debrief', 'after the last stage comes the debrief');
  truth = s.case.answer;
  assert.ok(truth, 'the debrief names the answer');
  for (const [i, st] of s.case.stages.entries()) {
    assertClose(st.learner_brier, brier(st.learner, truth), 1e-9, `learner Brier at stage ${i}`);
    assertClose(st.engine_brier, brier(reference[i], truth), 1e-9, `engine Brier at stage ${i}`);
  }
  await app.shot(`player-${id}-debrief`);
  return s;
}

test('two whole cases walked by mouse and keyboard match the core at every stage', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  const app = await openApp({ server, browser });
  try {
    let s = await app.state();
    assert.equal(s.screen, 'library');
    await app.shot('player-library');
    const first = s.cases[0].id;
    const last = s.cases[s.cases.length - 1].id;
    const shown = {};  // what the debrief showed, by case
    s = await walkCase(app, first, true);
    shown[first] = s.case;
    s = await press(app, 'l');
    assert.equal(s.cases.find((c) => c.id === first).progress, 'done');
    assert.equal(typeof s.cases.find((c) => c.id === first).best_score, 'number');
    const second = s.cases[1].id;
    s = await walkCase(app, second, false);
    shown[second] = s.case;
    s = await press(app, 'l');
    s = await walkCase(app, last, true);
    shown[last] = s.case;

    // A second front end: the learner's event log, replayed by the WASM `dah session` through the same
    // tutor, gives what the page showed (every committed answer, every score).
    const session = coreSession(await app.page.evaluate(() => window.dahTutor.events()), 'player-walk');
    assert.equal(session.refused, 0, 'every logged action replays');
    assert.equal(session.malformed, 0);
    for (const [id, c] of Object.entries(shown)) {
      const replayed = session.scores.find((x) => x.case === id);
      assert.ok(replayed && replayed.finished, `${id} is finished in the replay`);
      assertClose(replayed.learner_case_score, c.learner_case_score, 1e-9, `${id}: case score`);
      for (const [i, st] of c.stages.entries()) {
        assertClose(replayed.stages[i].learner_brier, st.learner_brier, 1e-12, `${id} stage ${i}: learner Brier`);
        assertClose(replayed.stages[i].engine_brier, st.engine_brier, 1e-12, `${id} stage ${i}: engine Brier`);
      }
      const commits = session.steps.filter((x) => x.command.cmd === 'commit' && x.result.case === id);
      assert.equal(commits.length, c.stages.length, `${id}: one commit per stage`);
      for (const x of commits)
        for (const [dx, p] of Object.entries(c.stages[x.result.stage].learner)) assertClose(x.result.learner[dx], p, 1e-12, `${id}: committed ${dx}`);
    }

    // Revisit a stage, try a what-if, go back to the real case with one click.
    s = await press(app, 'p');
    s = await press(app, 'BracketLeft');
    s = await press(app, 'w');
    assert.ok(s.case.what_if, 'W starts a what-if');
    await app.shot('player-what-if');
    s = await click(app, 'what_if.back');
    assert.equal(s.case.what_if, null, 'one click back to the real case');
    s = await press(app, 'F1');
    assert.equal(s.overlays.help, true, 'F1 shows the shortcuts');
    await app.shot('player-help');
    s = await press(app, 'Escape');
    assert.equal(s.overlays.help, false);

    // The knowledge explorer: searchable.
    s = await press(app, 'k');
    assert.equal(s.screen, 'explorer');
    const allRows = s.explorer_rows;
    s = await press(app, 'Slash');
    for (const ch of 'anca') s = await press(app, ch);
    assert.equal(s.explorer_search, 'anca', 'typing goes into the search field');
    assert.ok(s.explorer_rows > 0 && s.explorer_rows < allRows, 'the search narrows the table');
    await app.shot('player-explorer');
    s = await press(app, 'Escape');
    s = await press(app, 'l');
    assert.equal(s.screen, 'library');
    s = await press(app, 'f');
    assert.equal(s.filter.difficulty, 'introductory', 'F filters by difficulty');
    assert.ok(s.cases.length > 0);
    await app.shot('player-library-progress');
    s = await press(app, 'f');
    s = await press(app, 'f');
    s = await press(app, 'f');
    assert.equal(s.filter.difficulty, '', 'F cycles back to all');

    // Progress survives a reload (localStorage).
    await app.page.reload();
    await waitForApp(app.page);
    s = await app.state();
    assert.equal(s.cases.find((c) => c.id === first).progress, 'done', 'progress survives a reload');

    // Nothing is drawn while nothing happens.
    await stateAfter(app);
    const before = await app.frames();
    await new Promise((r) => setTimeout(r, 700));
    assert.ok((await app.frames()) - before <= 4, 'no redraw while idle');
    checkProblems(app);
  } finally {
    await app.close();
    await browser.close();
    server.stop();
  }
});

for (const [label, viewport, deviceScaleFactor] of [['phone', { width: 390, height: 844 }, 3], ['wide', { width: 1920, height: 1080 }, 1]]) {
  test(`a ${label} window shows the player without overlapping controls`, async () => {
    const app = await openApp({ viewport, deviceScaleFactor });
    try {
      let s = await press(app, '1');
      assert.equal(s.screen, 'player');
      s = await commitKey(app);
      assert.equal(s.case.engine_shown, true, 'C commits');
      const names = Object.keys(s.controls).filter((k) => !k.startsWith('panel.'));
      for (const n of names) assert.ok(s.controls[n].x >= -0.5 && s.controls[n].x + s.controls[n].w <= viewport.width + 0.5, `${n} fits the width`);
      for (let i = 0; i < names.length; ++i)
        for (let j = i + 1; j < names.length; ++j)
          assert.ok(!overlaps(s.controls[names[i]], s.controls[names[j]]), `${names[i]} overlaps ${names[j]}`);
      await app.shot(`player-${label}`);
      checkProblems(app);
    } finally {
      await app.close();
    }
  });
}

for (const theme of ['light', 'high-contrast']) {
  test(`the ${theme} theme draws the player (opened from the URL)`, async () => {
    const app = await openApp({ query: `theme=${theme}&case=gpa-cavities` });
    try {
      let s = await app.state();
      assert.equal(s.theme, theme, 'the theme comes from the URL');
      assert.equal(s.screen, 'player', '?case= opens the case');
      s = await commitKey(app);
      assert.equal(s.case.engine_shown, true);
      await app.shot(`player-theme-${theme}`);
      checkProblems(app);
    } finally {
      await app.close();
    }
  });
}

test('on a phone (touch, two device pixels per CSS pixel) a tap opens a case and the canvas is sharp', async () => {
  const app = await openApp({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true });
  try {
    const size = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height };
    });
    assert.deepEqual(size, { width: 720, height: 1280 }, 'the drawing buffer has the device pixels');
    let s = await app.state();
    assert.equal(s.screen, 'library');
    const [name, r] = Object.entries(s.controls).find(([n]) => n.startsWith('case.'));
    await app.page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    s = await stateAfter(app);
    assert.equal(s.screen, 'player', 'the tap opened the case');
    assert.equal('case.' + s.case.id, name);
    await app.shot('player-phone-touch');
    checkProblems(app);
  } finally {
    await app.close();
  }
});

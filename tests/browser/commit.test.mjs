// A commit in seconds: a whole case answered at every stage in at most three actions per stage (a preset
// for the first question, Commit, Next) by mouse, by keyboard and by touch, with the answer panel in
// view without scrolling the moment a stage opens (1366×768 and 390×844). The scores are on the four
// groups, checked against a Brier score the test works out from the knowledge base's numbers itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import { assertClose, brier, byGroup, groupOf, independentPosteriors, presetKey, stateAfter } from './player_driver.mjs';

const CASE = 'gpa-cavities';

function checkProblems(app) {
  assert.deepEqual(app.problems.consoleErrors, []);
  assert.deepEqual(app.problems.pageErrors, []);
  assert.deepEqual(app.problems.failedRequests, []);
  assert.deepEqual(app.problems.foreignRequests, []);
}

function inViewport(r, viewport) {
  return r && r.x >= -0.5 && r.y >= -0.5 && r.x + r.w <= viewport.width + 0.5 && r.y + r.h <= viewport.height + 0.5;
}

// The three ways in: each action is counted.
const ways = {
  mouse: (app) => ({
    async control(name) {
      const s = await app.state();
      const r = s.controls[name];
      assert.ok(r, `${name} is on screen without scrolling`);
      await app.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
      return stateAfter(app);
    },
  }),
  touch: (app) => ({
    async control(name) {
      const s = await app.state();
      const r = s.controls[name];
      assert.ok(r, `${name} is on screen without scrolling`);
      await app.page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
      return stateAfter(app);
    },
  }),
};

async function walk(app, viewport, how, shotName) {
  let s = await stateAfter(app);
  assert.equal(s.screen, 'player');
  const file = s.cases.find((c) => c.id === CASE).file;
  const reference = independentPosteriors(file);
  const groups = groupOf();
  // The learner's guess (the answer is hidden): the group the engine leans to at the end, "mostly" it.
  const final = byGroup(reference[reference.length - 1], groups);
  const guess = Object.keys(final).reduce((a, b) => (final[a] >= final[b] ? a : b));
  const perStage = [];
  for (let stage = 0; stage < reference.length; ++stage) {
    s = await app.state();
    assert.equal(s.case.stage.index, stage);
    assert.ok(inViewport(s.controls['panel.commit'], viewport),
      `stage ${stage + 1}: the answer panel is in view as the stage opens (${JSON.stringify(s.controls['panel.commit'])})`);
    for (const name of ['commit', 'commit.split', `commit.preset.${presetKey(guess)}`]) assert.ok(inViewport(s.controls[name], viewport), `${name} in view`);
    if (stage === 0 && shotName) await app.shot(shotName);
    let actions = 0;
    const act = async (fn) => { ++actions; s = await fn(); };
    if (how === 'keyboard') {
      await act(() => app.page.keyboard.press(presetKey(guess)).then(() => stateAfter(app)));
      await act(() => app.page.keyboard.press('c').then(() => stateAfter(app)));
    } else {
      const w = ways[how](app);
      await act(() => w.control(`commit.preset.${presetKey(guess)}`));
      await act(() => w.control('commit'));
    }
    assert.equal(s.case.stages[stage].committed, true, `stage ${stage + 1} committed`);
    assert.equal(s.case.stages[stage].level, 'groups', 'a preset answers the first question: the groups level');
    assertClose(s.case.stages[stage].groups[guess], 0.7, 1e-12, '"mostly" gives the group .7');
    if (how === 'keyboard') await act(() => app.page.keyboard.press('n').then(() => stateAfter(app)));
    else await act(() => ways[how](app).control('next'));
    perStage.push(actions);
  }
  assert.equal(s.screen, 'debrief', 'after the last stage: the debrief');
  const truth = groups[s.case.answer];
  // Scored on the four groups, by hand: .7 on the guess, .1 on each of the three others.
  const answer = Object.fromEntries(Object.keys(final).map((g) => [g, g === guess ? 0.7 : 0.1]));
  s.case.stages.forEach((st, i) => {
    assertClose(st.learner_brier, brier(answer, truth), 1e-9, `stage ${i + 1}: the Brier score on the groups`);
    assertClose(st.engine_brier, brier(byGroup(reference[i], groups), truth), 1e-9, `stage ${i + 1}: the engine's on the groups`);
    assertClose(st.learner_log_bits, -Math.log2(answer[truth]), 1e-9, `stage ${i + 1}: the log score`);
  });
  return perStage;
}

for (const [how, viewport, extra] of [
  ['mouse', { width: 1366, height: 768 }, {}],
  ['keyboard', { width: 1366, height: 768 }, {}],
  ['touch', { width: 390, height: 844 }, { hasTouch: true, deviceScaleFactor: 2 }],
]) {
  test(`a whole case by ${how} at ${viewport.width}x${viewport.height}: at most three actions a stage`, { timeout: 240000 }, async () => {
    const app = await openApp({ query: `case=${CASE}`, viewport, ...extra });
    try {
      const perStage = await walk(app, viewport, how, how === 'keyboard' ? null : `commit-control-${viewport.width}x${viewport.height}`);
      console.log(`${how}: actions per stage ${JSON.stringify(perStage)}`);
      assert.ok(perStage.length >= 5);
      for (const n of perStage) assert.ok(n <= 3, `${n} actions at a stage`);
      await app.shot(`commit-${how}-debrief`);
      checkProblems(app);
    } finally {
      await app.close();
    }
  });
}

test('the detailed sliders: a typed value (Ctrl+click), a held value, and a name that sets nothing', { timeout: 120000 }, async () => {
  const viewport = { width: 1366, height: 768 };
  const app = await openApp({ query: `case=${CASE}`, viewport });
  try {
    let s = await stateAfter(app);
    const click = async (name) => {
      const r = s.controls[name];
      assert.ok(r, `${name} is on screen`);
      await app.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
      s = await stateAfter(app);
    };
    await click('detailed.toggle');
    assert.equal(s.answer_panel.detailed_open, true);
    const before = s.case.learner.draft;
    await click('label.gpa');
    assert.deepEqual(s.case.learner.draft, before, 'a click on a cause\'s name sets nothing');
    await click('hold.gpa');
    assert.deepEqual(s.case.learner.held, ['gpa']);
    const r = s.controls['slider.mpa'];
    await app.page.keyboard.down('Control');
    await app.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    await app.page.keyboard.up('Control');
    s = await stateAfter(app);
    await app.page.keyboard.type('40');
    await app.page.keyboard.press('Enter');
    s = await stateAfter(app);
    assertClose(s.case.learner.draft.mpa, 0.4, 1e-6, 'the typed 40 %');
    assertClose(s.case.learner.draft.gpa, before.gpa, 1e-12, 'the held value stays');
    assert.equal(s.case.learner.level, 'detailed');
    await app.shot('commit-detailed-1366x768');
    checkProblems(app);
  } finally {
    await app.close();
  }
});

// Presenter mode in headless Chromium: ?present gives large type and high contrast; the lecturer's
// keys drive a whole case (next / previous / jump, show the engine, blank the screen); the engine
// stays hidden until shown; the class vote (hands for the four answers to the first question) entered by
// keys is scored by the core like a learner's answer on the four groups. At 1024×768 and 1920×1080 the
// case text, the stage tabs, the vote and the engine share one screen without overlapping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import { assertClose, brier, byGroup, groupOf, independentPosteriors, overlaps, press, questionOrder, stateAfter } from './player_driver.mjs';

function checkProblems(app) {
  assert.deepEqual(app.problems.consoleErrors, []);
  assert.deepEqual(app.problems.pageErrors, []);
  assert.deepEqual(app.problems.failedRequests, []);
  assert.deepEqual(app.problems.foreignRequests, [], 'no request leaves the origin');
}

test('presenter keys drive a whole case; the engine is hidden until the lecturer shows it', { timeout: 300000 }, async () => {
  const app = await openApp({ query: 'present', viewport: { width: 1920, height: 1080 } });
  try {
    let s = await stateAfter(app);
    assert.equal(s.mode, 'presenter');
    assert.ok(s.ui_scale >= 2, `large type by default (scale ${s.ui_scale})`);
    assert.equal(s.theme, 'high-contrast');
    await app.shot('presenter-library');

    const index = s.cases.findIndex((c) => c.id === 'gpa-cavities');
    assert.ok(index >= 0 && index < 9);
    const reference = independentPosteriors(s.cases[index].file);
    s = await press(app, String(index + 1));
    assert.equal(s.screen, 'player');
    const ids = Object.keys(reference[0]);
    const votes = [];
    for (let stage = 0; stage < reference.length; ++stage) {
      s = await app.state();
      assert.equal(s.case.stage.index, stage);
      assert.equal(s.engine_shown, false, `stage ${stage}: the engine is hidden before the lecturer shows it`);
      assert.equal(s.case.engine_shown, false);
      assert.equal(s.case.engine, null, 'nothing of the engine is reported while hidden');
      // The show of hands for the four answers: a few for the first two, more for one that moves with the stage.
      const hands = questionOrder.map((_, i) => (i === stage % 4 ? 5 + stage : i < 2 ? 1 + i : 0));
      for (let g = 0; g < questionOrder.length; ++g) {
        while (s.vote.selected !== questionOrder[g]) s = await press(app, 'ArrowDown');
        for (let k = 0; k < hands[g]; ++k) s = await press(app, 'Equal');
      }
      const total = hands.reduce((a, b) => a + b, 0);
      assert.equal(s.vote.total, total);
      questionOrder.forEach((id, g) => assert.equal(s.vote.counts[id], hands[g], `count of ${id}`));
      questionOrder.forEach((id, g) => assertClose(s.vote.probabilities[id], hands[g] / total, 1e-12, `vote share of ${id}`));
      assert.equal(s.engine_shown, false, 'entering the vote does not show the engine');
      await app.shot(`presenter-stage${stage + 1}-vote`);

      s = await press(app, 'e');
      assert.equal(s.engine_shown, true, 'E shows the engine');
      for (const [dx, p] of Object.entries(reference[stage])) assertClose(s.case.engine.posterior[dx], p, 1e-12, `stage ${stage} ${dx}`);
      const st = s.case.stages[stage];
      assert.equal(st.committed, true, 'showing the engine locks the hall\'s vote in');
      assert.equal(st.level, 'groups', 'the hall answered the first question: scored on the four groups');
      assertClose(st.learner_brier, s.vote.brier, 1e-12, 'the vote is scored like a learner');
      votes.push(s.vote.probabilities);
      await app.shot(`presenter-stage${stage + 1}-engine`);
      if (stage === 0) {
        s = await press(app, 'e');
        assert.equal(s.engine_shown, false, 'E hides it again');
        s = await press(app, 'e');
        assert.equal(s.engine_shown, true);
        s = await press(app, 'b');
        assert.equal(s.blanked, true, 'B blanks the screen');
        await app.shot('presenter-blank');
        const pixel = await app.page.evaluate(() => {
          const c = document.createElement('canvas');
          c.width = 1; c.height = 1;
          const g = c.getContext('2d');
          g.drawImage(document.getElementById('canvas'), 960, 540, 1, 1, 0, 0, 1, 1);
          return Array.from(g.getImageData(0, 0, 1, 1).data);
        });
        assert.deepEqual(pixel.slice(0, 3), [0, 0, 0], 'the blank screen is black');
        s = await press(app, 'Period');
        assert.equal(s.blanked, false, '. (or B) brings the case back');
        assert.equal(s.screen, 'player');
      }
      if (stage === 1) {
        s = await press(app, 'PageUp');
        assert.equal(s.case.stage.index, 0, 'Page Up: the previous stage');
        assert.equal(s.engine_shown, true, 'a stage already shown keeps its engine');
        s = await press(app, 'PageDown');
        assert.equal(s.case.stage.index, 1);
      }
      s = await press(app, stage % 2 ? 'ArrowRight' : 'PageDown');
    }
    assert.equal(s.screen, 'debrief', 'after the last stage: the debrief');
    assert.equal(s.case.finished, true);
    const truth = groupOf()[s.case.answer];  // the hall is scored on the group of the answer
    s.case.stages.forEach((st, i) => assertClose(st.learner_brier, brier(votes[i], truth), 1e-9, `stage ${i} Brier on the groups`));
    s.case.stages.forEach((st, i) => assertClose(st.engine_brier, brier(byGroup(reference[i]), truth), 1e-9, `stage ${i} engine on the groups`));
    await app.shot('presenter-debrief');

    s = await press(app, '2');
    assert.equal(s.screen, 'player');
    assert.equal(s.case.stage.index, 1, '2 jumps to stage 2');
    s = await press(app, 'F1');
    assert.equal(s.overlays.help, true, 'the help overlay lists the keys');
    await app.shot('presenter-help');
    s = await press(app, 'Escape');
    s = await press(app, 'Shift+P');
    assert.equal(s.mode, 'normal', 'Shift+P leaves presenter mode');
    s = await press(app, 'Shift+P');
    assert.equal(s.mode, 'presenter', 'and comes back');
    checkProblems(app);
  } finally {
    await app.close();
  }
});

test('a fresh case in presenter mode can be walked without a vote, and digits jump ahead', { timeout: 120000 }, async () => {
  const app = await openApp({ query: 'present&case=mpa-pulmonary-renal', viewport: { width: 1920, height: 1080 } });
  try {
    let s = await stateAfter(app);
    assert.equal(s.screen, 'player');
    s = await press(app, '4');
    assert.equal(s.case.stage.index, 3, 'jumping to stage 4 reveals the stages before it');
    assert.equal(s.engine_shown, false);
    assert.equal(s.case.stages[3].committed, false, 'no vote, nothing committed');
    s = await press(app, 'e');
    assert.equal(s.engine_shown, true);
    assert.ok(s.case.engine.posterior);
    checkProblems(app);
  } finally {
    await app.close();
  }
});

// Everything a lecturer needs on one projected screen: the stage tabs, the case text, the hall's vote and,
// once shown, the engine; no control overlaps another. A stage without a vote asks before it moves on.
for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`presenter mode at ${size}: case text, tabs, vote and engine on one screen`, { timeout: 180000 }, async () => {
    const app = await openApp({ query: 'present&case=gpa-cavities', viewport });
    try {
      let s = await stateAfter(app);
      assert.equal(s.mode, 'presenter');
      assert.ok(s.ui_scale >= 2, 'scale 2');
      const onScreen = (name) => {
        const r = s.controls[name];
        assert.ok(r, `${name} is drawn`);
        assert.ok(r.x >= -0.5 && r.y >= -0.5 && r.x + r.w <= viewport.width + 0.5 && r.y + r.h <= viewport.height + 0.5,
          `${name} is on screen (${JSON.stringify(r)})`);
      };
      const noOverlap = () => {
        const names = Object.keys(s.controls).filter((k) => !k.startsWith('panel.'));
        for (let i = 0; i < names.length; ++i)
          for (let j = i + 1; j < names.length; ++j)
            assert.ok(!overlaps(s.controls[names[i]], s.controls[names[j]]), `${names[i]} overlaps ${names[j]}`);
        assert.ok(!overlaps(s.controls['panel.findings'], s.controls['panel.vote']), 'the vote is beside the case text, not over it');
      };
      for (const name of ['panel.findings', 'panel.vote', 'stage.history', 'stage.course', 'next', 'vote.count.immune', 'vote.count.both', 'vote.total'])
        onScreen(name);
      noOverlap();
      await app.shot(`presenter-${size}-vote`);

      // No vote: N asks first and stays; a second N moves on, the stage unscored.
      s = await press(app, 'n');
      assert.equal(s.confirm, 'skip_vote', 'a stage without a vote asks before it moves on');
      assert.equal(s.case.stage.index, 0);
      s = await press(app, 'n');
      assert.equal(s.case.stage.index, 1, 'the second N moves on');
      assert.equal(s.case.stages[0].committed, false, 'unscored');

      // Typed hands (a click in the count, then digits), more by keys; E shows the engine beside the vote.
      const r = s.controls['vote.count.immune'];
      await app.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
      await app.page.keyboard.type('12');
      await app.page.keyboard.press('Enter');
      s = await stateAfter(app);
      assert.equal(s.vote.counts.immune, 12, 'a typed count');
      while (s.vote.selected !== 'coagulopathic') s = await press(app, 'ArrowDown');
      for (let k = 0; k < 4; ++k) s = await press(app, 'Equal');
      assert.equal(s.vote.total, 16);
      s = await press(app, 'e');
      assert.equal(s.engine_shown, true);
      // The vote, the case text and the engine on screen; the score line below the table is on screen at
      // 1920×1080 and a scroll away in the vote panel at 1024×768 (its numbers are in state() either way).
      for (const name of ['panel.findings', 'panel.vote', 'stage.history', 'vote.engine.immune', 'vote.engine.both']) onScreen(name);
      if (viewport.width >= 1920) onScreen('vote.score');
      assert.ok(s.vote.brier >= 0 && s.vote.engine_brier >= 0, 'the hall and the engine are scored');
      noOverlap();
      assert.equal(s.case.stages[1].committed, true, 'the hall\'s vote is locked in');
      assert.equal(s.case.stages[1].level, 'groups');
      await app.shot(`presenter-${size}-engine`);
      checkProblems(app);
    } finally {
      await app.close();
    }
  });
}

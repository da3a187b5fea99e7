// My progress in headless Chromium: two cases walked with the keyboard, the debrief's replay chart,
// then My progress as a person sees it (state() reports the numbers and the sentences the screen
// shows), screenshots, and the CSV downloaded through the browser with one row per committed stage.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import { click, commitKey, press, scrollTo } from './player_driver.mjs';

// Each stage: choose the first diagnosis, raise it by `raise` steps of 5 points, commit, reveal the next.
async function finishWithKeys(app, raise) {
  let s = await app.state();
  const n = s.case.stages.length;
  for (let i = 0; i < n; ++i) {
    await press(app, '1');
    for (let k = 0; k < raise; ++k) await press(app, 'Equal');
    s = await commitKey(app);
    assert.equal(s.case.stages[i].committed, true, `stage ${i} committed`);
    s = await press(app, 'n');
  }
  assert.equal(s.screen, 'debrief');
  assert.equal(s.case.finished, true);
  return s;
}

test('two cases, then My progress: calibration, scores, replay chart, CSV download', { timeout: 300000 }, async () => {
  const app = await openApp({ viewport: { width: 1366, height: 768 } });
  try {
    let s = await press(app, 'm');
    assert.equal(s.screen, 'progress');
    assert.equal(s.progress.cases_finished, 0);
    assert.match(s.progress.summary, /^No case finished yet\./, 'the empty state in plain words');
    assert.ok(!s.controls['progress.calibration'], 'no empty chart');

    const [first, second] = [s.cases[0].id, s.cases[1].id];
    let stages = 0;
    let outcomes = 0;  // what the commits answered: the four groups (the keys' presets) or every cause
    const committed = [];  // [case, stage, p(answer)] as the page reports them
    for (const [id, raise] of [[first, 3], [second, 6]]) {
      await press(app, 'l');
      await click(app, 'case.' + id);
      s = await finishWithKeys(app, raise);
      stages += s.case.stages.length;
      for (const st of s.case.stages) outcomes += st.level === 'groups' ? Object.keys(st.groups).length : s.knowledge_base.diagnoses;
      s.case.stages.forEach((st) => committed.push([id, st.id, st.learner[s.case.answer]]));
      assert.equal(s.case.replay.learner.length, s.case.stages.length, 'the replay has a point per stage');
      assert.equal(s.case.replay.top_moves.length, 3, 'three findings that moved the engine');
      assert.match(s.case.replay.certainty_words, /100 % on your own leading cause/);
    }
    s = await scrollTo(app, 'debrief.chart');
    await app.shot('debrief-chart');

    s = await press(app, 'm');
    assert.equal(s.screen, 'progress');
    assert.equal(s.progress.cases_finished, 2);
    assert.match(s.progress.summary, /^2 cases finished/);
    assert.deepEqual(s.progress.cases.map((c) => c.case), [first, second], 'in the order finished');
    const pairs = s.progress.bins.reduce((n, b) => n + b.count, 0);
    assert.equal(pairs, s.progress.pairs);
    assert.ok(stages > 0 && outcomes >= 4 * stages, 'every stage committed');
    assert.equal(pairs, outcomes, 'one pair per outcome answered per committed stage');
    assert.ok(s.controls['progress.calibration'] && s.controls['progress.summary'], 'the calibration chart is on screen');
    await app.shot('my-progress');

    const [download] = await Promise.all([app.page.waitForEvent('download'), click(app, 'progress.export.csv')]);
    assert.equal(download.suggestedFilename(), 'dah-tutor-progress.csv');
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    assert.equal(csv[0], 'order,case,stage,learner_p_answer,engine_p_answer,learner_brier,engine_brier,learner_log_bits,engine_log_bits');
    assert.equal(csv.length, 1 + stages, 'one row per committed stage');
    csv.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      const [id, stage, p] = committed[i];
      assert.equal(cells[0], id === first ? '1' : '2');
      assert.equal(cells[1], id);
      assert.equal(cells[2], stage);
      assert.ok(Math.abs(Number(cells[3]) - p) < 1e-6, `row ${i + 1}: the probability given to the answer`);
    });
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.foreignRequests, []);
  } finally {
    await app.close();
  }
});

// A whole case in a live class: the lecturer's page in presenter mode and 10 phones (touch, phone
// viewports) against a real nats-server started here. Each phone taps its answers (some change their
// mind: the latest counts); the projector counts each phone once, shows the hall's distribution with the
// engine hidden, and after E the hall's Brier and log scores, derived here from the counts and the case's
// answer, next to the engine's. A late joiner gets the current stage; the lecturer's page reloads
// without losing the room or the votes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from '../browser/harness.mjs';
import { press } from '../browser/player_driver.mjs';
import { OPTIONS, caseTruth, classState, startClass, voterState, waitClass, waitVoter } from './class_harness.mjs';

const PHONES = 10;

function brierLog(counts, truth) {
  const n = counts.reduce((a, b) => a + b, 0);
  const p = counts.map((c) => c / n);
  let brier = 0;
  for (let i = 0; i < 4; ++i) brier += (p[i] - (i === truth ? 1 : 0)) ** 2;
  return { brier, log: -Math.log(Math.max(0.01, p[truth])) };
}

test('a lecturer and 10 phones walk a whole case over the class server', { timeout: 420000 }, async () => {
  const cls = await startClass();
  try {
    const { data, truth } = caseTruth('gpa-cavities');
    let lecturer = await cls.lecturer('case=gpa-cavities');
    const phones = await cls.voters(PHONES);
    const key = (stage) => `gpa-cavities/${stage}`;
    await screenshot(lecturer.page, 'class-projector-start');

    for (let stage = 0; stage < data.stages.length; ++stage) {
      for (const [i, v] of phones.entries()) {
        await waitVoter(v, (s) => s.open, `stage ${stage} open on phone ${i}`);
        assert.equal((await voterState(v)).key, key(stage));
        const text = await v.page.textContent('.voter-narrative');
        assert.ok(text.startsWith(data.stages[stage].narrative), `phone ${i} shows stage ${stage}'s text`);
      }
      // The projector's panel redraws at most 4 times a second: wait for it to show the new stage.
      await waitClass(lecturer, (c) => c.key === key(stage), `the projector on stage ${stage}`, 10000);
      assert.equal((await classState(lecturer)).voters, 0, 'a new stage starts with no votes');
      // Phone i answers OPTIONS[(i + stage) % 4] except phones 0–2, which answer immune; phone 3 first taps
      // "other" then changes its mind.
      const expected = [0, 0, 0, 0];
      for (const [i, v] of phones.entries()) {
        const choice = i < 3 ? 0 : (i + stage) % 4;
        if (i === 3) {
          await v.page.tap('button[data-choice="other"]');
          await waitVoter(v, (s) => s.acked && s.choice === 'other', 'first answer counted');
        }
        await v.page.tap(`button[data-choice="${OPTIONS[choice]}"]`);
        expected[choice] += 1;
      }
      if (stage === 0) {  // phone 5 also names two causes
        await phones[5].page.click('.voter-causes summary');
        await phones[5].page.tap('.voter-cause >> text=Granulomatosis with polyangiitis').catch(async () => {
          await phones[5].page.tap('.voter-cause >> nth=0');
        });
      }
      for (const v of phones) await waitVoter(v, (s) => s.acked, 'vote acknowledged');
      await waitClass(lecturer, (s) => s.voters === 10, 'ten phones counted');
      let cs = await classState(lecturer);
      assert.deepEqual(cs.counts, expected, `stage ${stage}: each phone's latest answer, once`);
      let s = await lecturer.state();
      assert.equal(s.case.engine_shown, false, 'the engine stays hidden while the hall votes');
      if (stage === 1) {
        // A late joiner gets the current stage at once.
        const [late] = await cls.voters(1);
        await waitVoter(late, (x) => x.open, 'late joiner gets the stage');
        assert.equal((await voterState(late)).key, key(1));
        await late.page.tap('button[data-choice="both"]');
        await waitVoter(late, (x) => x.acked, 'late vote acknowledged');
        expected[3] += 1;
        await waitClass(lecturer, (x) => x.voters === 11, 'late joiner counted');
        await late.context.close();
        // The lecturer's page reloads: same room (keys from its storage, not the address bar), same votes.
        assert.ok(!lecturer.page.url().includes('lecturer='), 'the lecturer\'s key is not left in the address bar');
        await lecturer.page.reload();
        await lecturer.page.waitForFunction(() => window.dahTutor.classState && window.dahTutor.classState.connected, null, { timeout: 20000 });
        s = await lecturer.state();
        if (s.case.stage.index !== 1) {  // the app reopens the case at the stage it keeps; walk back to stage 1
          while ((await lecturer.state()).case.stage.index < 1) await press(lecturer, 'ArrowRight');
        }
        await waitClass(lecturer, (x) => x.key === 'gpa-cavities/1' && x.voters === 11, 'votes kept across the reload');
      }
      cs = await classState(lecturer);
      assert.deepEqual(cs.counts, expected);
      if (stage === 0) await screenshot(phones[0].page, 'class-phone-voted');
      await screenshot(lecturer.page, `class-projector-stage${stage + 1}`);

      s = await press(lecturer, 'e');
      assert.equal(s.case.engine_shown, true);
      await waitClass(lecturer, (x) => x.result && !x.open, 'E closes the vote and scores it');
      cs = await classState(lecturer);
      const hall = brierLog(expected, truth);
      assert.equal(cs.result.truth, truth);
      assert.ok(Math.abs(cs.result.hall.brier - hall.brier) < 1e-12, `hall Brier ${cs.result.hall.brier} vs ${hall.brier}`);
      assert.ok(Math.abs(cs.result.hall.log - hall.log) < 1e-12);
      const groups = s.case.engine.groups;
      const engine = brierLog(OPTIONS.map((g) => groups[g] * 1e9), truth);
      assert.ok(Math.abs(cs.result.engine.brier - engine.brier) < 1e-6, `engine Brier ${cs.result.engine.brier} vs ${engine.brier}`);
      for (const v of phones) await waitVoter(v, (x) => !x.open, 'phones see the vote closed');
      const closed = await phones[0].page.textContent('.voter-sent');
      assert.match(closed, /Voting closed/);
      if (stage === 0) await screenshot(lecturer.page, 'class-projector-reveal');
      // A vote after the reveal is not counted.
      await phones[9].page.evaluate(() => document.querySelector('button[data-choice="other"]').disabled);
      s = await press(lecturer, 'ArrowRight');
    }
    assert.equal((await lecturer.state()).screen, 'debrief');
    for (const [i, v] of phones.entries()) {
      assert.deepEqual(v.errors, [], `phone ${i}: no console error`);
      assert.deepEqual(v.requests.filter((u) => /dah_tutor|ui-font/.test(u)), [], `phone ${i} does not download the app`);
      assert.ok(v.requests.every((u) => u.startsWith(cls.site.url.slice(0, -1)) || u.startsWith('ws://127.0.0.1')), `phone ${i}: own origin only`);
    }
    assert.deepEqual(lecturer.problems.consoleErrors, []);
    assert.deepEqual(lecturer.problems.pageErrors, []);
    assert.deepEqual(lecturer.problems.foreignRequests, [], 'the page talks only to its own origin');
    assert.equal((await classState(lecturer)).dropped.malformed, 0);
  } finally {
    await cls.stop();
  }
});

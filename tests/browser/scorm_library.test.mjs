// The largest real progress in SCORM 1.2's 4,096 characters of suspend data: every case of the library
// package committed at every stage in a stand-in LMS (scorm_host.mjs); the LMS gets one interaction per
// stage and the library's score (the mean of the case scores), and a relaunch from its data alone (a
// fresh browser profile) brings every case back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser } from './harness.mjs';
import { assertClose, click, press, commitKey } from './player_driver.mjs';
import { launch, packageList, startLms } from './scorm_host.mjs';

const interactionList = (cmi) => Object.keys(cmi.interactions).filter((k) => /^\d+$/.test(k)).map((k) => cmi.interactions[k]);
const launchData = (mastery) => ({ core: { student_id: 'learner-1', entry: 'ab-initio' }, student_data: { mastery_score: String(mastery) } });
const relaunchData = (c, mastery) => ({ core: { student_id: 'learner-1', entry: 'resume', lesson_status: c.core.lesson_status,
  score: c.core.score }, suspend_data: c.suspend_data, student_data: { mastery_score: String(mastery) }, interactions: c.interactions });

async function waitForEvent(app, name) {
  for (let i = 0; i < 100 && !(await app.events()).includes(name); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok((await app.events()).includes(name), `the LMS got ${name}`);
}

test('SCORM 1.2: every case of the library committed at every stage fits the suspend data and resumes', { timeout: 600000 }, async () => {
  const p = packageList().find((x) => x.id === 'dah-tutor-scorm12');
  const lms = await startLms([p.file]);
  const browser = await launchBrowser();
  try {
    let app = await launch(browser, lms, { version: '1.2', packageId: p.id, stored: launchData(p.mastery) });
    let s = await app.state();
    const cases = s.cases.map((c) => ({ id: c.id, stages: c.stages }));
    assert.equal(cases.length, p.cases.length);
    for (const [k, c] of cases.entries()) {
      s = await click(app, `case.${c.id}`);
      for (let stage = 0; stage < c.stages; stage++) {
        // Different answers from case to case and stage to stage, none uniform.
        s = await press(app, String(1 + ((k + stage) % 9)));
        s = await press(app, 'Equal');
        s = await commitKey(app);
        if (stage + 1 < c.stages) s = await press(app, 'n');
      }
      s = await press(app, 'l');
    }
    assert.ok(s.cases.every((c) => c.progress === 'done'), 'every case is done');
    await app.closeFrame();
    await waitForEvent(app, 'LMSFinish');
    const cmi = await app.cmi();
    const stages = cases.reduce((n, c) => n + c.stages, 0);
    console.log(`largest real suspend data: ${cmi.suspend_data.length} characters (${cases.length} cases, ${stages} stages)`);
    assert.ok(cmi.suspend_data.length <= 4096, `${cmi.suspend_data.length} characters`);
    assert.equal(interactionList(cmi).length, stages);
    const mean = s.cases.reduce((sum, c) => sum + c.best_score, 0) / s.cases.length;
    assertClose(Number(cmi.core.score.raw), mean, 0.006, 'the library score is the mean of the case scores');
    assert.equal(cmi.core.lesson_status, mean >= p.mastery ? 'passed' : 'failed');
    const before = s.cases;
    await app.close();

    // The relaunch gets every case back, answers included.
    app = await launch(browser, lms, { version: '1.2', packageId: p.id, stored: relaunchData(cmi, p.mastery) });
    s = await app.state();
    for (const c of before) {
      const now = s.cases.find((x) => x.id === c.id);
      assert.equal(now.progress, 'done', c.id);
      assertClose(now.best_score, c.best_score, 0.0125, `${c.id} best score`);
    }
    s = await click(app, `case.${cases[3].id}`);
    assert.ok(s.case.stages.every((x) => x.committed), 'a finished case shows every committed answer');
    assert.deepEqual(app.problems.pageErrors, []);
    await app.close();
  } finally {
    await browser.close();
    lms.stop();
  }
});

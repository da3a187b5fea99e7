// The SCORM packages in a learning-management system: scorm-again's SCORM 1.2 and 2004 run-times in a
// host page open a package's page in an iframe (scorm_host.mjs). A case is walked; the data the LMS
// received is checked against values derived here from the answers on screen (the probability given to
// the case's answer, Brier scores, the case score, the passing score); the player is closed mid-case
// and relaunched from the LMS's data alone (a fresh browser profile) and the learner resumes. Also: an
// LMS that refuses or throws leaves the app working; an LMS that fails once gets everything at the next
// commit; review mode changes nothing; no LMS at all runs standalone with a notice. The largest real
// progress: scorm_library.test.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { launchBrowser, repoRoot, siteDir, waitForApp } from './harness.mjs';
import { assertClose, brier, click, coreAnswer, outcomeSpace, press, commitKey, selectDiagnosis } from './player_driver.mjs';
import { launch, packageList, startLms } from './scorm_host.mjs';

const CASE = 'heparin-long-aptt';
const caseData = JSON.parse(readFileSync(path.join(siteDir, 'cases', `${CASE}.case.json`), 'utf8'));
const answer = coreAnswer(`${CASE}.case.json`);
const stageIds = caseData.stages.map((s) => s.stage);
const kb = outcomeSpace();

const stageScore = (b) => Math.min(100, Math.max(0, 100 * (1 - b / 2)));
const tag = (version) => (version === '1.2' ? 'scorm12' : 'scorm2004');
const pkg = (version, caseId = null) => packageList().find((p) => p.id === `dah-tutor-${tag(version)}${caseId ? '-' + caseId : ''}`);

// Element names of the two data models.
const model = {
  '1.2': {
    status: (c) => c.core.lesson_status, exit: (c) => c.core.exit, raw: (c) => c.core.score.raw,
    time: (c) => c.core.session_time, timeFormat: /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/,
    response: (i) => i.student_response,
    launch: (mastery) => ({ core: { student_id: 'learner-1', student_name: 'Doe, Jo', entry: 'ab-initio' },
      student_data: { mastery_score: String(mastery) } }),
    // What an LMS hands the next launch after a suspended session.
    relaunch: (c, mastery) => ({ core: { student_id: 'learner-1', student_name: 'Doe, Jo', entry: 'resume',
      lesson_status: c.core.lesson_status, score: c.core.score }, suspend_data: c.suspend_data,
    student_data: { mastery_score: String(mastery) }, interactions: c.interactions }),
  },
  '2004': {
    status: (c) => `${c.completion_status}/${c.success_status}`, exit: (c) => c.exit, raw: (c) => c.score.raw,
    time: (c) => c.session_time, timeFormat: /^PT\d+H\d+M\d+(\.\d{1,2})?S$/,
    response: (i) => i.learner_response,
    launch: (mastery) => ({ learner_id: 'learner-1', learner_name: 'Doe, Jo', entry: 'ab-initio',
      scaled_passing_score: String(mastery / 100) }),
    relaunch: (c, mastery) => ({ learner_id: 'learner-1', learner_name: 'Doe, Jo', entry: 'resume',
      completion_status: c.completion_status, success_status: c.success_status, suspend_data: c.suspend_data,
      scaled_passing_score: String(mastery / 100), interactions: c.interactions }),
  },
};

const interactionList = (cmi) => Object.keys(cmi.interactions).filter((k) => /^\d+$/.test(k)).sort((a, b) => a - b)
  .map((k) => cmi.interactions[k]);

async function waitForEvent(app, name) {
  for (let i = 0; i < 100 && !(await app.events()).includes(name); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok((await app.events()).includes(name), `the LMS got ${name}`);
}

// Sets the draft: `raise` nudges of +0.05 on diagnosis `id`, then commits. Returns the committed answer.
async function commitStage(app, stage, id, raise) {
  let s = await selectDiagnosis(app, id);  // the detailed sliders: , / . choose a cause
  for (let i = 0; i < raise; i++) s = await press(app, 'Equal');
  s = await commitKey(app);
  assert.equal(s.case.stages[stage].committed, true, `stage ${stage} is committed`);
  return s.case.stages[stage].learner;
}

function assertInteraction(version, record, stage, p) {
  assert.equal(record.id, `${CASE}.${stageIds[stage]}`);
  assert.equal(record.type, 'numeric');
  assertClose(Number(model[version].response(record)), p[answer], 1e-4, `${record.id}: probability given to ${answer}`);
  assertClose(Number(record.result), brier(p, answer), 2e-4, `${record.id}: Brier score`);
}

for (const [version, favoured, raise] of [['1.2', answer, 12], ['2004', 'gpa', 12]]) {
  test(`SCORM ${version}: a case walked, closed mid-case, resumed from the LMS's data and finished`, { timeout: 300000 }, async () => {
    const p = pkg(version, CASE);
    const lms = await startLms([p.file]);
    const browser = await launchBrowser();
    const m = model[version];
    try {
      // First session: three stages committed, a draft on the fourth, then the player is closed.
      let app = await launch(browser, lms, { version, packageId: p.id, stored: m.launch(p.mastery) });
      assert.equal(await app.frame.evaluate(() => window.dahTutor.scorm.status()), 'ready');
      let s = await click(app, `case.${CASE}`);
      const committed = [];
      for (let stage = 0; stage < 3; stage++) {
        committed.push(await commitStage(app, stage, favoured, stage === 0 ? raise : 1));
        s = await press(app, 'n');
      }
      s = await selectDiagnosis(app, 'antiplatelet-bleeding');  // a draft on another cause than the answer
      s = await press(app, 'Equal');
      const draft = s.case.learner.draft;
      await app.closeFrame();
      await waitForEvent(app, version === '1.2' ? 'LMSFinish' : 'Terminate');
      let cmi = await app.cmi();
      assert.equal(m.status(cmi), version === '1.2' ? 'incomplete' : 'incomplete/unknown');
      assert.equal(m.exit(cmi), 'suspend', 'suspended: the next launch resumes');
      assert.match(m.time(cmi), m.timeFormat);
      if (version === '2004') assert.equal(cmi.progress_measure, (3 / stageIds.length).toFixed(4));
      let records = interactionList(cmi);
      assert.equal(records.length, 3, 'one interaction per committed stage');
      records.forEach((r, i) => assertInteraction(version, r, i, committed[i]));
      assert.ok(cmi.suspend_data.length > 0 && cmi.suspend_data.length <= 4096, `suspend data: ${cmi.suspend_data.length} characters`);
      console.log(`SCORM ${version} after three stages: ${JSON.stringify({ status: m.status(cmi), exit: m.exit(cmi),
        session_time: m.time(cmi), interactions: records.map((r) => [r.id, m.response(r), r.result]),
        suspend_data: cmi.suspend_data })}`);
      await app.close();

      // Relaunch on another computer (fresh storage) with what the LMS kept: the learner resumes.
      app = await launch(browser, lms, { version, packageId: p.id, stored: m.relaunch(cmi, p.mastery) });
      s = await app.state();
      assert.equal(s.cases.find((c) => c.id === CASE).progress, 'in progress',
        `resumed from the LMS (status and log: ${JSON.stringify(await app.frame.evaluate(() =>
          [window.dahTutor.scorm.status(), window.dahTutor.scorm.log]))})`);
      s = await click(app, `case.${CASE}`);
      assert.equal(s.case.reached, 3, 'the case reopens at the stage reached');
      for (let stage = 0; stage < 3; stage++) {
        assert.equal(s.case.stages[stage].committed, true);
        for (const d of Object.keys(committed[stage])) assertClose(s.case.stages[stage].learner[d], committed[stage][d], 1 / 2000, `stage ${stage} ${d}`);
      }
      for (const d of Object.keys(draft)) assertClose(s.case.learner.draft[d], draft[d], 1 / 2000, `the draft, ${d}`);

      // Finish the case: every stage committed, the case is done and graded.
      for (let stage = 3; stage < stageIds.length; stage++) {
        committed.push(await commitStage(app, stage, favoured, 1));
        if (stage + 1 < stageIds.length) s = await press(app, 'n');
      }
      const expectedScore = committed.reduce((sum, c) => sum + stageScore(brier(c, answer)), 0) / committed.length;
      await press(app, 'l');
      s = await app.state();
      const best = s.cases.find((c) => c.id === CASE).best_score;
      assertClose(best, expectedScore, 0.05, 'the case score: the mean stage score of the answers');
      await app.closeFrame();
      await waitForEvent(app, version === '1.2' ? 'LMSFinish' : 'Terminate');
      cmi = await app.cmi();
      const passed = expectedScore >= p.mastery;
      assert.equal(passed, favoured === answer, 'the walk was meant to pass exactly when it favoured the answer');
      assert.equal(m.status(cmi), version === '1.2' ? (passed ? 'passed' : 'failed') : `completed/${passed ? 'passed' : 'failed'}`);
      assertClose(Number(m.raw(cmi)), best, 0.006, 'the score the LMS got');
      if (version === '2004') {
        assertClose(Number(cmi.score.scaled), best / 100, 1e-4, 'scaled score');
        assert.equal(cmi.progress_measure, '1.0000');
      }
      assert.equal(m.exit(cmi), version === '1.2' ? '' : 'normal', 'finished: a normal exit');
      records = interactionList(cmi);
      assert.equal(records.length, stageIds.length, 'the resumed stages are not reported twice');
      records.forEach((r, i) => assertInteraction(version, r, i, committed[i]));
      console.log(`SCORM ${version} finished: ${JSON.stringify({ status: m.status(cmi), score: m.raw(cmi), mastery: p.mastery,
        exit: m.exit(cmi), session_time: m.time(cmi), interactions: records.map((r) => [r.id, m.response(r), r.result]),
        suspend_data_chars: cmi.suspend_data.length })}`);
      assert.deepEqual(app.problems.pageErrors, []);
      assert.deepEqual(app.problems.consoleErrors, []);
      assert.deepEqual(app.problems.warnings.filter((w) => w.includes('SCORM')), [], 'no LMS call failed');
      await app.close();
    } finally {
      await browser.close();
      lms.stop();
    }
  });
}

test('SCORM 1.2 in review mode: the learner sees the record, and the LMS\'s record is left as it is', { timeout: 180000 }, async () => {
  const p = pkg('1.2', CASE);
  const lms = await startLms([p.file]);
  const browser = await launchBrowser();
  try {
    // The suspend data of a finished case (done, best score 80), written by the page's own codec.
    const sandbox = {};
    vm.runInNewContext(readFileSync(path.join(repoRoot, 'shell/scorm/suspend_codec.js'), 'utf8'), sandbox);
    const codec = sandbox.DahScormCodec;
    const suspend = codec.encode({ cases: { [CASE]: { done: true, best_score: 80 } } },
      { diagnoses: kb.diagnoses.map((d) => d.id), groups: kb.groups.map((g) => g.id),
        groupOf: kb.diagnoses.map((d) => kb.groups.findIndex((g) => g.id === d.group)),
        cases: [{ id: CASE, answer, stages: stageIds.length }] }, Date.now(), 4096).text;
    const stored = { core: { student_id: 'learner-1', lesson_mode: 'review', lesson_status: 'passed', score: { raw: '80' } },
      suspend_data: suspend };
    const app = await launch(browser, lms, { version: '1.2', packageId: p.id, stored });
    await app.host.evaluate(() => {
      window.sets = [];
      window.API.on('LMSSetValue.cmi.*', (element) => window.sets.push(element));
    });
    let s = await app.state();
    const shown = s.cases.find((c) => c.id === CASE);
    assert.equal(shown.progress, 'done');
    assertClose(shown.best_score, 80, 1e-9, 'the best score from the LMS');
    s = await click(app, `case.${CASE}`);
    s = await commitKey(app);
    s = await press(app, 'n');
    await app.closeFrame();
    await waitForEvent(app, 'LMSFinish');
    const cmi = await app.cmi();
    assert.deepEqual(await app.host.evaluate(() => window.sets), [], 'nothing was set');
    assert.equal(cmi.core.lesson_status, 'passed');
    assert.equal(cmi.core.score.raw, '80');
    assert.equal(cmi.suspend_data, suspend);
    assert.deepEqual(app.problems.pageErrors, []);
    await app.close();
  } finally {
    await browser.close();
    lms.stop();
  }
});

// APIs that misbehave. Each is the source of a function returning the API object (run in the host page).
function refusingApi() {
  const no = () => 'false';
  return { LMSInitialize: no, LMSFinish: no, LMSGetValue: () => '', LMSSetValue: no, LMSCommit: no,
    LMSGetLastError: () => '101', LMSGetErrorString: () => 'General exception', LMSGetDiagnostic: () => '' };
}
function throwingApi() {
  const boom = () => { throw new Error('LMS is down'); };
  return { LMSInitialize: () => 'true', LMSFinish: boom, LMSGetValue: () => ({ weird: true }), LMSSetValue: boom,
    LMSCommit: () => undefined, LMSGetLastError: () => { throw new Error('no'); }, LMSGetErrorString: boom };
}
// scorm-again that refuses the first two commits and the first suspend data.
function flakyApi() {
  const api = new window.Scorm12API({ logLevel: 5 });
  api.loadFromJSON({ core: { student_id: 'learner-1' } }, '');
  let commits = 0, suspends = 0;
  const commit = api.LMSCommit.bind(api), set = api.LMSSetValue.bind(api);
  api.LMSCommit = (a) => (++commits <= 2 ? 'false' : commit(a));
  api.LMSSetValue = (e, v) => (e === 'cmi.suspend_data' && ++suspends === 1 ? 'false' : set(e, v));
  window.flaky = api;
  return api;
}

for (const [name, fake] of [['refuses every call', refusingApi], ['throws and returns nonsense', throwingApi]]) {
  test(`an LMS that ${name} leaves the app working, with the progress kept in the browser`, { timeout: 180000 }, async () => {
    const p = pkg('1.2', CASE);
    const lms = await startLms([p.file]);
    const browser = await launchBrowser();
    try {
      const app = await launch(browser, lms, { version: '1.2', packageId: p.id, fake });
      let s = await click(app, `case.${CASE}`);
      s = await selectDiagnosis(app, answer);
      s = await press(app, 'Equal');
      s = await commitKey(app);
      s = await press(app, 'n');
      assert.equal(s.case.reached, 1, 'the app goes on');
      assert.equal(s.case.stages[0].committed, true);
      assert.doesNotMatch(s.notice || '', /Storage is full/, 'the local copy took the progress');
      const log = await app.frame.evaluate(() => window.dahTutor.scorm.log);
      assert.ok(log.length > 0, 'the failures are logged');
      if (fake === refusingApi) {
        assert.ok(log.some((l) => /LMSInitialize failed: 101 General exception/.test(l)), log.join('\n'));
        assert.ok(await app.frame.evaluate(() => document.querySelector('.scorm-notice') !== null), 'a notice says so');
      } else {
        assert.ok(log.some((l) => /LMSSetValue.* threw: LMS is down/.test(l)), log.join('\n'));
      }
      // Reopened in the same browser: the local copy brings the answers back.
      await app.frame.goto(app.frame.url());
      await waitForApp(app.page, 30000);
      s = await click(app, `case.${CASE}`);
      assert.equal(s.case.reached, 1);
      assert.equal(s.case.stages[0].committed, true, 'the committed answer is kept');
      await app.closeFrame();
      assert.deepEqual(app.problems.pageErrors, []);
      await app.close();
    } finally {
      await browser.close();
      lms.stop();
    }
  });
}

test('an LMS that refuses the first commits gets everything at the next one', { timeout: 180000 }, async () => {
  const p = pkg('1.2', CASE);
  const lms = await startLms([p.file]);
  const browser = await launchBrowser();
  try {
    const app = await launch(browser, lms, { version: '1.2', packageId: p.id, fake: flakyApi });
    let s = await click(app, `case.${CASE}`);
    const committed = [];
    for (let stage = 0; stage < 3; stage++) {
      committed.push(await commitStage(app, stage, answer, 2));
      s = await press(app, 'n');
    }
    const log = await app.frame.evaluate(() => window.dahTutor.scorm.log);
    assert.ok(log.some((l) => /LMSCommit failed/.test(l)), log.join('\n'));
    assert.ok(log.some((l) => /LMSSetValue\(cmi\.suspend_data/.test(l)), 'the refused suspend data is logged');
    const cmi = await app.host.evaluate(() => JSON.parse(JSON.stringify(window.flaky.cmi)));
    assert.equal(interactionList(cmi).length, 3);
    interactionList(cmi).forEach((r, i) => assertInteraction('1.2', r, i, committed[i]));
    assert.ok(cmi.suspend_data.startsWith('D2.'), 'the suspend data arrived at a later commit');
    assert.equal(cmi.core.lesson_status, 'incomplete');
    await app.close();
  } finally {
    await browser.close();
    lms.stop();
  }
});

test('without an LMS the package page runs on its own with a short notice', { timeout: 120000 }, async () => {
  const p = pkg('2004', CASE);
  const lms = await startLms([p.file]);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${lms.base}pkg/${p.id}/dah-tutor.html`);
    await waitForApp(page, 30000);
    assert.equal(await page.evaluate(() => window.dahTutor.scorm.status()), 'standalone');
    assert.match(await page.evaluate(() => document.querySelector('.scorm-notice').textContent), /No learning-management system found/);
    assert.equal(await page.evaluate(() => window.dahTutor.storage), undefined, 'the app keeps its own storage');
    const s = await page.evaluate(() => window.dahTutor.state());
    assert.deepEqual(s.cases.map((c) => c.id), [CASE], 'the package holds its one case');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    lms.stop();
  }
});

test('the single-file edition and the site carry no LMS code', () => {
  const single = readFileSync(process.env.DAH_SINGLE_FILE || path.join(path.dirname(siteDir), 'single/dah-tutor.html'), 'utf8');
  for (const text of [single, readFileSync(path.join(siteDir, 'loader.js'), 'utf8'), readFileSync(path.join(siteDir, 'index.html'), 'utf8')]) {
    assert.ok(!text.includes('DAH_SCORM') && !text.includes('API_1484_11') && !text.includes('LMSInitialize'));
  }
});

// Progress in headless Chromium: answers are saved as they are made (localStorage) and are there after
// a reload; "reset my progress" asks first and then forgets them; when storage throws, a clear
// notice shows and the app keeps working in memory.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, waitForApp } from './harness.mjs';
import { click, press, stateAfter, commitKey } from './player_driver.mjs';

async function reload(app) {
  await app.page.reload();
  await waitForApp(app.page);
  return stateAfter(app);
}

test('progress survives a reload, and a reset (after confirmation) clears it', { timeout: 180000 }, async () => {
  const app = await openApp();
  try {
    let s = await click(app, 'case.gpa-cavities');
    s = await press(app, '2');
    for (let i = 0; i < 4; ++i) s = await press(app, 'Equal');
    s = await commitKey(app);
    const committed = s.case.learner.probabilities;
    s = await press(app, 'n');
    assert.equal(s.case.reached, 1);
    s = await press(app, '3');
    s = await press(app, 'Equal');
    const draft = s.case.learner.draft;

    s = await reload(app);
    assert.equal(s.storage_status, 'ok');
    assert.equal(s.cases.find((c) => c.id === 'gpa-cavities').progress, 'in progress', 'the library remembers');
    s = await click(app, 'case.gpa-cavities');
    assert.equal(s.case.reached, 1, 'the case reopens at the stage reached');
    assert.deepEqual(s.case.learner.draft, draft, 'the answer being made is kept');
    assert.equal(s.case.stages[0].committed, true);
    assert.deepEqual(s.case.stages[0].learner, committed, 'the committed answer is kept');
    await app.shot('progress-after-reload');

    s = await press(app, 'l');
    s = await press(app, 'r');
    assert.equal(s.reset_confirm, true, 'reset asks first');
    await app.shot('progress-reset-confirm');
    s = await press(app, 'Escape');
    assert.equal(s.reset_confirm, false);
    assert.equal(s.cases.find((c) => c.id === 'gpa-cavities').progress, 'in progress', 'cancel keeps everything');
    s = await click(app, 'library.reset');
    assert.equal(s.reset_confirm, true);
    s = await click(app, 'reset.confirm');
    assert.ok(s.cases.every((c) => c.progress === 'not started'), 'reset clears every case');
    s = await reload(app);
    assert.ok(s.cases.every((c) => c.progress === 'not started'), 'and stays cleared after a reload');
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.foreignRequests, [], 'no request leaves the origin');
  } finally {
    await app.close();
  }
});

test('storage that throws: a notice, and the app keeps working in memory', { timeout: 120000 }, async () => {
  const app = await openApp();
  try {
    await app.page.evaluate(() => {
      Storage.prototype.setItem = function () { throw new DOMException('quota exceeded', 'QuotaExceededError'); };
    });
    let s = await click(app, 'case.mpa-pulmonary-renal');
    s = await commitKey(app);
    assert.equal(s.storage_status, 'unavailable');
    assert.match(s.notice, /Storage is full or unavailable/);
    s = await press(app, 'n');
    assert.equal(s.case.reached, 1, 'the app goes on');
    s = await commitKey(app);
    assert.equal(s.case.stages[1].committed, true, 'answers are kept in memory');
    s = await press(app, 'l');
    assert.equal(s.cases.find((c) => c.id === 'mpa-pulmonary-renal').progress, 'in progress');
    await app.shot('progress-storage-unavailable');
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.foreignRequests, []);
  } finally {
    await app.close();
  }
});

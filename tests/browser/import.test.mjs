// Case import in headless Chromium: a file from the chooser (the app opens it with O) and files
// dropped on the page. A malformed case shows the core's errors (file, pointer, line, column,
// message) and nothing else changes; a good one joins the library and is still there after a reload.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, siteDir, waitForApp } from './harness.mjs';
import { click, press, stateAfter, commitKey } from './player_driver.mjs';

async function drop(app, name, text) {
  await app.page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
  // The page reads the file asynchronously; the app names it once it has checked it.
  await app.page.waitForFunction((n) => window.dahTutor.state().import.file === n, name, { timeout: 20000 });
  return stateAfter(app);
}

// O asks the page for its file chooser (window.dahTutor.pickCaseFile, counted here, with whether the key
// press's user activation was still active). The app's part is that call; the dialog is the browser's.
// Once in CI no chooser opened (whether the app had asked was not recorded), so the call and its
// activation are checked here, and a second O is allowed when the browser alone opened nothing.
async function openChooser(app) {
  await app.page.evaluate(() => {
    const pick = window.dahTutor.pickCaseFile;
    window.dahTutor.picks = [];
    window.dahTutor.pickCaseFile = () => { window.dahTutor.picks.push(navigator.userActivation.isActive); pick(); };
  });
  for (let attempt = 1; ; ++attempt) {
    const chooser = app.page.waitForEvent('filechooser', { timeout: 8000 }).catch(() => null);
    await press(app, 'o');
    const opened = await chooser;
    const picks = await app.page.evaluate(() => window.dahTutor.picks);
    assert.equal(picks.length, attempt, 'each O asks the page for the file chooser once');
    assert.equal(picks[attempt - 1], true, 'within the key press\'s user activation');
    if (opened) return opened;
    assert.ok(attempt < 2, 'the browser opened no file chooser, twice');
    console.log('no file chooser after the first O (the app asked within the activation): pressing O again');
  }
}

test('a malformed case shows its errors and changes nothing; a good one joins the library', { timeout: 180000 }, async () => {
  const app = await openApp();
  try {
    let s = await stateAfter(app);
    const before = s.cases.map((c) => c.id);
    s = await press(app, 'i');
    assert.equal(s.import.open, true);
    // A syntax error, through the file chooser.
    const chooser = await openChooser(app);
    await chooser.setFiles({ name: 'broken.case.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "id": "broken",\n  "title": \n}\n') });
    await app.page.waitForFunction(() => window.dahTutor.state().import_errors.length > 0, null, { timeout: 20000 });
    s = await stateAfter(app);
    assert.equal(s.import.file, 'broken.case.json');
    const e = s.import_errors[0];
    assert.equal(e.file, 'broken.case.json');
    assert.ok(e.line >= 3 && e.column > 0 && e.message.length > 0, `a line, a column and a message: ${JSON.stringify(e)}`);
    assert.deepEqual(s.cases.map((c) => c.id), before, 'nothing else changes');
    await app.shot('import-syntax-error');

    // Well-formed JSON that is not a valid case: the core's errors with JSON pointers, by drag and drop.
    const good = JSON.parse(readFileSync(path.join(siteDir, 'cases', 'gpa-cavities.case.json'), 'utf8'));
    const bad = structuredClone(good);
    bad.id = 'bad-import';
    bad.network.stages[0].findings['no-such-node'] = 'present';
    delete bad.title;
    s = await drop(app, 'bad.case.json', JSON.stringify(bad, null, 2));
    assert.equal(s.import.open, true);
    assert.ok(s.import_errors.length >= 2, `every problem is listed (${s.import_errors.length})`);
    assert.ok(s.import_errors.some((x) => x.pointer.startsWith('/network/stages/0/findings/no-such-node')), 'the pointer names the bad finding');
    assert.ok(s.import_errors.every((x) => x.file === 'bad.case.json'));
    assert.deepEqual(s.cases.map((c) => c.id), before, 'still nothing else changes');
    assert.ok(s.controls['import.errors'], 'the errors panel is on screen');
    await app.shot('import-errors-panel');

    // The app stays usable: close the panel, open a case, commit.
    s = await press(app, 'Escape');
    assert.equal(s.import.open, false);
    s = await press(app, '1');
    assert.equal(s.screen, 'player');
    s = await commitKey(app);
    assert.equal(s.case.stages[0].committed, true);
    s = await press(app, 'l');

    // A good case (a copy of one with a new id and title) joins the library.
    good.id = 'imported-gpa-copy';
    good.title = 'Imported: ' + good.title;
    s = await drop(app, 'imported.case.json', JSON.stringify(good));
    assert.deepEqual(s.import_errors, []);
    assert.equal(s.import.accepted, 'imported-gpa-copy');
    assert.ok(s.cases.some((c) => c.id === 'imported-gpa-copy'), 'the case is in the library');
    assert.equal(s.cases.length, before.length + 1);
    await app.shot('import-accepted');

    await app.page.reload();
    await waitForApp(app.page);
    s = await stateAfter(app);
    assert.ok(s.cases.some((c) => c.id === 'imported-gpa-copy'), 'and is still there after a reload');
    s = await click(app, 'case.imported-gpa-copy');
    assert.equal(s.case.id, 'imported-gpa-copy');
    s = await commitKey(app);
    assert.equal(s.case.stages[0].committed, true, 'and can be played');
    assert.deepEqual(app.problems.pageErrors, []);
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.foreignRequests, [], 'no request leaves the origin');
  } finally {
    await app.close();
  }
});

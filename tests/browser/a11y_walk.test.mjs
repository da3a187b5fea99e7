// A whole case walked as a screen-reader user walks it: everything is found in Chromium's accessibility
// tree by role and name, activated through its DOM node (focus, then Enter; the four-way question's
// shares set by their sliders' keys; the detailed level opened and closed by its check box), and the outcome read from the polite live region. Also: Tab in the DOM moves the app's own
// keyboard focus, and the app's focus (arrow keys) moves the DOM's. The engine's numbers announced
// after each commit are checked against a posterior derived here from the knowledge base; the score
// against the Brier score of what was committed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, settle, siteDir } from './harness.mjs';
import { appFocus, axTree, findNode, focusNode, liveText } from './a11y_driver.mjs';
import { brier, byGroup, coreAnswer, independentPosteriors, outcomeSpace } from './player_driver.mjs';

const pct = (p) => (p > 0.99 && p < 1 ? '> 99 %' : p > 0 && p < 0.01 ? '< 1 %' : `${Math.round(100 * p)} %`);

// Focuses the node and presses a key on it; waits for the frames that follow.
async function activate(page, node, key = 'Enter') {
  assert.ok(node, 'the node to activate is in the accessibility tree');
  await focusNode(page, node);
  await page.keyboard.press(key);
  await settle(page, 3);
}

// Waits (polling the accessibility tree) until the live region says something matching `pattern`;
// returns the text and how long after the activation the page changed the region.
async function waitForLive(page, pattern, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const tree = await axTree(page);
    const text = liveText(tree);
    if (text && pattern.test(text)) {
      const delay = await page.evaluate(() => window.__liveAt - window.__activatedAt);
      return { text, delay, tree };
    }
    if (Date.now() > until) throw new Error(`live region: "${text}" does not match ${pattern}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a whole case through the accessibility tree alone', { timeout: 600000 }, async () => {
  const app = await openApp({ viewport: { width: 1366, height: 768 } });
  const { page } = app;
  try {
    await page.waitForFunction(() => !!document.getElementById('a11y-live'), null, { timeout: 20000 });
    // When the live region changes (for the 500 ms check).
    await page.evaluate(() => {
      new MutationObserver(() => { if (document.getElementById('a11y-live').textContent) window.__liveAt = performance.now(); })
        .observe(document.getElementById('a11y-live'), { childList: true, characterData: true, subtree: true });
      // The activation as the page receives it (the Enter's click on the mirrored button).
      document.getElementById('a11y-mirror').addEventListener('click', () => { window.__activatedAt = performance.now(); }, true);
      // Frame times (the app's CPU time per drawn frame, which includes building the tree; the DOM is
      // updated after the frame, window.dahTutor.mirrorTimes), for the report.
      window.__frames = [];
      let last = window.dahTutor.frames();
      const tick = () => {
        const k = window.dahTutor.frames();
        if (k !== last) { window.__frames.push(window.dahTutor.frameTimeMs()); last = k; }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

    // Tab from the page enters the mirror; the app's keyboard focus is on the same control.
    await page.keyboard.press('Tab');
    await settle(page, 3);
    const first = await page.evaluate(() => document.activeElement && document.activeElement.dataset.id);
    assert.ok(first, 'Tab put the focus on a mirrored control');
    assert.equal(await appFocus(page), first, 'the app focused the control the DOM focused');
    await page.keyboard.press('Tab');
    await settle(page, 3);
    const second = await page.evaluate(() => document.activeElement.dataset.id);
    assert.notEqual(second, first);
    assert.equal(await appFocus(page), second, 'Tab again: the app follows');
    // The other way: the app's keyboard navigation (arrow keys reach it) moves the DOM focus.
    await page.keyboard.press('ArrowRight');
    await settle(page, 3);
    const moved = await appFocus(page);
    assert.ok(moved && moved !== second, `the arrow key moved the app's focus (${moved})`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), moved, 'the DOM focus followed the app');

    // The library: the first case's button, named after the case.
    let tree = await axTree(page);
    const open = tree.find((n) => n.role === 'button' && /^(Open|Continue)( \(\d\))?: /.test(n.name));
    assert.ok(open, 'a button opens a case');
    const title = open.name.replace(/^[^:]*: /, '');
    const s0 = await app.state();
    const entry = s0.cases.find((c) => c.title === title);
    assert.ok(entry, `the case "${title}" is in the library`);
    const caseJson = JSON.parse(readFileSync(path.join(siteDir, 'cases', entry.file), 'utf8'));
    const kb = outcomeSpace();
    const reference = independentPosteriors(entry.file);
    const n = caseJson.stages.length;

    await activate(page, open);
    let live = await waitForLive(page, /^Stage 1 of \d+/);
    assert.match(live.text, new RegExp(`^Stage 1 of ${n}: `));
    if (caseJson.stages[0].narrative) assert.ok(live.text.includes(caseJson.stages[0].narrative), 'the stage\'s text is read');
    tree = live.tree;
    assert.ok(findNode(tree, 'heading', title), 'the case title is a heading');

    const committed = [], delays = [];
    for (let stage = 0; stage < n; ++stage) {
      // The first question, in four shares (the split bar is a group of four sliders): 60 % on "Immune
      // cause", by its name; the other three make up the rest.
      tree = await axTree(page);
      const shares = ['Immune cause', 'Blood thinner or coagulopathy', 'Something else', 'Two at once (immune, on a blood thinner)'];
      assert.deepEqual(tree.filter((x) => x.role === 'slider').map((x) => x.name), shares, 'four sliders: the four-way question');
      const slider = findNode(tree, 'slider', 'Immune cause');
      // As a screen-reader user sets it: focus the slider, Home (0 %), then Page Up six times (10 % each).
      await focusNode(page, slider);
      if (stage === 0) {
        // Quick keys with the focus moving between them: each key draws a frame at once, and the focus
        // (moved here by blur and focus) draws another before the tutor's result is recomputed (a task
        // after the frame). That frame must show the value the key set, or the mirror takes the old
        // value from it and the next key steps on from there (a step lost).
        await page.keyboard.press('Home');
        await settle(page, 2);
        const quick = [];
        for (let i = 0; i < 6; ++i) {
          quick.push(Number(await page.evaluate(async () => {
            const el = document.querySelector('[data-id="split.immune"]');
            el.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', code: 'PageUp', bubbles: true }));
            el.blur();
            el.focus();
            await new Promise((r) => setTimeout(r, 0));  // the mirror's update and the recomputation run
            return el.getAttribute('aria-valuenow');
          })));
        }
        assert.deepEqual(quick, [10, 20, 30, 40, 50, 60], 'six quick Page Ups, each a step');
      }
      const steps = [];  // where each key went and what it left, for the message if a step is lost
      for (const key of ['Home', 'PageUp', 'PageUp', 'PageUp', 'PageUp', 'PageUp', 'PageUp']) {
        const to = await page.evaluate(() => document.activeElement && (document.activeElement.dataset.id || document.activeElement.tagName));
        await page.keyboard.press(key);
        await settle(page, 2);
        const now = await page.evaluate(() => document.querySelector('[data-id="split.immune"]')?.getAttribute('aria-valuenow'));
        steps.push(`${key}→${to}: ${now}`);
      }
      tree = await axTree(page);
      const after = findNode(tree, 'slider', 'Immune cause');
      assert.equal(after.value, 60, `the share is at 60 % in the accessibility tree (stage ${stage + 1}; ${steps.join(', ')})`);
      // Its value text (CDP leaves the tree's valuetext empty in this Chromium; the attribute is what is read).
      assert.equal(await page.evaluate(() => document.querySelector('[data-id="split.immune"]').getAttribute('aria-valuetext')), '60 %');
      const total = tree.filter((x) => x.role === 'slider').reduce((a, x) => a + Number(x.value), 0);
      assert.ok(Math.abs(total - 100) <= 4, `the four shares still add up to 100 % (${total})`);
      const drafted = byGroup((await app.state()).case.learner.draft);
      assert.ok(Math.abs(drafted.immune - 0.6) < 1e-9, `the app's immune share is 60 % (${drafted.immune})`);
      if (stage === 0) {
        // Every cause: a check box opens one slider per diagnosis, each named after it; closed again,
        // the answer stays on the four groups.
        const detailed = findNode(tree, 'checkbox', 'Every cause (detailed)');
        await activate(page, detailed, ' ');
        tree = await axTree(page);
        for (const d of kb.diagnoses) assert.ok(findNode(tree, 'slider', d.name), `a slider named "${d.name}"`);
        assert.ok(findNode(tree, 'checkbox', `Hold ${kb.diagnoses[0].name}`), 'each cause can be held');
        await activate(page, findNode(tree, 'checkbox', 'Every cause (detailed)'), ' ');
        tree = await axTree(page);
        assert.equal(tree.filter((x) => x.role === 'slider').length, 4, 'closed again: the four shares');
      }

      const commit = findNode(tree, 'button', /^Commit/);
      await activate(page, commit);
      live = await waitForLive(page, /^Engine: /);
      delays.push(Math.round(live.delay));
      assert.ok(live.delay <= 500, `the commit was announced ${Math.round(live.delay)} ms after the activation`);
      // The engine's top group and top diagnosis, from the knowledge base's numbers.
      const post = reference[stage];
      const groups = kb.groups.map((g) => kb.diagnoses.filter((d) => d.group === g.id).reduce((a, d) => a + post[d.id], 0));
      const g = groups.indexOf(Math.max(...groups));
      const top = kb.diagnoses.reduce((a, d) => (post[d.id] > post[a.id] ? d : a));
      const groupWord = kb.groups[g].name.split(/[ /,:]/)[0].toLowerCase();
      assert.ok(live.text.startsWith(`Engine: ${groupWord} ${pct(groups[g])}, ${top.short_name} ${pct(post[top.id])}; your score `),
        `announced: "${live.text}"`);
      committed.push(Number(/your score (\d+)/.exec(live.text)[1]));
      const s = await app.state();
      assert.equal(s.case.stages[stage].committed, true);

      tree = live.tree;
      if (stage + 1 < n) {
        const next = findNode(tree, 'button', /^Reveal next stage/);
        await activate(page, next);
        live = await waitForLive(page, new RegExp(`^Stage ${stage + 2} of ${n}: `));
        const st = caseJson.stages[stage + 1];
        if (st.narrative) assert.ok(live.text.includes(st.narrative), 'the new stage\'s text is read');
      }
    }
    // The debrief, by its button; its heading names the answer; the scores announced match the Brier
    // scores of what was committed, now that the answer is known.
    tree = await axTree(page);
    await activate(page, findNode(tree, 'button', /^Debrief/));
    tree = await axTree(page);
    const truth = coreAnswer(entry.file);
    const answer = kb.diagnoses.find((d) => d.id === truth);
    assert.ok(findNode(tree, 'heading', `Final diagnosis: ${answer.name}`), 'the debrief names the diagnosis');
    assert.ok(tree.some((x) => x.role === 'table' && /score per stage/.test(x.name)), 'the scores are a table');
    const s = await app.state();
    // Each stage was answered on the four groups: scored on them, against the answer's group.
    const truthGroup = kb.diagnoses.find((d) => d.id === truth).group;
    committed.forEach((score, i) => {
      assert.equal(s.case.stages[i].level, 'groups', `stage ${i + 1} was answered on the four groups`);
      const expected = 100 * (1 - brier(s.case.stages[i].groups, truthGroup) / 2);
      assert.equal(score, Math.round(expected), `stage ${i + 1}: announced score`);
    });
    assert.deepEqual(app.problems.consoleErrors, []);
    assert.deepEqual(app.problems.pageErrors, []);
    const { frames, mirrorMs } = await page.evaluate(() => ({ frames: window.__frames, mirrorMs: window.dahTutor.mirrorTimes }));
    const q = (xs, p) => { const v = [...xs].sort((a, b) => a - b); return v[Math.min(v.length - 1, Math.floor(p * v.length))]; };
    const f2 = (x) => x.toFixed(2);
    console.log(`walked ${n} stages of "${title}" through the accessibility tree; commit announced after ${delays.join(', ')} ms; ` +
      `frames ${frames.length}: mean ${f2(frames.reduce((a, b) => a + b, 0) / frames.length)} ms, p95 ${f2(q(frames, 0.95))} ms; ` +
      `mirror updates ${mirrorMs.length}: mean ${f2(mirrorMs.reduce((a, b) => a + b, 0) / mirrorMs.length)} ms, p95 ${f2(q(mirrorMs, 0.95))} ms`);
  } finally {
    await app.close();
  }
});

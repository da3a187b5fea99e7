// Helpers for the player tests: find a control in state().controls (scrolling the app's panels with
// the mouse wheel until it is visible), click it, press keys, and the core's own answers from the
// WASM build of the `dah` tool (bin/dah.js replay --json) to compare with what the page shows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clickRect, settle, siteDir } from './harness.mjs';

export async function stateAfter(app, frames = 3) {
  await settle(app.page, frames);
  return app.state();
}

// Wheels each visible panel (state().controls["panel.*"]) until `name` is on screen.
export async function scrollTo(app, name) {
  let s = await app.state();
  for (const direction of [1, -1]) {
    for (let i = 0; i < 30 && !s.controls[name]; ++i) {
      const panels = Object.entries(s.controls).filter(([k]) => k.startsWith('panel.')).map(([, r]) => r);
      for (const p of panels) {
        await app.page.mouse.move(p.x + p.w / 2, p.y + p.h / 2);
        await app.page.mouse.wheel(0, direction * 200);
        s = await stateAfter(app);
        if (s.controls[name]) break;
      }
    }
  }
  assert.ok(s.controls[name], `control "${name}" is on screen (screen ${s.screen})`);
  return s;
}

export async function click(app, name) {
  const s = await scrollTo(app, name);
  await clickRect(app.page, s.controls[name]);
  return stateAfter(app);
}

export async function clickAt(app, x, y) {
  await app.page.mouse.click(x, y);
  return stateAfter(app);
}

export async function press(app, key) {
  await app.page.keyboard.press(key);
  return stateAfter(app);
}

// C commits the stage; an untouched even spread asks first (state().confirm), and a second C commits it.
export async function commitKey(app) {
  const s = await press(app, 'c');
  return s.confirm === 'even_spread' ? press(app, 'c') : s;
}

// The engine after each stage, from the core compiled to WASM and run under node (`dah outcomes`: the
// causal model's distribution over the tutor's outcomes, whose exact enumeration the core's unit tests
// check against brute force). Agreement to 1e-12 checks that the app shows what the core computes, through
// the tutor, the UI and the page.
export function coreReplay(caseFile) {
  const dah = path.join(path.dirname(siteDir), 'bin', 'dah.js');
  assert.ok(existsSync(dah), `the core's command-line tool is built (${dah})`);
  const out = execFileSync('node', [dah, 'outcomes', path.join(siteDir, 'cases', caseFile),
    '--kb', path.join(siteDir, 'cases', 'knowledge-base-v2.json'), '--json'], { encoding: 'utf8' });
  const c = JSON.parse(out).cases[0];
  return c.stages.map((st) => Object.fromEntries(c.diagnoses.map((id, i) => [id, st.posterior[i]])));
}
export const independentPosteriors = coreReplay;

// The outcome of a case's answer (its network answer), from the same command.
export function coreAnswer(caseFile) {
  const dah = path.join(path.dirname(siteDir), 'bin', 'dah.js');
  const out = execFileSync('node', [dah, 'outcomes', path.join(siteDir, 'cases', caseFile),
    '--kb', path.join(siteDir, 'cases', 'knowledge-base-v2.json'), '--json'], { encoding: 'utf8' });
  return JSON.parse(out).cases[0].answer;
}

// Replays a learner's event log (window.dahTutor.events(), JSON lines) with the WASM `dah session`, the
// tutor's command-line front end; returns its --json report. The log is kept in the artifacts folder.
export function coreSession(eventsJsonl, name) {
  const dah = path.join(path.dirname(siteDir), 'bin', 'dah.js');
  const dir = process.env.DAH_ARTIFACTS_DIR || path.join(path.dirname(siteDir), 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.events.jsonl`);
  writeFileSync(file, eventsJsonl);
  const out = execFileSync('node', [dah, 'session', file, '--kb', path.join(siteDir, 'cases', 'knowledge-base-v2.json'), '--json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out);
}

export function brier(probabilities, truth) {
  return Object.entries(probabilities).reduce((s, [id, p]) => s + (p - (id === truth ? 1 : 0)) ** 2, 0);
}

export function assertClose(actual, expected, tolerance, what) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);
}

export function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The answer panel asks the first question in this order; keys 1-4 are its presets ("mostly ...").
export const questionOrder = ['immune', 'coagulopathic', 'other', 'both'];
export const presetKey = (group) => String(questionOrder.indexOf(group) + 1);

// Every cause (detailed): , / . choose a cause (the first press moves the keys from the groups to the causes).
export async function selectDiagnosis(app, id) {
  let s = await app.state();
  for (let i = 0; i < 40 && !(!s.answer_panel.keys_on_group && s.case.selected_diagnosis === id); ++i) s = await press(app, 'Period');
  assert.equal(s.case.selected_diagnosis, id, `the keys choose ${id}`);
  return s;
}

// The tutor's groups and outcomes, read from the served causal model (not from the app), by the rule of
// core/include/dah/outcomes.hpp: immune causes, antithrombotic ones, one outcome for both, the others.
export function outcomeSpace() {
  const kb = JSON.parse(readFileSync(path.join(siteDir, 'cases', 'knowledge-base-v2.json'), 'utf8'));
  const [immune, antithrombotic] = kb.both.groups;
  const causes = kb.nodes.filter((n) => n.kind === 'cause');
  const groupName = (id) => kb.groups.find((g) => g.id === id).name;
  const of = (list, group) => list.map((n) => ({ id: n.id, name: n.name, short_name: n.short_name || n.name, group }));
  return {
    groups: [{ id: 'immune', name: groupName(immune) }, { id: 'coagulopathic', name: groupName(antithrombotic) },
      { id: 'both', name: kb.both.name }, { id: 'other', name: 'Other causes or not DAH' }],
    diagnoses: [...of(causes.filter((n) => n.group === immune), 'immune'),
      ...of(causes.filter((n) => n.group === antithrombotic), 'coagulopathic'),
      { id: 'immune-and-antithrombotic', name: 'An immune cause with an antithrombotic contribution', short_name: 'Both', group: 'both' },
      ...of(causes.filter((n) => n.group !== immune && n.group !== antithrombotic), 'other')],
  };
}

// The group of each outcome.
export function groupOf() {
  return Object.fromEntries(outcomeSpace().diagnoses.map((d) => [d.id, d.group]));
}

// Probabilities by diagnosis summed by group.
export function byGroup(probabilities, groups = groupOf()) {
  const out = Object.fromEntries(questionOrder.map((g) => [g, 0]));
  for (const [id, p] of Object.entries(probabilities)) out[groups[id]] += p;
  return out;
}

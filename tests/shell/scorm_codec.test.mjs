// The SCORM packages' suspend data (shell/scorm/suspend_codec.js) and zips (shell/scorm/zip.mjs), without
// a browser: the largest progress the library can produce (every case committed cause by cause at every
// stage) fits SCORM 2004's 64,000 characters and comes back to within the stated steps; in SCORM 1.2's
// 4,096 the four-way answers of the whole library fit, and cause-by-cause answers of a library this size
// keep the finished cases as done and best score (the browser's own copy keeps the rest); damaged text
// never throws;
// zips read back here and in Python's zipfile, an independent reader.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { test } from 'node:test';
import { crc32, unzipFiles, zipFiles } from '../../shell/scorm/zip.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const sandbox = {};
vm.runInNewContext(readFileSync(path.join(root, 'shell/scorm/suspend_codec.js'), 'utf8'), sandbox);
const { encode, decode } = sandbox.DahScormCodec;

const kb = JSON.parse(readFileSync(path.join(root, 'cases/knowledge-base.json'), 'utf8'));
const diagnoses = kb.diagnoses.map((d) => d.id);
const groups = kb.groups.map((g) => g.id);
const groupOf = kb.diagnoses.map((d) => groups.indexOf(d.group));
const library = readdirSync(path.join(root, 'cases')).filter((f) => f.endsWith('.case.json')).sort()
  .map((f) => JSON.parse(readFileSync(path.join(root, 'cases', f), 'utf8')));
const ctx = { diagnoses, groups, groupOf, cases: library.map((c) => ({ id: c.id, answer: c.answer.diagnosis, stages: c.stages.length })) };

// Park–Miller generator: fixed seed, the same progress every run.
function random(seed) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}
function vector(next) {
  // Unequal weights with several near-zero ones, as learners set them.
  const w = diagnoses.map(() => { const r = next(); return r < 0.3 ? r / 100 : r; });
  const sum = w.reduce((a, b) => a + b, 0);
  return Object.fromEntries(diagnoses.map((d, i) => [d, w[i] / sum]));
}
const brier = (p, answer) => diagnoses.reduce((s, d) => s + (p[d] - (d === answer ? 1 : 0)) ** 2, 0);

// The app's progress JSON (web/ui/persistence.cpp) with every case committed at every stage, and the
// fields a newer app may add (a version, an events log) that the suspend data leaves to the local copy.
function fullProgress(cases, seed) {
  const next = random(seed);
  const out = { version: 2, events: [{ t: 1, kind: 'commit' }], cases: {} };
  for (const c of cases) {
    const answers = c.stages.map(() => {
      const p = vector(next);
      return { draft: p, committed: true, p, learner_brier: brier(p, c.answer.diagnosis), engine_brier: 2 * next() };
    });
    out.cases[c.id] = { done: true, best_score: 100 * next(), reached: c.stages.length - 1, finished: true, answers, extra: 'x' };
  }
  return out;
}

test('every case committed cause by cause at every stage fits SCORM 2004\'s 64,000 characters and resumes to within the steps', () => {
  const progress = fullProgress(library, 20261201);
  const { text, level } = encode(progress, ctx, Date.UTC(2026, 11, 1), 64000);
  console.log(`largest suspend data: ${text.length} characters for ${library.length} cases, ` +
    `${library.reduce((s, c) => s + c.stages.length, 0)} stages, ${diagnoses.length} diagnoses`);
  assert.equal(level, 0, 'nothing had to be left out');
  assert.ok(text.length <= 64000, `${text.length} characters`);
  // SCORM 1.2: finished cases keep done and best score, every case still resumes.
  const small = encode(progress, ctx, Date.UTC(2026, 11, 1), 4096);
  assert.ok(small.level <= 1 && small.text.length <= 4096, `SCORM 1.2: level ${small.level}, ${small.text.length} characters`);
  const summary = decode(small.text, ctx);
  for (const c of library) assert.equal(summary.cases[c.id].done, true, c.id);
  assert.match(text, /^[A-Za-z0-9._~-]+$/, 'plain ASCII without quotes, ampersands or spaces');
  const back = decode(text, ctx);
  assert.equal(back.savedAt, Date.UTC(2026, 11, 1));
  for (const c of library) {
    const a = progress.cases[c.id], b = back.cases[c.id];
    assert.equal(b.done, true);
    assert.equal(b.finished, true);
    assert.equal(b.reached, a.reached);
    assert.ok(Math.abs(b.best_score - a.best_score) <= 0.5 / 40 + 1e-9, `${c.id} best score`);
    assert.equal(b.answers.length, c.stages.length);
    b.answers.forEach((x, i) => {
      const y = a.answers[i];
      assert.equal(x.committed, true);
      let sum = 0;
      for (const d of diagnoses) {
        assert.ok(Math.abs(x.p[d] - y.p[d]) < 1 / 2000, `${c.id} stage ${i} ${d}: ${x.p[d]} vs ${y.p[d]}`);
        sum += x.p[d];
      }
      assert.ok(Math.abs(sum - 1) < 1e-12, 'the probabilities still add up to 1');
      assert.deepEqual(x.draft, x.p, 'the draft of a committed stage is its answer');
      assert.ok(Math.abs(x.learner_brier - y.learner_brier) < 0.002, 'the learner Brier score, from the answer');
      assert.ok(Math.abs(x.engine_brier - y.engine_brier) <= 0.5 / 2000 + 1e-9, 'the engine Brier score');
    });
  }
});

test('a case in progress keeps its draft; stages not reached stay at the uniform start', () => {
  const c = library[0];
  const uniform = Object.fromEntries(diagnoses.map((d) => [d, 1 / diagnoses.length]));
  const p = vector(random(7));
  const draft = vector(random(8));
  const progress = { version: 1, cases: { [c.id]: { done: false, best_score: -1, reached: 1, finished: false, answers: [
    { draft: p, committed: true, p, learner_brier: brier(p, c.answer.diagnosis), engine_brier: 0.5 },
    { draft, committed: false },
    ...c.stages.slice(2).map(() => ({ draft: uniform, committed: false })),
  ] } } };
  const back = decode(encode(progress, ctx, 1, 4096).text, ctx).cases[c.id];
  assert.equal(back.best_score, -1, 'no best score yet');
  assert.equal(back.reached, 1);
  assert.equal(back.answers[1].committed, false);
  for (const d of diagnoses) assert.ok(Math.abs(back.answers[1].draft[d] - draft[d]) < 1 / 2000);
  for (const a of back.answers.slice(2)) assert.deepEqual(Object.keys(a), ['committed'], 'no draft: the app starts it over');
});

// Group-level answers (the four-way question): each group's causes alike, as the app spreads them.
function groupAnswer(totals) {
  const members = groups.map((g, k) => groupOf.filter((x) => x === k).length);
  return Object.fromEntries(diagnoses.map((d, i) => [d, totals[groupOf[i]] / members[groupOf[i]]]));
}

test('answers to the four-way question keep only the four numbers, and resume with their level and score', () => {
  const big = library;
  const bigCtx = { diagnoses, groups, groupOf, cases: big.map((c) => ({ id: c.id, answer: c.answer.diagnosis, stages: c.stages.length })) };
  const next = random(21);
  const progress = { cases: {} };
  for (const c of big) {
    const answers = c.stages.map(() => {
      const w = groups.map(() => 0.05 + next());
      const sum = w.reduce((a, b) => a + b, 0);
      const p = groupAnswer(w.map((x) => x / sum));
      return { draft: p, committed: true, p, causes_of: [], level: 'groups', engine_brier: next() };
    });
    progress.cases[c.id] = { done: true, best_score: 50, reached: c.stages.length - 1, finished: true, answers };
  }
  const { text, level } = encode(progress, bigCtx, 1, 4096);
  const stages = big.reduce((n, c) => n + c.stages.length, 0);
  assert.equal(level, 0, `${text.length} characters for ${big.length} cases, ${stages} stages`);
  const back = decode(text, bigCtx);
  for (const c of big) {
    back.cases[c.id].answers.forEach((x, i) => {
      const y = progress.cases[c.id].answers[i];
      assert.deepEqual(x.causes_of, [], 'answered on the groups');
      for (const d of diagnoses) assert.ok(Math.abs(x.p[d] - y.p[d]) < 1 / 2000, `${c.id} ${d}`);
      // Brier on the four group totals only, worked out here from the answer.
      const truth = groupOf[diagnoses.indexOf(c.answer.diagnosis)];
      const totals = groups.map((g, k) => diagnoses.reduce((s, d, j) => s + (groupOf[j] === k ? y.p[d] : 0), 0));
      const expected = totals.reduce((s, q, k) => s + (q - (k === truth ? 1 : 0)) ** 2, 0);
      assert.ok(Math.abs(x.learner_brier - expected) < 0.002, `${c.id} stage ${i}: ${x.learner_brier} vs ${expected}`);
    });
  }
});

test('suspend data written by earlier packages ("D1", cause by cause in 1/4000 steps) still resumes', () => {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const put2 = (v) => A[v >> 6] + A[v & 63];
  let hash = 0;
  for (const ch of diagnoses.join(',')) hash = (hash * 31 + ch.charCodeAt(0)) % 4093;
  const c = library[0];
  const units = diagnoses.map((d, i) => (i === 0 ? 3000 : i === 1 ? 1000 : 0));
  // Flags: done, finished, answers; reached 0; best score 80; one stage committed, engine Brier 0.25.
  const text = `D1.1.${A[diagnoses.length]}${put2(hash)}~${c.id}.${A[7]}${A[0]}${put2(80 * 40)}${A[1]}C${units.map(put2).join('')}${put2(500)}`;
  const back = decode(text, ctx).cases[c.id];
  assert.equal(back.best_score, 80);
  const a = back.answers[0];
  assert.equal(a.p[diagnoses[0]], 0.75);
  assert.equal(a.p[diagnoses[1]], 0.25);
  assert.equal(a.causes_of, undefined, 'cause by cause');
  assert.equal(a.engine_brier, 0.25);
  const expected = diagnoses.reduce((s, d) => s + (a.p[d] - (d === c.answer.diagnosis ? 1 : 0)) ** 2, 0);
  assert.ok(Math.abs(a.learner_brier - expected) < 1e-12);
});

test('a library too large for 4,096 characters keeps finished cases as done and best score', () => {
  const big = Array.from({ length: 2 }, (_, k) => library.map((c) => ({ ...c, id: `${c.id}-${k}` }))).flat();
  const bigCtx = { diagnoses, groups, groupOf, cases: big.map((c) => ({ id: c.id, answer: c.answer.diagnosis, stages: c.stages.length })) };
  const progress = fullProgress(big, 3);
  const { text, level } = encode(progress, bigCtx, 1, 4096);
  assert.ok(level >= 1 && text.length <= 4096, `level ${level}, ${text.length} characters`);
  const back = decode(text, bigCtx);
  for (const c of big) {
    assert.equal(back.cases[c.id].done, true);
    assert.ok(Math.abs(back.cases[c.id].best_score - progress.cases[c.id].best_score) <= 0.5 / 40 + 1e-9);
  }
});

test('answers are not read back into another list of diagnoses', () => {
  const progress = fullProgress(library.slice(0, 2), 5);
  const text = encode(progress, ctx, 1, 4096).text;
  const other = { ...ctx, diagnoses: [...diagnoses].reverse() };
  const back = decode(text, other);
  assert.equal(back.cases[library[0].id].done, true);
  assert.equal(back.cases[library[0].id].answers, undefined);
});

test('text the codec did not write, or damaged text, never throws', () => {
  for (const t of [undefined, null, 42, '', 'hello', 'D1.', 'D1.zz', 'D1.1.A~', 'D2.1.A~', 'D3.1.AAA', '{"version":1}']) assert.equal(decode(t, ctx), null, String(t));
  const text = encode(fullProgress(library, 11), ctx, 1, 64000).text;
  const next = random(99);
  for (let i = 0; i < 300; i++) {
    const at = Math.floor(next() * text.length);
    const damaged = i % 2 ? text.slice(0, at) : text.slice(0, at) + '%' + text.slice(at + 1);
    const back = decode(damaged, ctx);
    assert.ok(back === null || typeof back.cases === 'object');
  }
  // One damaged record leaves the others.
  const parts = text.split('~');
  parts[1] = parts[1].slice(0, 20);
  const back = decode(parts.join('~'), ctx);
  assert.equal(back.cases[library[0].id], undefined);
  assert.equal(back.cases[library[1].id].done, true);
});

test('zip: CRC-32 of the standard check string, round trip, and Python reads it', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  const files = [{ name: 'imsmanifest.xml', data: '<manifest/>' }, { name: 'dah-tutor.html', data: 'é'.repeat(5000) },
    { name: 'random.bin', data: Buffer.from(Array.from({ length: 300 }, random(3)).map((x) => Math.floor(x * 256))) }];
  const zip = zipFiles(files);
  assert.deepEqual(unzipFiles(zip).map((f) => [f.name, f.data.toString('hex')]),
    files.map((f) => [f.name, Buffer.from(f.data).toString('hex')]));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dah-zip-'));
  try {
    writeFileSync(path.join(dir, 'a.zip'), zip);
    const listing = execFileSync('python3', ['-c', 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n' +
      'assert z.testzip() is None\nprint(" ".join(f"{i.filename}:{i.file_size}" for i in z.infolist()))', path.join(dir, 'a.zip')],
    { encoding: 'utf8' }).trim();
    assert.equal(listing, `imsmanifest.xml:11 dah-tutor.html:10000 random.bin:300`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const damaged = Buffer.from(zip);
  damaged[30 + 'imsmanifest.xml'.length + 2] ^= 0xff;  // in the first file's data
  assert.throws(() => unzipFiles(damaged));
});

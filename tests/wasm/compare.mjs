// Compares the WASM `dah` tool with the native one (mode "replay"), or checks the WASM tool's
// errors on tests/malformed (mode "malformed"). Exit code 0 on success, 1 with a report otherwise.
//   node compare.mjs replay --wasm dah.js --native path/to/dah --source REPO
//   node compare.mjs malformed --wasm dah.js --source REPO
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const tolerance = 1e-12;
const [mode, ...rest] = process.argv.slice(2);
const option = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const wasm = option('--wasm');
const native = option('--native');
const source = option('--source');
const failures = [];

function fail(message) {
  failures.push(message);
}

function run(tool, args, cwd) {
  const command = tool.endsWith('.js') ? process.execPath : tool;
  const argv = tool.endsWith('.js') ? [tool, ...args] : args;
  const r = spawnSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Keep reports short: an abort prints the whole minified dah.js.
  const stderr = (r.stderr ?? '').slice(0, 2000);
  return { status: r.status, stdout: r.stdout ?? '', stderr, error: r.error };
}

const lines = (text) => text.split('\n').filter((l) => l.length > 0);

// "case ID FILE" / "diagnoses ..." / "stage ID p1 p2 ..." -> one entry per line.
function parseReplay(text) {
  return lines(text).map((line) => {
    const parts = line.split(' ');
    return { kind: parts[0], words: parts.slice(1) };
  });
}

function caseFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.case.json')).sort().map((n) => path.join(dir, n));
}

function compareReplay() {
  if (!native || !existsSync(native)) {
    console.error(`native dah tool not found at ${native}: build the native preset first ` +
                  `(cmake --preset native && cmake --build --preset native) or configure with -DDAH_NATIVE_TOOL=/path/to/dah`);
    process.exit(1);
  }
  const groups = [
    { kb: path.join(source, 'tests/fixtures/knowledge-base.json'), cases: caseFiles(path.join(source, 'tests/fixtures')) },
    { kb: path.join(source, 'cases/knowledge-base.json'), cases: caseFiles(path.join(source, 'cases')) },
  ];
  let compared = 0;
  for (const group of groups) {
    if (!existsSync(group.kb) || group.cases.length === 0) {
      console.log(`note: nothing to compare for ${group.kb}`);
      continue;
    }
    const args = ['replay', '--kb', group.kb, ...group.cases];
    const a = run(native, args);
    const b = run(wasm, args);
    if (a.status !== 0) fail(`native replay failed (${a.status}): ${a.stderr}`);
    if (b.status !== 0 || b.error) fail(`wasm replay failed (${b.status}): ${b.stderr} ${b.error ?? ''}`);
    const x = parseReplay(a.stdout);
    const y = parseReplay(b.stdout);
    if (x.length !== y.length) {
      fail(`${group.kb}: native printed ${x.length} lines, wasm ${y.length}`);
      continue;
    }
    let caseId = '';
    for (let i = 0; i < x.length; ++i) {
      if (x[i].kind === 'case') caseId = x[i].words[0];
      if (x[i].kind !== y[i].kind || x[i].words.length !== y[i].words.length) {
        fail(`${caseId}: line ${i + 1} differs in shape: "${x[i].kind} ${x[i].words.join(' ')}" vs "${y[i].kind} ${y[i].words.join(' ')}"`);
        continue;
      }
      if (x[i].kind !== 'stage') {
        if (x[i].words.join(' ') !== y[i].words.join(' ')) fail(`${caseId}: line ${i + 1} differs`);
        continue;
      }
      if (x[i].words[0] !== y[i].words[0]) fail(`${caseId}: stage ${x[i].words[0]} vs ${y[i].words[0]}`);
      for (let k = 1; k < x[i].words.length; ++k) {
        const p = Number(x[i].words[k]);
        const q = Number(y[i].words[k]);
        if (!Number.isFinite(p) || !Number.isFinite(q) || Math.abs(p - q) > tolerance) {
          fail(`${caseId}: stage ${x[i].words[0]}, diagnosis ${k}: native ${x[i].words[k]} vs wasm ${y[i].words[k]}`);
        }
        ++compared;
      }
    }
    console.log(`${group.kb}: ${group.cases.length} cases compared`);
  }
  compared += compareCausalModel();
  if (compared === 0) fail('no posterior was compared');
  console.log(`${compared} posterior values compared (tolerance ${tolerance})`);
}

// The causal model (knowledge base v2): `dah calibrate --json` on the vignettes, every stage's
// probability of the right answer and Brier score, native against WASM.
function compareCausalModel() {
  const kb = path.join(source, 'cases/knowledge-base-v2.json');
  const vignettes = path.join(source, 'tests/vignettes/vignettes.json');
  if (!existsSync(kb) || !existsSync(vignettes)) {
    console.log('note: no causal model to compare');
    return 0;
  }
  const args = ['calibrate', '--json', '--kb', kb, vignettes];
  const a = run(native, args);
  const b = run(wasm, args);
  if (a.status !== 0) return fail(`native calibrate failed (${a.status}): ${a.stderr}`), 0;
  if (b.status !== 0 || b.error) return fail(`wasm calibrate failed (${b.status}): ${b.stderr} ${b.error ?? ''}`), 0;
  const x = JSON.parse(a.stdout).vignettes;
  const y = JSON.parse(b.stdout).vignettes;
  if (x.length !== y.length) return fail(`calibrate: native ${x.length} vignettes, wasm ${y.length}`), 0;
  let compared = 0;
  x.forEach((v, i) => {
    v.stages.forEach((s, k) => {
      const t = y[i].stages[k];
      if (!t || t.stage !== s.stage || t.leading !== s.leading) return fail(`${v.id}: stage ${k + 1} differs`);
      for (const key of ['p_answer', 'brier']) {
        if (Math.abs(s[key] - t[key]) > tolerance) fail(`${v.id}: stage ${s.stage}, ${key}: native ${s[key]} vs wasm ${t[key]}`);
        ++compared;
      }
    });
  });
  console.log(`causal model: ${x.length} vignettes compared`);
  return compared;
}

function checkMalformed() {
  const dir = path.join(source, 'tests/malformed');
  const kb = path.join('..', 'fixtures', 'knowledge-base.json');
  const files = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  for (const name of files) {
    const expected = lines(readFileSync(path.join(dir, name.replace(/\.json$/, '.expected')), 'utf8'));
    const r = run(wasm, ['validate', '--kb', kb, name], dir);
    if (r.error) fail(`${name}: could not run: ${r.error}`);
    if (/abort|RuntimeError|exception/i.test(r.stderr)) fail(`${name}: the WASM tool aborted: ${r.stderr}`);
    if (r.status !== 1) fail(`${name}: exit code ${r.status}, expected 1`);
    const actual = lines(r.stdout);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      fail(`${name}: errors differ\n  expected:\n    ${expected.join('\n    ')}\n  actual:\n    ${actual.join('\n    ')}`);
    }
  }
  console.log(`${files.length} malformed files checked`);
}

if (!wasm || !existsSync(wasm) || !source) {
  console.error('usage: node compare.mjs replay|malformed --wasm dah.js [--native dah] --source REPO');
  process.exit(2);
}
if (mode === 'replay') compareReplay();
else if (mode === 'malformed') checkMalformed();
else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
if (failures.length > 0) {
  console.error(`${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('ok');

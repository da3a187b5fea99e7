// The UI font is cut to two sets of characters (cmake/font.cmake: the UI's own, then what only case
// text needs) and ImGui is given the same sets (web/ui/fonts.cpp): each pair must agree, and every
// character the built-in cases and the UI's own strings use must be in one of them, or it shows as '?'.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f) => readFileSync(path.join(root, f), 'utf8');

// [[first, last], ...] from "U+0020-007E,U+00A0,..."
function cmakeRanges(variable) {
  const m = read('cmake/font.cmake').match(new RegExp(`set\\(${variable} "([^"]+)"\\)`));
  assert.ok(m, `${variable} is set in cmake/font.cmake`);
  return m[1].split(',').map((r) => {
    const [a, b] = r.replace(/U\+/g, '').split('-').map((h) => parseInt(h, 16));
    return [a, b ?? a];
  });
}

function imguiRanges(name) {
  const m = read('web/ui/fonts.cpp').match(new RegExp(`static const ImWchar ${name}\\[\\] = \\{([^}]*)\\}`));
  assert.ok(m, `the ImGui glyph ranges ${name} are in web/ui/fonts.cpp`);
  const values = m[1].split(',').map((v) => parseInt(v.trim(), 16));
  assert.equal(values.pop(), 0, 'the list ends with 0');
  const pairs = [];
  for (let i = 0; i < values.length; i += 2) pairs.push([values[i], values[i + 1]]);
  return pairs;
}

const covered = (ranges, c) => ranges.some(([a, b]) => c >= a && c <= b);

// The string literals of a C++ file (comments skipped), escapes decoded: \uXXXX, \UXXXXXXXX, UTF-8 in \xNN.
function cppStrings(source) {
  const strings = [];
  const literal = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"((?:[^"\\\n]|\\.)*)"/g;
  for (const m of source.matchAll(literal)) {
    if (m[1] === undefined) continue;
    const bytes = [];
    const body = m[1];
    for (let i = 0; i < body.length; i++) {
      const e = body.slice(i).match(/^\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2}))/);
      if (e && e[3]) { bytes.push(parseInt(e[3], 16)); i += e[0].length - 1; continue; }
      const text = e ? String.fromCodePoint(parseInt(e[1] || e[2], 16)) : body[i];
      if (e) i += e[0].length - 1;
      bytes.push(...Buffer.from(text, 'utf8'));
    }
    strings.push(Buffer.from(bytes).toString('utf8'));
  }
  return strings;
}

function jsonStrings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); jsonStrings(v, out); }
  return out;
}

function filesUnder(dir, pattern) {
  return readdirSync(path.join(root, dir), { recursive: true }).map(String).filter((f) => pattern.test(f))
    .map((f) => path.join(dir, f));
}

test('each font file is cut to exactly the ranges ImGui is given', () => {
  assert.deepEqual(imguiRanges('ui_ranges'), cmakeRanges('DAH_FONT_UNICODES'));
  assert.deepEqual(imguiRanges('extra_ranges'), cmakeRanges('DAH_FONT_EXTRA_UNICODES'));
  const ui = cmakeRanges('DAH_FONT_UNICODES');
  for (const [a, b] of cmakeRanges('DAH_FONT_EXTRA_UNICODES'))
    for (let c = a; c <= b; c++) assert.ok(!covered(ui, c), `U+${c.toString(16)} is in one file only`);
});

test('every character of the built-in cases and the UI strings is in the font', () => {
  const ranges = [...cmakeRanges('DAH_FONT_UNICODES'), ...cmakeRanges('DAH_FONT_EXTRA_UNICODES')];
  const missing = new Map();
  const check = (file, strings) => {
    for (const s of strings) for (const ch of s) {
      const c = ch.codePointAt(0);
      // U+FEFF: the byte order mark the readers strip, never shown.
      if (c >= 0x20 && c !== 0xfeff && !covered(ranges, c)) missing.set(ch, file);
    }
  };
  const cases = filesUnder('cases', /\.json$/);
  assert.ok(cases.length >= 10, 'the cases are found');
  for (const f of cases) check(f, jsonStrings(JSON.parse(read(f))));
  const sources = [...filesUnder('web', /\.(cpp|hpp)$/), ...filesUnder('core/src', /\.(cpp|hpp)$/),
    ...filesUnder('core/include', /\.hpp$/)];
  for (const f of sources) check(f, cppStrings(read(f)));
  assert.deepEqual([...missing].map(([ch, f]) => `U+${ch.codePointAt(0).toString(16).toUpperCase()} ${ch} (${f})`), []);
});

test("the UI's own strings need only the first file (the first frame comes before the rest)", () => {
  const ui = cmakeRanges('DAH_FONT_UNICODES');
  const missing = new Set();
  for (const f of filesUnder('web', /\.(cpp|hpp)$/))
    for (const s of cppStrings(read(f))) for (const ch of s) if (ch.codePointAt(0) >= 0x20 && !covered(ui, ch.codePointAt(0))) missing.add(`${ch} (${f})`);
  assert.deepEqual([...missing], []);
});

test('the string reader sees escapes and skips comments', () => {
  assert.deepEqual(cppStrings('// "≠"\nf("\\u25B6 a", "\\xE2\\x9C\\x93"); /* "∞" */ g(\'"\');'), ['▶ a', '✓']);
});

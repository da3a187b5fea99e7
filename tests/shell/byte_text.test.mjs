// The byte text of the single-file edition (shell/byte_text.mjs): every byte value comes back, whatever
// the map, and the text never holds what the HTML parser would change or what would end its element.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseMap, decodeByteText, encodeByteText, oneByteChars } from '../../shell/byte_text.mjs';

const allBytes = Uint8Array.from({ length: 256 }, (_, b) => b);
// Skewed like a wasm: zeros and a few opcodes dominate, so the chosen map is far from the identity.
const skewed = Uint8Array.from({ length: 20000 }, (_, i) => (i % 3 === 0 ? 0 : i % 5 === 0 ? 0x0b : (i * 7919) % 256));

test('95 one-byte characters: tab, newline and printable ASCII but < and &', () => {
  assert.equal(oneByteChars.length, 95);
  for (const c of [0x3c, 0x26, 0x0d, 0x00, 0x7f]) assert.ok(!oneByteChars.includes(c), `U+${c.toString(16)} is not one of them`);
});

for (const [name, bytes] of [['all 256 values', allBytes], ['a skewed file', skewed], ['empty', new Uint8Array(0)]]) {
  test(`round trip: ${name}`, () => {
    const { text, map } = encodeByteText(bytes);
    assert.equal(text.length, bytes.length, 'one character per byte');
    assert.deepEqual(decodeByteText(text, map), bytes);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      assert.ok(oneByteChars.includes(c) || (c >= 0x100 && c < 0x200), `U+${c.toString(16)} at ${i}`);
    }
    assert.ok(!/[<&\r\0]/.test(text));
  });
}

test('the map gives the one-byte characters to the most frequent bytes, printable ones keeping themselves', () => {
  const map = chooseMap(skewed);
  assert.equal(new Set(map).size, 95);
  assert.ok(map.includes(0x00) && map.includes(0x0b), 'the frequent non-printable bytes get one-byte characters');
  oneByteChars.forEach((c, i) => { if (map.includes(c)) assert.equal(map[i], c, `${String.fromCharCode(c)} stands for itself`); });
  const text = encodeByteText(skewed).text;
  const oneByte = [...text].filter((ch) => ch.charCodeAt(0) < 0x100).length;
  const identity = [...skewed].filter((b) => oneByteChars.includes(b)).length;
  assert.ok(oneByte > identity, `more one-byte characters than with the identity (${oneByte} > ${identity})`);
});

test('round trip with any map, and the identity map keeps printable bytes as themselves', () => {
  const identity = Uint8Array.from(oneByteChars);
  const { text, map } = encodeByteText(allBytes, identity);
  assert.deepEqual(decodeByteText(text, map), allBytes);
  assert.equal(text.slice(0x41, 0x44), 'ABC');
  const reversed = Uint8Array.from(oneByteChars, (_, i) => 255 - i);
  const r = encodeByteText(allBytes, reversed);
  assert.deepEqual(decodeByteText(r.text, r.map), allBytes);
});

test('the decoder rejects what no encoder writes', () => {
  const { map } = encodeByteText(allBytes);
  assert.throws(() => decodeByteText('<', map), /not byte text/);
  assert.throws(() => decodeByteText('\u0200', map), /not byte text/);
  assert.throws(() => decodeByteText('\ufffd', map), /not byte text/);  // a page read in the wrong charset
  const chosen = Buffer.from(map, 'hex')[0];
  assert.throws(() => decodeByteText(String.fromCharCode(0x100 + chosen), map), /not byte text/);
  assert.throws(() => encodeByteText(allBytes, new Uint8Array(95)), /distinct/);
});

// Binary as text for the single-file edition: one character per byte, which brotli compresses nearly as
// well as the bytes themselves (the wasm of 2026-11-28: 214 kB brotli, 210 kB raw; as base64, 268 kB).
// 95 characters are written as themselves: tab, newline and printable ASCII but '<' and '&'. Each stands
// for one of the 95 most frequent byte values of the file, itself where that byte is one of them (so
// the wasm's strings stay readable text), and `map` says which; any other byte b is the character
// U+0100 + b (two bytes in UTF-8). Giving the one-byte characters to the frequent bytes saves 9 kB brotli
// on the wasm over keeping every printable byte as itself (mostly opcodes and zeros are not printable).
// The text goes in a <script type="application/octet-stream">, which the browser never runs and whose
// content the HTML parser leaves as it is: no character references, and the only bytes it would change,
// CR and NUL, are never written. With no '<', no "</script" can end the element early.
// shell/loader.js holds the decoder the page uses (embeddedBytes, same rule).

export const oneByteChars = [];
for (let c = 0; c < 0x80; c++)
  if ((c >= 0x20 && c <= 0x7e && c !== 0x3c && c !== 0x26) || c === 0x09 || c === 0x0a) oneByteChars.push(c);

// The byte each one-byte character stands for (map[i] for oneByteChars[i]): the most frequent values.
export function chooseMap(bytes) {
  const count = new Array(256).fill(0);
  for (const b of bytes) count[b]++;
  const byFrequency = [...count.keys()].sort((a, b) => count[b] - count[a] || a - b);
  const chosen = new Set(byFrequency.slice(0, oneByteChars.length));
  const others = byFrequency.filter((b) => chosen.has(b) && !oneByteChars.includes(b));
  return Uint8Array.from(oneByteChars, (c) => (chosen.has(c) ? c : others.shift()));
}

// Returns the text and the map as hex (two digits per one-byte character, in oneByteChars order).
export function encodeByteText(bytes, map = chooseMap(bytes)) {
  if (new Set(map).size !== oneByteChars.length) throw new Error('the map must name 95 distinct bytes');
  const charOf = Array.from({ length: 256 }, (_, b) => 0x100 + b);
  map.forEach((b, i) => { charOf[b] = oneByteChars[i]; });
  const parts = [];
  const chunk = 8192;  // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += chunk)
    parts.push(String.fromCharCode(...Array.from(bytes.subarray(i, i + chunk), (b) => charOf[b])));
  return { text: parts.join(''), map: Buffer.from(map).toString('hex') };
}

export function decodeByteText(text, mapHex) {
  const map = Buffer.from(mapHex, 'hex');
  if (map.length !== oneByteChars.length) throw new Error('the map must name 95 bytes');
  const byteOf = new Int16Array(0x200).fill(-1);
  oneByteChars.forEach((c, i) => { byteOf[c] = map[i]; });
  for (let b = 0; b < 256; b++) if (!map.includes(b)) byteOf[0x100 + b] = b;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x200 ? byteOf[c] : -1;
    if (b < 0) throw new Error(`not byte text: U+${c.toString(16).padStart(4, '0')} at ${i}`);
    bytes[i] = b;
  }
  return bytes;
}

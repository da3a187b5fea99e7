// Writes cases/library.json, the one file the loader fetches for all the data: every file named in
// cases/index.json (knowledge base first), in that order, as {"files": [{"name": ..., "text": ...}]}.
// One request instead of one per file, and brotli compresses the cases better together.
// Usage: node pack_library.mjs SITE_DIR
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node pack_library.mjs SITE_DIR');
  process.exit(2);
}
const casesDir = path.join(siteDir, 'cases');
const names = JSON.parse(readFileSync(path.join(casesDir, 'index.json'), 'utf8'));
// A case's `network` block is read by `dah calibrate` (the causal model), not yet by the app: it stays
// out of what the browser downloads until the tutor reasons with that model.
const files = names.map((name) => {
  const text = readFileSync(path.join(casesDir, name), 'utf8');
  if (!name.endsWith('.case.json')) return { name, text };
  const data = JSON.parse(text);
  if (!('network' in data)) return { name, text };
  delete data.network;
  return { name, text: JSON.stringify(data, null, 2) + '\n' };
});
writeFileSync(path.join(casesDir, 'library.json'), JSON.stringify({ files }));

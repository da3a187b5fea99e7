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
// The app reasons with the causal model: a case's `network` block holds its findings, so the findings of
// the naive-Bayes model in each stage are left out of what the browser downloads (the stages keep their
// story: narrative, teaching points, pictures).
const files = names.map((name) => {
  const text = readFileSync(path.join(casesDir, name), 'utf8');
  if (!name.endsWith('.case.json')) return { name, text };
  const data = JSON.parse(text);
  if (!('network' in data) || !Array.isArray(data.stages)) return { name, text };
  for (const stage of data.stages) if (stage && Array.isArray(stage.findings)) stage.findings = [];
  return { name, text: JSON.stringify(data, null, 2) + '\n' };
});
writeFileSync(path.join(casesDir, 'library.json'), JSON.stringify({ files }));

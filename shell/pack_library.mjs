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
// What the browser downloads is what the app reads, compact: no indentation, and without what only the
// tools read (45 cases: 81.3 → 74.8 kB brotli). The app reasons with the causal model: a case's `network`
// block holds its findings, so the naive-Bayes findings of each stage are left out (the stages keep their
// story: narrative, teaching points, pictures), and so are the causal model's checks (`dah calibrate`).
const files = names.map((name) => {
  const data = JSON.parse(readFileSync(path.join(casesDir, name), 'utf8'));
  if (name.endsWith('.case.json') && data.network && Array.isArray(data.stages)) {
    for (const stage of data.stages) if (stage && Array.isArray(stage.findings)) stage.findings = [];
    delete data.network.checks;
  }
  return { name, text: JSON.stringify(data) };
});
writeFileSync(path.join(casesDir, 'library.json'), JSON.stringify({ files }));

// Wraps npm's qrcode (CommonJS, its browser entry) and what it requires into one ES module for the
// page: node bundle_qrcode.mjs OUT.js. Each file becomes a function in a table; require() looks it up.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.join(here, 'node_modules/qrcode');
const entry = path.join(pkgDir, 'lib/browser.js');
const modules = new Map();  // absolute path → { id, code, deps: { request → id } }

function add(file) {
  if (modules.has(file)) return modules.get(file).id;
  const m = { id: modules.size, code: readFileSync(file, 'utf8'), deps: {} };
  modules.set(file, m);
  const req = createRequire(file);
  for (const [, request] of m.code.matchAll(/require\(['"]([^'"]+)['"]\)/g)) {
    if (request === 'fs') continue;  // the browser build never reaches it
    m.deps[request] = add(req.resolve(request));
  }
  return m.id;
}
add(entry);

let out = '// npm qrcode 1.5.4 (MIT) and its dependencies, wrapped as an ES module by shell/class/bundle_qrcode.mjs.\n' +
  'const defs = [];\n';
for (const m of modules.values())
  out += `defs[${m.id}] = [${JSON.stringify(m.deps)}, function (require, module, exports) {\n${m.code}\n}];\n`;
out += `const cache = [];
function load(id) {
  if (cache[id]) return cache[id].exports;
  const module = { exports: {} };
  cache[id] = module;
  const [deps, fn] = defs[id];
  fn((r) => { if (!(r in deps)) return {}; return load(deps[r]); }, module, module.exports);
  return module.exports;
}
const QRCode = load(0);
export default QRCode;
`;
writeFileSync(process.argv[2], out);

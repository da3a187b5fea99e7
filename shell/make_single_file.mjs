// Builds the single-file edition: one HTML file with the page, its style, the loader, the app (WASM
// embedded by -sSINGLE_FILE), the font as base64 and the knowledge base and cases as the plain JSON of
// cases/library.json (text compresses; base64 would not), which runs from file:// (a USB stick, a
// shared drive). The Content Security Policy allows exactly these inline scripts, by hash.
// Usage: node make_single_file.mjs SITE_DIR APP_JS OUTPUT_HTML
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [siteDir, appJs, output] = process.argv.slice(2);
if (!output) {
  console.error('usage: node make_single_file.mjs SITE_DIR APP_JS OUTPUT_HTML');
  process.exit(2);
}
const read = (f) => readFileSync(path.join(siteDir, f));
const files = { 'ui-font.ttf': read('assets/ui-font.ttf').toString('base64') };
const library = JSON.parse(read('cases/library.json'));

// "</script" inside an inline script would end it early; the sources never need that sequence.
const inline = (js) => js.replace(/<\/script/gi, '<\\/script');
// The data is free text: every "<" becomes \u003c in the JSON, so no "</script" or "<!--" can appear.
const embedded = JSON.stringify({ files, library }).replace(/</g, '\\u003c');
const scripts = [
  'window.DAH_EMBEDDED = ' + embedded + ';',
  inline(readFileSync(appJs, 'utf8')),
  inline(read('loader.js').toString('utf8')),
];
const style = read('shell.css').toString('utf8');
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "img-src data:", "connect-src data:", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

let html = read('index.html').toString('utf8');
// Replacements are functions: the inlined code contains `$` sequences that string replacements interpret.
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`);
html = html.replace(/<link rel="(manifest|icon)"[^>]*>\n?/g, '');
html = html.replace(/<script src="loader.js"><\/script>/, () => scripts.map((s) => `<script>${s}</script>`).join('\n'));
writeFileSync(output, html);
console.log(`${output}: ${html.length} bytes`);

// Builds the single-file edition: one HTML file with the page, its style, the loader, the app's JS glue,
// and as data the app's wasm and the UI font as byte text (byte_text.mjs; base64 would not compress: the
// wasm is 268 kB brotli as base64, 214 kB as byte text, 210 kB raw; the whole page 337 kB against 280 kB)
// and the knowledge base and cases as the plain JSON of cases/library.json (text compresses). It runs
// from file:// (a USB stick, a shared drive) and embeds the site's own dah_tutor.js and .wasm, so both
// editions run the same build. The Content Security Policy allows exactly the inline scripts, by hash;
// the data elements are never run, so it need not list them.
// Usage: node make_single_file.mjs SITE_DIR OUTPUT_HTML
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeByteText } from './byte_text.mjs';

// Returns the page. Options (for the SCORM packages, shell/scorm/): `library` in place of the site's
// cases/library.json, `scripts` run before the app and the loader (so what they install is there when
// the app starts), `style` added to the page's style, `title`.
export function singleFileHtml(siteDir, options = {}) {
  const read = (f) => readFileSync(path.join(siteDir, f));
  // loader.js finds each file by its data-file name (embeddedBytes).
  const dataFiles = { 'dah_tutor.wasm': 'dah_tutor.wasm', 'ui-font.ttf': 'assets/ui-font.ttf',
    'ui-font-extra.ttf': 'assets/ui-font-extra.ttf' };
  const dataElements = Object.entries(dataFiles).map(([name, file]) => {
    const { text, map } = encodeByteText(read(file));
    return `<script type="application/octet-stream" data-file="${name}" data-map="${map}">${text}</script>`;
  });
  const library = options.library || JSON.parse(read('cases/library.json'));

  // "</script" inside an inline script would end it early; the sources never need that sequence.
  const inline = (js) => js.replace(/<\/script/gi, '<\\/script');
  // The data is free text: every "<" becomes \u003c in the JSON, so no "</script" or "<!--" can appear.
  const embedded = JSON.stringify({ library }).replace(/</g, '\\u003c');
  const scripts = [
    'window.DAH_EMBEDDED = ' + embedded + ';',
    ...(options.scripts || []).map(inline),
    inline(read('dah_tutor.js').toString('utf8')),
    inline(read('input.js').toString('utf8')),
    inline(read('mirror.js').toString('utf8')),
    inline(read('loader.js').toString('utf8')),
  ];
  const style = read('shell.css').toString('utf8') + (options.style || '');
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${hash(style)}`,
    "img-src data:", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');

  let html = read('index.html').toString('utf8');
  // Replacements are functions: the inlined code contains `$` sequences that string replacements interpret.
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = html.replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`);
  html = html.replace(/<!--[^>]*-->\n?/g, '').replace(/<link rel="(manifest|icon|preload)"[^>]*>\n?/g, '');
  if (options.title) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(options.title)}</title>`);
  // The data comes before the scripts: the loader reads it as soon as it runs.
  html = html.replace(/<script src="loader.js"><\/script>/, () =>
    [...dataElements, ...scripts.map((s) => `<script>${s}</script>`)].join('\n'));
  // The byte text is read as UTF-8 (its characters above U+007F are two bytes), so the page must say so
  // before anything else: a browser opening it from file:// has no header to go by.
  if (!/^<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">/i.test(html))
    throw new Error('index.html must start with <meta charset="utf-8">');
  return html;
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [siteDir, output] = process.argv.slice(2);
  if (!output) {
    console.error('usage: node make_single_file.mjs SITE_DIR OUTPUT_HTML');
    process.exit(2);
  }
  const html = singleFileHtml(siteDir);
  writeFileSync(output, html);
  console.log(`${output}: ${Buffer.byteLength(html)} bytes`);
}

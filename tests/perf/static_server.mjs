// A tiny static server for the measurements: sends `<file>.br` (or `.gz`) when the request accepts that
// encoding and the precompressed file exists next to the original, with the right Content-Type
// (application/wasm included) and no caching. Logs every request (time, path, encoding, bytes sent) so
// the benchmark can say what was fetched before and after the first frame.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file) {
  return types[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// Starts serving `root` on a free loopback port. Returns { base, origin, log, stop }.
export async function startStaticServer(root) {
  const rootDir = path.resolve(root);
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(rootDir, '.' + rel);
    if (!file.startsWith(rootDir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      log.push({ t: Date.now(), path: rel, status: 404, encoding: 'identity', bytes: 0 });
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const accepts = String(req.headers['accept-encoding'] || '');
    let sent = file;
    let encoding = 'identity';
    if (/\bbr\b/.test(accepts) && existsSync(file + '.br')) { sent = file + '.br'; encoding = 'br'; }
    else if (/\bgzip\b/.test(accepts) && existsSync(file + '.gz')) { sent = file + '.gz'; encoding = 'gzip'; }
    const bytes = statSync(sent).size;
    const headers = { 'Content-Type': contentType(file), 'Content-Length': bytes, 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    log.push({ t: Date.now(), path: rel, status: 200, encoding, bytes });
    res.writeHead(200, headers);
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(sent).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    base: origin + '/', origin, log,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

// Run directly: serve a folder until Ctrl+C (for looking at a build by hand).
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const s = await startStaticServer(process.argv[2] || '.');
  console.log(`serving ${process.argv[2] || '.'} at ${s.base}`);
}

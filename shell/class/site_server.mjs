// Serves the built site (build/web/site) and passes WebSocket connections on /nats through to the
// class's nats-server on the loopback address, so the page talks to one origin (its
// Content-Security-Policy keeps connect-src 'self') and nats-server itself never listens on the LAN.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pictureStore } from './picture_store.mjs';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf', '.jpg': 'image/jpeg', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

// Returns { server, port, url, stop() }; host is 127.0.0.1 for tests, the LAN address for a class.
// rooms: the class server's rooms, whose lecturers may put the stage pictures for the phones here.
export async function startSiteServer({ root, host = '127.0.0.1', port = 0, natsWsPort, rooms = [] }) {
  const pictures = pictureStore(rooms);
  const server = http.createServer((req, res) => {
    if (pictures(req, res)) return;
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(path.resolve(root) + path.sep)) { res.writeHead(403).end(); return; }
    let st;
    try { st = statSync(file); } catch { st = null; }
    if (!st || !st.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream',
                         'content-length': st.size, 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(file).pipe(res);
  });
  const sockets = new Set();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url.startsWith('/nats') || !natsWsPort) { socket.destroy(); return; }
    sockets.add(socket);
    const upstream = net.connect(natsWsPort, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(lines.join('\r\n') + '\r\n\r\n');
      if (head?.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    sockets.add(upstream);
    const end = () => { socket.destroy(); upstream.destroy(); };
    upstream.on('error', end); socket.on('error', end);
    upstream.on('close', end); socket.on('close', end);
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, host, resolve); });
  const actual = server.address().port;
  return {
    server, port: actual, url: `http://${host}:${actual}/`,
    setNatsPort(p) { natsWsPort = p; },
    stop: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

// The stage pictures of a live class, held in memory by the site server for as long as it runs (nothing
// on disk). The lecturer's page draws each picture with the app, captures it and puts it here with the
// lecturer's key; phones (and late joiners, and phones after a reconnection) get it by URL:
//   /class-pictures/ROOM/CASE/STAGE/index.json  [{ caption, description, width, height }]
//   /class-pictures/ROOM/CASE/STAGE/I.jpg       the picture (JPEG)
// The room id (80 random bits) is in the path; only the room's lecturer may put.
const PATH = /^\/class-pictures\/([0-9a-f]{20})\/([a-z0-9-]{1,64})\/(\d{1,2})\/(index\.json|[0-7]\.jpg)$/;
const MAX_PICTURE = 1 << 20;       // 1 MB a picture (a 640-pixel JPEG is under 100 kB)
const MAX_INDEX = 16 << 10;        // the captions and descriptions of up to 8 pictures
const MAX_ROOM = 48 << 20;         // all the pictures of a room
const JPEG = [0xff, 0xd8, 0xff];

function validIndex(bytes) {
  let list;
  try { list = JSON.parse(bytes.toString('utf8')); } catch { return false; }
  return Array.isArray(list) && list.length <= 8 && list.every((p) => p && typeof p === 'object' &&
    typeof p.caption === 'string' && typeof p.description === 'string' &&
    Number.isInteger(p.width) && Number.isInteger(p.height));
}

// rooms: the class server's list of { id, lecturer } (read at each request: a room added later counts).
export function pictureStore(rooms) {
  const held = new Map();  // path → { type, body }
  const used = new Map();  // room → bytes held

  // Returns true when it answered the request (a /class-pictures/ path), false to let the site serve it.
  return function handle(req, res) {
    if (!req.url.startsWith('/class-pictures/')) return false;
    const url = new URL(req.url, 'http://x');
    const m = PATH.exec(url.pathname);
    if (!m) { res.writeHead(404).end(); return true; }
    const [, roomId, , , file] = m;
    const room = rooms.find((r) => r.id === roomId);
    if (!room) { res.writeHead(404).end(); return true; }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const item = held.get(url.pathname);
      if (!item) { res.writeHead(404, { 'cache-control': 'no-store' }).end(); return true; }
      res.writeHead(200, { 'content-type': item.type, 'content-length': item.body.length, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : item.body);
      return true;
    }
    if (req.method !== 'PUT') { res.writeHead(405).end(); return true; }
    if (req.headers.authorization !== `Bearer ${room.lecturer}`) { res.writeHead(403).end(); req.resume(); return true; }
    const index = file === 'index.json';
    const limit = index ? MAX_INDEX : MAX_PICTURE;
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {  // past the limit the rest is read and dropped, then refused
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => {
      if (size > limit) { res.writeHead(413).end(); return; }
      const body = Buffer.concat(chunks);
      const ok = index ? validIndex(body) : JPEG.every((b, i) => body[i] === b);
      if (!ok) { res.writeHead(400).end(); return; }
      const before = held.get(url.pathname)?.body.length || 0;
      const total = (used.get(roomId) || 0) - before + body.length;
      if (total > MAX_ROOM) { res.writeHead(507).end(); return; }
      used.set(roomId, total);
      held.set(url.pathname, { type: index ? 'application/json' : 'image/jpeg', body });
      res.writeHead(204).end();
    });
    return true;
  };
}

// scripts/class-server and scripts/class: starts the class's nats-server (one room, or --rooms N) and,
// for scripts/class, the site with its /nats WebSocket path on HOST:PORT; prints the links and runs until
// Ctrl+C (or --seconds S), then stops everything it started.
import os from 'node:os';
import { startClassServer } from './class_server.mjs';
import { roomCode } from './rooms.mjs';
import { lecturerLink, studentLink } from './rooms.mjs';
import { startSiteServer } from './site_server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf('--' + name); return i >= 0 ? args[i + 1] : fallback; };
const withSite = args.includes('--site');

function lanAddress() {
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list || []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

const server = await startClassServer({ rooms: Number(opt('rooms', 1)), quiet: true });
let site = null;
const stopAll = async () => {
  if (site) await site.stop();
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
const seconds = Number(opt('seconds', 0));
if (seconds > 0) setTimeout(stopAll, seconds * 1000);

console.log(`nats-server (pid ${server.pid()}): clients on ${server.tcpUrl}, WebSocket on ${server.wsUrl} (loopback only)`);
if (withSite) {
  const host = opt('host', process.env.HOST || lanAddress());
  site = await startSiteServer({ root: opt('root'), host, port: Number(opt('port', process.env.PORT || 8080)), natsWsPort: server.wsPort, rooms: server.rooms });
  console.log(`The site is served at ${site.url} (the class server at ${site.url}nats)`);
}
const base = site ? site.url : 'http://HOST:PORT/';
for (const r of server.rooms) {
  console.log(`\nRoom ${roomCode(r.id)}`);
  console.log(`  lecturer (open on the projector's computer; keep it private): ${lecturerLink(base, r)}`);
  console.log(`  students (the QR code on the projector):                     ${studentLink(base, r)}`);
}
console.log('\nCtrl+C stops the class; the server keeps nothing after that.');

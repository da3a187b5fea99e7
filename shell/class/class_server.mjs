// Starts Debian's nats-server for a live class with shell/class/nats.conf and the rooms' users, on
// loopback ports; used by scripts/class-server, scripts/class, scripts/class-load and the tests.
// Each server runs from its own temporary folder (the config, rooms.conf), removed when it stops.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newRoom, roomsConf } from './rooms.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

export async function waitForPort(port, timeoutMs = 10000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

// Options: rooms (count, default 1) or a list of rooms; cluster: { name, port, routes } for one node of
// a cluster. Returns { rooms, port, wsPort, tcpUrl, wsUrl, stop(), restart(), addRoom(), log() }.
export async function startClassServer({ rooms = 1, port, wsPort, cluster, quiet = true } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dah-class-'));
  const list = Array.isArray(rooms) ? rooms.slice() : Array.from({ length: rooms }, newRoom);
  copyFileSync(path.join(here, 'nats.conf'), path.join(dir, 'nats.conf'));
  writeFileSync(path.join(dir, 'rooms.conf'), roomsConf(list), { mode: 0o600 });
  port = port || await freePort();
  wsPort = wsPort || await freePort();
  const args = ['-c', path.join(dir, 'nats.conf')];
  if (cluster) {
    args.push('--cluster_name', cluster.name || 'dah', '--cluster', `nats://127.0.0.1:${cluster.port}`);
    if (cluster.routes?.length) args.push('--routes', cluster.routes.map((p) => `nats://127.0.0.1:${p}`).join(','));
  }
  const env = { ...process.env, DAH_NATS_PORT: String(port), DAH_NATS_WS_PORT: String(wsPort) };
  let proc = null;
  let output = '';
  const launch = async () => {
    proc = spawn('nats-server', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.on('data', (d) => { output += d; });
    proc.stderr.on('data', (d) => { output += d; if (!quiet) process.stderr.write(d); });
    const exited = new Promise((_, reject) => proc.once('exit', (code) => reject(new Error(`nats-server exited (${code}):\n${output}`))));
    exited.catch(() => {});
    await Promise.race([Promise.all([waitForPort(port), waitForPort(wsPort)]), exited]);
  };
  // The process being stopped is held here, not read from `proc` later: after a restart `proc` is the new
  // server, which a late SIGKILL meant for the old one would stop (the reconnect test's lost server).
  const kill = () => new Promise((resolve) => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode) { resolve(); return; }
    const force = setTimeout(() => p.kill('SIGKILL'), 3000);
    p.once('exit', () => { clearTimeout(force); resolve(); });
    p.kill('SIGTERM');
  });
  await launch();
  return {
    rooms: list, port, wsPort, dir,
    tcpUrl: `nats://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${wsPort}`,
    log: () => output,
    pid: () => proc.pid,
    async stop() { await kill(); rmSync(dir, { recursive: true, force: true }); },
    async kill() { await kill(); },  // stopped but restartable (the reconnect test)
    async restart() { await kill(); await launch(); },
    // A new room while the class runs: rooms.conf rewritten, the server told to reload it (SIGHUP).
    async addRoom() {
      const r = newRoom();
      list.push(r);
      writeFileSync(path.join(dir, 'rooms.conf'), roomsConf(list), { mode: 0o600 });
      const before = output.length;
      proc.kill('SIGHUP');
      const until = Date.now() + 5000;
      while (!/Reloaded/i.test(output.slice(before)) && Date.now() < until) await new Promise((x) => setTimeout(x, 50));
      return r;
    },
  };
}

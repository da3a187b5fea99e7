// scripts/class-load N [--cluster] [--case ID]: N simulated phones vote at each stage of a whole case
// against nats-server(s) started here on 127.0.0.1, through the same subjects, users and tally as the
// page (the lecturer is simulated here too, with shell/class_tally.js). Every phone's vote is a request;
// the lecturer's reply is the acknowledgement, and a phone resends (same sequence number) until it has
// one. At the end every acknowledged vote must be in the tally exactly once (a phone's latest). With
// --cluster: three nodes on loopback ports, phones spread over them, one node stopped mid-case.
// Prints the figures; exits non-zero when a vote was lost or counted twice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClassTally, OPTIONS } from '../class_tally.js';
import { freePort, startClassServer } from './class_server.mjs';
import { newRoom, subjects } from './rooms.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { connect } = await import('./node_modules/nats.ws/esm/nats.js');
const args = process.argv.slice(2);
const phones = Number(args.find((a) => /^\d+$/.test(a)) || 300);
const clustered = args.includes('--cluster');
const caseId = args.includes('--case') ? args[args.indexOf('--case') + 1] : 'gpa-cavities';
const stages = JSON.parse(readFileSync(path.join(here, '../../cases', `${caseId}.case.json`), 'utf8')).stages.length;
const VOTE_WINDOW_MS = 3000;  // phones vote at random moments within 3 s of the stage opening
const enc = new TextEncoder();
const dec = new TextDecoder();
let seed = 20261202;          // fixed: the same run every time
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const deadline = setTimeout(() => { console.error('class-load: did not finish within 10 minutes'); process.exit(2); }, 600000);

// The server(s).
const room = newRoom();
const nodes = [];
if (clustered) {
  const routes = [await freePort(), await freePort(), await freePort()];
  for (let i = 0; i < 3; ++i)
    nodes.push(await startClassServer({ rooms: [room], cluster: { name: 'dah-class', port: routes[i], routes: routes.filter((_, j) => j !== i) } }));
  await sleep(1500);  // the routes form
} else {
  nodes.push(await startClassServer({ rooms: [room] }));
}
const urls = nodes.map((n) => n.wsUrl);
const s = subjects(room.id);
const ordered = (i) => urls.slice(i).concat(urls.slice(0, i));  // a phone's own node first, then the others
const options = (user, pass, i) => ({ servers: ordered(i % urls.length), noRandomize: true, user, pass, inboxPrefix: s.inbox,
  reconnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 250, pingInterval: 5000 });

// The lecturer: the tally, acknowledgements, the stage.
const tally = new ClassTally();
let open = null;
const received = new Map();  // "voter seq" → time the lecturer took it
const lecturer = await connect(options(`lecturer-${room.id}`, room.lecturer, 0));
const votesSub = lecturer.subscribe(s.vote);
(async () => {
  for await (const m of votesSub) {
    const r = tally.accept(m.data, open);
    if (r.ok) { const k = `${r.vote.voter} ${r.vote.seq}`; if (!received.has(k)) received.set(k, performance.now()); }
    if (m.reply) m.respond(enc.encode(JSON.stringify(r.ok ? { ok: true, key: r.vote.key, seq: r.vote.seq } : { ok: false, why: r.why })));
  }
})();
await lecturer.flush();

// The phones.
const clients = [];
const startConnect = performance.now();
for (let i = 0; i < phones; ++i) {
  const voter = (0x1000000000000000n + BigInt(i)).toString(16);
  const nc = await connect(options(`student-${room.id}`, room.student, i));
  if (process.env.DAH_LOAD_DEBUG && i % 3 === 2) (async () => { for await (const st of nc.status()) console.log(i, Math.round(performance.now()), st.type, String(st.data)); })();
  clients.push({ voter, nc, acked: new Map(), sent: new Map() });
}
const connectMs = performance.now() - startConnect;

async function sendUntilAcked(c, vote) {
  const body = enc.encode(JSON.stringify(vote));
  c.sent.set(`${vote.voter} ${vote.seq}`, performance.now());
  for (let attempt = 0; attempt < 40; ++attempt) {
    try {
      const reply = JSON.parse(dec.decode((await c.nc.request(s.vote, body, { timeout: 1500 })).data));
      if (reply.ok && reply.seq === vote.seq) { c.acked.set(vote.key, vote); return true; }
      return false;  // refused (closed): not acknowledged, not counted
    } catch { await sleep(200); }  // no reply yet (a node went away): the same vote again
  }
  return false;
}

let stopped = null;
const stageMs = [];
const t0 = performance.now();
for (let stage = 0; stage < stages; ++stage) {
  open = `${caseId}/${stage}`;
  lecturer.publish(s.stage, enc.encode(JSON.stringify({ v: 1, case: caseId, stage, key: open, open: true })));
  const work = clients.map(async (c, i) => {
    await sleep(random() * VOTE_WINDOW_MS);
    let choice = OPTIONS[Math.floor(random() * 4)];
    let seq = stage * 10 + 1;
    const change = random() < 0.1;  // one phone in ten changes its mind: the latest counts
    await sendUntilAcked(c, { voter: c.voter, key: open, choice, seq });
    if (change) { choice = OPTIONS[(OPTIONS.indexOf(choice) + 1) % 4]; await sendUntilAcked(c, { voter: c.voter, key: open, choice, seq: seq + 1 }); }
  });
  if (clustered && stage === 2) {
    await sleep(VOTE_WINDOW_MS / 2);
    stopped = nodes[2];
    await stopped.kill();  // mid-stage, while phones are voting
  }
  const opened = performance.now();
  await Promise.all(work);
  stageMs.push(performance.now() - opened);
  open = null;  // the reveal: later votes are refused
}
const walkMs = performance.now() - t0;

// Every acknowledged vote is in the tally exactly once (each phone's latest per stage).
let acknowledged = 0, lost = 0, wrong = 0;
for (let stage = 0; stage < stages; ++stage) {
  const key = `${caseId}/${stage}`;
  const expected = [0, 0, 0, 0];
  for (const c of clients) { const v = c.acked.get(key); if (v) { expected[OPTIONS.indexOf(v.choice)] += 1; acknowledged += 1; } }
  const { counts, voters } = tally.counts(key);
  const ackedVoters = clients.filter((c) => c.acked.has(key)).length;
  if (voters !== ackedVoters) lost += Math.abs(voters - ackedVoters);
  for (let i = 0; i < 4; ++i) if (counts[i] !== expected[i]) wrong += Math.abs(counts[i] - expected[i]);
}
const latencies = [];
for (const c of clients) for (const [k, t] of c.sent) if (received.has(k)) latencies.push(received.get(k) - t);
latencies.sort((a, b) => a - b);
const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
const notAcked = clients.length * stages - clients.reduce((n, c) => n + c.acked.size, 0);

console.log(`class-load: ${phones} phones, ${clustered ? 'three-node cluster (node 3 stopped during stage 3)' : 'one server'}, ` +
  `case ${caseId} (${stages} stages), votes within ${VOTE_WINDOW_MS / 1000} s of each stage opening`);
console.log(`  connected in ${(connectMs / 1000).toFixed(1)} s; the case walked in ${(walkMs / 1000).toFixed(1)} s`);
console.log(`  votes sent ${latencies.length} (incl. changed minds); phone-stage answers acknowledged ${acknowledged} of ${clients.length * stages} (not acknowledged: ${notAcked})`);
console.log(`  acknowledged but not counted: ${lost}; counted differently from the acknowledged vote: ${wrong}; dropped: ${JSON.stringify(tally.dropped)}`);
console.log(`  vote-to-lecturer latency: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms; ` +
  `over 1 s: ${latencies.filter((x) => x > 1000).length}`);
const perStage = stageMs.map((ms, i) => `${i + 1}: ${(ms / 1000).toFixed(1)} s`).join(', ');
console.log(`  time from a stage opening to its last acknowledgement: ${perStage}`);

for (const c of clients) await c.nc.close().catch(() => {});
await lecturer.close().catch(() => {});
for (const n of nodes) await n.stop();
clearTimeout(deadline);
const ok = lost === 0 && wrong === 0 && notAcked === 0;
console.log(ok ? 'class-load: every acknowledged vote counted exactly once' : 'class-load: FAILED');
process.exit(ok ? 0 : 1);

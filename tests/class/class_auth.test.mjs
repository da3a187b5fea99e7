// The class server's authorization, enforced by nats-server itself (not by the app): a student's key
// (the one in the QR link) may publish votes and join requests to its room and read its stage, nothing
// else; only the lecturer's may publish the stage. Runs against a real nats-server on 127.0.0.1.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startClassServer } from '../../shell/class/class_server.mjs';
import { subjects } from '../../shell/class/rooms.mjs';

const { connect } = await import('../../shell/class/node_modules/nats.ws/esm/nats.js');
const enc = new TextEncoder();
let server, a, b;

before(async () => {
  server = await startClassServer({ rooms: 2 });
  [a, b] = server.rooms;
});
after(async () => { await server?.stop(); });

const student = (room, extra = {}) => connect({ servers: server.wsUrl, user: `student-${room.id}`, pass: room.student,
  inboxPrefix: subjects(room.id).inbox, reconnect: false, ...extra });
const lecturer = (room) => connect({ servers: server.wsUrl, user: `lecturer-${room.id}`, pass: room.lecturer,
  inboxPrefix: subjects(room.id).inbox, reconnect: false });

// Collects the client's asynchronous errors (a refused publish arrives as a status, not an exception).
function errorsOf(nc) {
  const errors = [];
  (async () => {
    for await (const s of nc.status())
      if (s.type === 'error') errors.push(`${s.data} ${s.permissionContext?.operation} ${s.permissionContext?.subject}`);
  })();
  return errors;
}

async function until(check, ms = 2000) {
  for (const end = Date.now() + ms; !check() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
}

async function received(sub, ms = 400) {
  const got = [];
  const timer = setTimeout(() => sub.unsubscribe(), ms);
  try { for await (const m of sub) got.push(new TextDecoder().decode(m.data)); } catch (e) { got.error = e; }
  clearTimeout(timer);
  return got;
}

test('room ids and keys are random and long', () => {
  assert.match(a.id, /^[0-9a-f]{20}$/);
  assert.notEqual(a.id, b.id);
  assert.match(a.student, /^[0-9a-f]{24}$/);
  assert.match(a.lecturer, /^[0-9a-f]{32}$/);
  assert.notEqual(a.student, a.lecturer);
});

test('a student may vote and read the stage of its room; the lecturer receives and answers', async () => {
  const lec = await lecturer(a);
  const stu = await student(a);
  const votes = lec.subscribe(subjects(a.id).vote);
  (async () => { for await (const m of votes) m.respond(enc.encode('ack:' + new TextDecoder().decode(m.data))); })();
  const stage = stu.subscribe(subjects(a.id).stage);
  await lec.flush(); await stu.flush();
  const reply = await stu.request(subjects(a.id).vote, enc.encode('v1'), { timeout: 2000 });
  assert.equal(new TextDecoder().decode(reply.data), 'ack:v1');
  lec.publish(subjects(a.id).stage, enc.encode('stage 1'));
  const got = await received(stage);
  assert.deepEqual([...got], ['stage 1']);
  await stu.close(); await lec.close();
});

test('a student cannot publish a stage change: the server refuses it and nobody receives it', async () => {
  const lec = await lecturer(a);
  const watcher = await student(a);
  const stage = watcher.subscribe(subjects(a.id).stage);
  await watcher.flush();
  const stu = await student(a);
  const errors = errorsOf(stu);
  stu.publish(subjects(a.id).stage, enc.encode('forged stage'));
  await stu.flush().catch(() => {});
  const got = await received(stage, 500);
  assert.deepEqual([...got], [], 'the forged stage reached no phone');
  assert.ok(errors.includes(`PERMISSIONS_VIOLATION publish ${subjects(a.id).stage}`), `refused by the server: ${errors}`);
  await Promise.all([stu.close(), watcher.close(), lec.close()]);
});

test('a student cannot read another room, nor the votes of its own', async () => {
  for (const subject of [subjects(b.id).stage, subjects(a.id).vote, subjects(b.id).vote, '>', 'dah.>', `${subjects(b.id).inbox}.>`]) {
    const stu = await student(a);
    const errors = errorsOf(stu);
    const sub = stu.subscribe(subject);
    await stu.flush().catch(() => {});
    await sub.closed;
    await until(() => errors.length > 0);
    assert.ok(errors.includes(`PERMISSIONS_VIOLATION subscription ${subject}`), `subscribing to ${subject} refused (${errors})`);
    await stu.close();
  }
});

test('a student cannot vote in another room, nor answer votes in its own', async () => {
  const lecB = await lecturer(b);
  const votesB = lecB.subscribe(subjects(b.id).vote);
  await lecB.flush();
  const stu = await student(a);
  const errors = errorsOf(stu);
  stu.publish(subjects(b.id).vote, enc.encode('into b'));
  stu.publish(`${subjects(a.id).inbox}.forged`, enc.encode('forged ack'));
  await stu.flush().catch(() => {});
  const got = await received(votesB, 500);
  assert.deepEqual([...got], []);
  assert.deepEqual(errors, [`PERMISSIONS_VIOLATION publish ${subjects(b.id).vote}`,
                            `PERMISSIONS_VIOLATION publish ${subjects(a.id).inbox}.forged`]);
  await Promise.all([stu.close(), lecB.close()]);
});

test('a lecturer cannot publish to another room', async () => {
  const watcherB = await student(b);
  const stage = watcherB.subscribe(subjects(b.id).stage);
  await watcherB.flush();
  const lecA = await lecturer(a);
  const errors = errorsOf(lecA);
  lecA.publish(subjects(b.id).stage, enc.encode('wrong room'));
  await lecA.flush().catch(() => {});
  assert.deepEqual([...await received(stage, 500)], []);
  assert.deepEqual(errors, [`PERMISSIONS_VIOLATION publish ${subjects(b.id).stage}`]);
  await Promise.all([lecA.close(), watcherB.close()]);
});

test('wrong or borrowed keys do not connect', async () => {
  const refused = async (opts) => connect({ servers: server.wsUrl, reconnect: false, ...opts }).then(
    (nc) => { nc.close(); return false; }, (e) => /authorization/i.test(String(e.code || e.message)));
  assert.ok(await refused({}), 'no key');
  assert.ok(await refused({ user: `student-${a.id}`, pass: b.student }), 'room b\'s key for room a');
  assert.ok(await refused({ user: `lecturer-${a.id}`, pass: a.student }), 'the students\' key as the lecturer');
  assert.ok(await refused({ user: `student-${a.id}0`, pass: a.student }), 'a guessed room');
});

test('messages over the server\'s size limit are refused by the server', async () => {
  const lec = await lecturer(a);
  const votes = lec.subscribe(subjects(a.id).vote);
  await lec.flush();
  const stu = await student(a);
  assert.throws(() => stu.publish(subjects(a.id).vote, new Uint8Array(5000)), /max_payload|MAX_PAYLOAD|payload/i);
  assert.deepEqual([...await received(votes, 300)], []);
  await Promise.all([stu.close(), lec.close()]);
});

test('a room added while the class runs (config reload) works at once, with its own rights', async () => {
  const c = await server.addRoom();
  const stu = await student(c);
  const errors = errorsOf(stu);
  stu.subscribe(subjects(c.id).stage);
  const sub = stu.subscribe(subjects(a.id).stage);
  await stu.flush().catch(() => {});
  await sub.closed;
  await until(() => errors.length > 0);
  assert.deepEqual(errors, [`PERMISSIONS_VIOLATION subscription ${subjects(a.id).stage}`], 'its own stage allowed, room a\'s refused');
  await stu.close();
  const old = await student(a);  // the rooms before it still connect
  await old.close();
});

test('a server restarted at once stays up: stopping the old process never stops the new one', { timeout: 30000 }, async () => {
  const own = await startClassServer({ rooms: [a] });
  try {
    const first = own.pid();
    await own.restart();  // within the 3 s after which a stop escalates to SIGKILL
    assert.notEqual(own.pid(), first);
    await new Promise((r) => setTimeout(r, 4000));
    process.kill(own.pid(), 0);  // throws if the new server was stopped
    const nc = await connect({ servers: own.wsUrl, user: `student-${a.id}`, pass: a.student, reconnect: false });
    await nc.flush();
    await nc.close();
  } finally {
    await own.stop();
  }
});

// A class's room: an unguessable id and two secrets, and the NATS users that enforce who may do what.
// Students (the link in the QR code carries their secret) may publish votes and join requests to their
// room and subscribe to its stage and their replies; only the lecturer may publish the stage and reply.
import { randomBytes } from 'node:crypto';

const hex = (bytes) => randomBytes(bytes).toString('hex');

export function newRoom() {
  return { id: hex(10), student: hex(12), lecturer: hex(16) };  // 80-, 96- and 128-bit random values
}

export const subjects = (id) => ({
  stage: `dah.${id}.stage`, vote: `dah.${id}.vote`, join: `dah.${id}.join`, inbox: `_INBOX_${id}`,
});

function user(name, password, publish, subscribe) {
  const list = (xs) => xs.map((x) => JSON.stringify(x)).join(', ');
  return `    { user: ${JSON.stringify(name)}, password: ${JSON.stringify(password)},\n` +
         `      permissions: { publish: { allow: [${list(publish)}] }, subscribe: { allow: [${list(subscribe)}] } } }`;
}

// The authorization block for rooms.conf (included by nats.conf).
export function roomsConf(rooms) {
  const users = [];
  for (const r of rooms) {
    const s = subjects(r.id);
    users.push(user(`lecturer-${r.id}`, r.lecturer, [s.stage, `${s.inbox}.>`], [s.vote, s.join, `${s.inbox}.>`]));
    users.push(user(`student-${r.id}`, r.student, [s.vote, s.join], [s.stage, `${s.inbox}.>`]));
  }
  return `# Written by class_server.mjs for this run of the server; removed when it stops.\n` +
         `authorization {\n  users = [\n${users.join('\n')}\n  ]\n}\n`;
}

// The links: students' (in the QR code) and the lecturer's (printed by scripts/class).
export const studentLink = (base, r) => `${base}vote.html?class=${r.id}&key=${r.student}`;
export const lecturerLink = (base, r) => `${base}?present&class=${r.id}&key=${r.student}&lecturer=${r.lecturer}`;

// The short code on the projector and the phones (to check the room; the link carries the secret).
export const roomCode = (id) => id.slice(0, 6).toUpperCase().replace(/(...)(...)/, '$1-$2');

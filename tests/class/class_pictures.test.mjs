// The stage pictures the site server holds for a room (shell/class/picture_store.mjs): only the room's
// lecturer may put them, only JPEG pictures and a well-formed index of captions and descriptions, within
// their size limits; anyone with the room's id gets them back unchanged. Runs on 127.0.0.1 only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { newRoom } from '../../shell/class/rooms.mjs';
import { startSiteServer } from '../../shell/class/site_server.mjs';

let site, room, other;
before(async () => {
  room = newRoom();
  other = newRoom();
  site = await startSiteServer({ root: '/nonexistent', rooms: [room, other] });
});
after(async () => { await site?.stop(); });

const url = (r, file, stage = 3) => `${site.url}class-pictures/${r.id}/gpa-cavities/${stage}/${file}`;
const put = (u, body, key) => fetch(u, { method: 'PUT', body, headers: key ? { authorization: `Bearer ${key}` } : {} });
// The smallest byte strings that start as a JPEG does (FF D8 FF); the server checks the start only.
const jpeg = (n) => { const b = new Uint8Array(n); b.set([0xff, 0xd8, 0xff, 0xe0]); for (let i = 4; i < n; ++i) b[i] = i % 251; return b; };
const index = JSON.stringify([{ caption: 'Chest X-ray on admission', description: 'Frontal chest film. Bilateral opacities.', width: 640, height: 640 }]);

test('only the room\'s lecturer may put a picture; anyone with the room id gets it back unchanged', async () => {
  const body = jpeg(5000);
  assert.equal((await put(url(room, '0.jpg'), body)).status, 403, 'no key');
  assert.equal((await put(url(room, '0.jpg'), body, room.student)).status, 403, 'the students\' key');
  assert.equal((await put(url(room, '0.jpg'), body, other.lecturer)).status, 403, 'another room\'s lecturer');
  assert.equal((await fetch(url(room, '0.jpg'))).status, 404, 'nothing held yet');
  assert.equal((await put(url(room, '0.jpg'), body, room.lecturer)).status, 204);
  const got = await fetch(url(room, '0.jpg'));
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual(new Uint8Array(await got.arrayBuffer()), body);
  assert.equal((await fetch(url(other, '0.jpg'))).status, 404, 'another room does not see it');
});

test('the index of captions and descriptions must be well formed', async () => {
  assert.equal((await put(url(room, 'index.json'), 'not json', room.lecturer)).status, 400);
  assert.equal((await put(url(room, 'index.json'), JSON.stringify([{ caption: 1 }]), room.lecturer)).status, 400);
  assert.equal((await put(url(room, 'index.json'), index, room.lecturer)).status, 204);
  assert.deepEqual(await (await fetch(url(room, 'index.json'))).json(), JSON.parse(index));
});

test('what is not a JPEG, too large, or outside the paths is refused', async () => {
  assert.equal((await put(url(room, '1.jpg'), new TextEncoder().encode('<svg/>'), room.lecturer)).status, 400, 'not a JPEG');
  assert.equal((await put(url(room, '1.jpg'), jpeg((1 << 20) + 1), room.lecturer)).status, 413, 'over 1 MB');
  assert.equal((await put(url(room, '8.jpg'), jpeg(100), room.lecturer)).status, 404, 'at most 8 pictures a stage');
  assert.equal((await put(url(room, '../0.jpg'), jpeg(100), room.lecturer)).status, 404, 'no other path');
  assert.equal((await put(`${site.url}class-pictures/${'0'.repeat(20)}/gpa-cavities/3/0.jpg`, jpeg(100), room.lecturer)).status, 404, 'no such room');
  assert.equal((await fetch(url(room, '1.jpg'))).status, 404, 'nothing refused was kept');
});

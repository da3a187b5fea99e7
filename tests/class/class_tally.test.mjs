// The hall's tally (shell/class_tally.js), without a server: each phone's latest vote per stage counts
// once; resends count once; votes for another stage are refused; malformed, oversized and flooding
// messages are dropped and counted; scores from the four counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClassTally, hallScores } from '../../shell/class_tally.js';

const vote = (voter, choice, seq, extra = {}) => JSON.stringify({ voter, key: 'c/0', choice, seq, ...extra });
const A = 'aaaaaaaaaaaaaaaa', B = 'bbbbbbbbbbbbbbbb', C = 'cccccccccccccccc';

test('each phone\'s latest vote counts once', () => {
  const t = new ClassTally();
  assert.equal(t.accept(vote(A, 'immune', 1), 'c/0', 0).ok, true);
  t.accept(vote(B, 'both', 1), 'c/0', 0);
  t.accept(vote(C, 'other', 1), 'c/0', 0);
  t.accept(vote(A, 'coagulopathic', 2), 'c/0', 0);  // A changes its mind
  assert.deepEqual(t.counts('c/0'), { counts: [0, 1, 1, 1], voters: 3 });
  const resend = t.accept(vote(A, 'coagulopathic', 2), 'c/0', 0);
  assert.equal(resend.duplicate, true, 'a resend (same sequence number) is acknowledged, not counted again');
  const stale = t.accept(vote(A, 'immune', 1), 'c/0', 0);
  assert.equal(stale.duplicate, true, 'an older vote arriving late does not replace the newer one');
  assert.deepEqual(t.counts('c/0'), { counts: [0, 1, 1, 1], voters: 3 });
});

test('votes for a stage that is not open are refused, not counted as rogue', () => {
  const t = new ClassTally();
  assert.deepEqual(t.accept(vote(A, 'immune', 1), 'c/1', 0), { ok: false, why: 'closed' });
  assert.deepEqual(t.accept(vote(A, 'immune', 1), null, 0), { ok: false, why: 'closed' });
  assert.equal(t.droppedTotal(), 0);
  assert.deepEqual(t.counts('c/0').voters, 0);
});

test('malformed and oversized messages are dropped and counted', () => {
  const t = new ClassTally();
  const bad = ['', 'x', '[]', 'null', '{"voter":"aaaaaaaaaaaaaaaa"}', vote('AB', 'immune', 1), vote(A, 'vasculitis', 1),
    vote(A, 'immune', 1.5), vote(A, 'immune', -1), vote(A, 'immune', 1, { causes: 'gpa' }),
    vote(A, 'immune', 1, { causes: ['gpa', 'mpa', 'sle', 'iph'] }), vote(A, 'immune', 1, { causes: ['GPA!'] })];
  for (const m of bad) assert.deepEqual(t.accept(m, 'c/0', 0), { ok: false, why: 'malformed' }, m);
  assert.deepEqual(t.accept(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), 'c/0', 0), { ok: false, why: 'malformed' });
  assert.deepEqual(t.accept(vote(A, 'immune', 1, { pad: 'x'.repeat(500) }), 'c/0', 0), { ok: false, why: 'oversized' });
  assert.deepEqual(t.dropped, { malformed: bad.length + 1, oversized: 1, flooding: 0, closed: 0 });
  assert.equal(t.counts('c/0').voters, 0);
});

test('more than 20 messages in 10 s from one phone are dropped; the window then starts again', () => {
  const t = new ClassTally();
  for (let i = 1; i <= 25; ++i) t.accept(vote(A, i % 2 ? 'immune' : 'other', i), 'c/0', 1000 + i);
  assert.equal(t.dropped.flooding, 5);
  assert.deepEqual(t.counts('c/0'), { counts: [0, 0, 1, 0], voters: 1 }, 'the 20th message (seq 20, "other") is the last counted');
  assert.equal(t.accept(vote(B, 'both', 1), 'c/0', 1030).ok, true, 'other phones are not affected');
  assert.equal(t.accept(vote(A, 'immune', 26), 'c/0', 1000 + 10001 + 1).ok, true, 'after 10 s the phone may vote again');
  assert.deepEqual(t.counts('c/0'), { counts: [1, 0, 0, 1], voters: 2 });
});

test('top causes, and the snapshot a reloaded page restores', () => {
  const t = new ClassTally();
  t.accept(vote(A, 'immune', 1, { causes: ['gpa', 'mpa'] }), 'c/0', 0);
  t.accept(vote(B, 'immune', 1, { causes: ['gpa'] }), 'c/0', 0);
  t.accept(vote(C, 'both', 1, { causes: ['aav-on-anticoagulant', 'mpa'] }), 'c/0', 0);
  t.accept('junk', 'c/0', 0);
  assert.deepEqual(t.topCauses('c/0', 2), [['gpa', 2], ['mpa', 2]]);
  const back = ClassTally.fromJSON(JSON.parse(JSON.stringify(t)));
  assert.deepEqual(back.counts('c/0'), t.counts('c/0'));
  assert.deepEqual(back.dropped, t.dropped);
  assert.equal(back.accept(vote(A, 'immune', 1), 'c/0', 0).duplicate, true, 'sequence numbers survive the reload');
  assert.deepEqual(ClassTally.fromJSON({ stages: { x: 5 } }).counts('x').voters, 0, 'a broken snapshot starts empty');
});

test('the hall\'s Brier and log scores', () => {
  // 2 of 4 on the truth (index 0), 1 on index 1, 1 on index 3: p = (.5, .25, 0, .25);
  // Brier = .25 + .0625 + 0 + .0625 = .375; log = ln 2.
  const s = hallScores([2, 1, 0, 1], 0);
  assert.ok(Math.abs(s.brier - 0.375) < 1e-15);
  assert.ok(Math.abs(s.log - Math.LN2) < 1e-15);
  assert.ok(Math.abs(hallScores([0, 3, 0, 0], 0).log - Math.log(100)) < 1e-12, 'no vote on the truth: p floored at 1 %');
  assert.equal(hallScores([0, 0, 0, 0], 0), null, 'no votes, no score');
});

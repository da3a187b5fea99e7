// The hall's vote, UI-free: each phone's latest vote per stage counts, as four counts in the order of
// the four-way question (immune, blood thinner or coagulopathy, other, two at once). Messages that are
// oversized, malformed or come too fast from one phone are dropped and counted, never thrown. Used by
// the lecturer's page (class_mode.js) and the load test (scripts/class-load).

export const OPTIONS = ['immune', 'coagulopathic', 'other', 'both'];
export const MAX_BYTES = 512;        // a vote is about 120 bytes
export const MAX_CAUSES = 3;
const FLOOD_WINDOW_MS = 10000;       // more than FLOOD_LIMIT messages from one phone in 10 s are dropped
const FLOOD_LIMIT = 20;
const MAX_VOTERS = 5000;             // per stage; one hall
const ID = /^[0-9a-f]{8,32}$/;       // a phone's random id (no name, no account)
const DIAGNOSIS = /^[a-z0-9-]{1,40}$/;

export class ClassTally {
  constructor() {
    this.stages = new Map();  // stage key → Map(voter → { choice, causes, seq })
    this.dropped = { oversized: 0, malformed: 0, flooding: 0, closed: 0 };
    this.rates = new Map();   // voter → { start, n }
  }

  // Takes one message (bytes or string) at time `now` (ms); `open` is the stage key that takes votes
  // (null: none). Returns { ok: true, vote, duplicate } or { ok: false, why } (why ∈ dropped's keys).
  accept(message, open, now = Date.now()) {
    const size = typeof message === 'string' ? message.length : message.byteLength;
    if (size > MAX_BYTES) return this.drop('oversized');
    let v;
    try {
      v = JSON.parse(typeof message === 'string' ? message : new TextDecoder('utf-8', { fatal: true }).decode(message));
    } catch { return this.drop('malformed'); }
    if (!valid(v)) return this.drop('malformed');
    const rate = this.rates.get(v.voter) || { start: now, n: 0 };
    if (now - rate.start > FLOOD_WINDOW_MS) { rate.start = now; rate.n = 0; }
    rate.n += 1;
    if (this.rates.size < MAX_VOTERS * 4 || this.rates.has(v.voter)) this.rates.set(v.voter, rate);
    if (rate.n > FLOOD_LIMIT) return this.drop('flooding');
    if (v.key !== open) return this.drop('closed');
    let votes = this.stages.get(v.key);
    if (!votes) { votes = new Map(); this.stages.set(v.key, votes); }
    const previous = votes.get(v.voter);
    if (previous && previous.seq >= v.seq) return { ok: true, vote: v, duplicate: true };  // a resend
    if (!previous && votes.size >= MAX_VOTERS) return this.drop('flooding');
    votes.set(v.voter, { choice: OPTIONS.indexOf(v.choice), causes: v.causes || [], seq: v.seq });
    return { ok: true, vote: v, duplicate: false };
  }

  drop(why) {
    this.dropped[why] += 1;
    return { ok: false, why };
  }

  // The four counts and the number of phones that voted, for a stage key.
  counts(key) {
    const c = [0, 0, 0, 0];
    const votes = this.stages.get(key);
    if (votes) for (const { choice } of votes.values()) c[choice] += 1;
    return { counts: c, voters: votes ? votes.size : 0 };
  }

  // The most named causes for a stage: [[diagnosis id, phones], ...], most first, at most n.
  topCauses(key, n = 3) {
    const named = new Map();
    for (const { causes } of (this.stages.get(key) || new Map()).values())
      for (const d of causes) named.set(d, (named.get(d) || 0) + 1);
    return [...named].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  }

  droppedTotal() {
    return this.dropped.oversized + this.dropped.malformed + this.dropped.flooding;
  }

  // A snapshot the lecturer's page keeps in its storage (a reload keeps the hall's votes).
  toJSON() {
    const stages = {};
    for (const [key, votes] of this.stages) stages[key] = [...votes].map(([voter, v]) => [voter, v.choice, v.seq, v.causes]);
    return { stages, dropped: this.dropped };
  }

  static fromJSON(j) {
    const t = new ClassTally();
    try {
      for (const [key, list] of Object.entries(j.stages || {}))
        t.stages.set(key, new Map(list.map(([voter, choice, seq, causes]) => [voter, { choice, seq, causes: causes || [] }])));
      Object.assign(t.dropped, j.dropped || {});
    } catch { return new ClassTally(); }
    return t;
  }
}

function valid(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) &&
    typeof v.voter === 'string' && ID.test(v.voter) &&
    typeof v.key === 'string' && v.key.length <= 80 &&
    OPTIONS.includes(v.choice) &&
    Number.isSafeInteger(v.seq) && v.seq >= 0 &&
    (v.causes === undefined || (Array.isArray(v.causes) && v.causes.length <= MAX_CAUSES &&
      v.causes.every((d) => typeof d === 'string' && DIAGNOSIS.test(d))));
}

// The hall's scores for a stage, from its four counts and the index of the true option: the Brier score
// over the four options (0 best, 2 worst) and the log score −ln p(true) with p floored at 1 % (a hall
// that gave the truth no vote scores 4.6, not infinity).
export function hallScores(counts, truth) {
  const n = counts.reduce((a, b) => a + b, 0);
  if (!n || truth < 0) return null;
  const p = counts.map((c) => c / n);
  return scores(p, truth);
}

export function scores(p, truth) {
  const brier = p.reduce((s, pi, i) => s + (pi - (i === truth ? 1 : 0)) ** 2, 0);
  return { brier, log: -Math.log(Math.max(0.01, p[truth])) };
}

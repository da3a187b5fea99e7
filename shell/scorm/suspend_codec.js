// The learner's progress as compact text for the LMS's suspend data (SCORM 1.2 allows 4,096 characters;
// the app's own progress JSON is about 20 times that with every case committed). Only the package's cases
// are kept, and of each only what the app needs to resume: done, best score, stage reached, finished, and
// per stage the committed probabilities with the engine's Brier score, or a draft that is not the
// uniform starting one. Probabilities are in 1/4000 steps that add up to exactly 1, scores and Brier
// scores in 1/40 and 1/2000 steps, each number as two characters of a 64-letter alphabet. Other fields
// of the progress (and cases the package does not hold) stay in the browser's own copy.
//
// Text: "D1.<saved at, ms, base 36>.<number of diagnoses><hash of their ids>" then, per case,
// "~<case id>.<flags><reached><best score>" and, when the case has answers, "<stage count>" and a stage
// record each: "A" (nothing), "B" + draft, "C" + committed + engine Brier, or "D" + committed + engine
// Brier + draft. Classic script (the packaged page runs it inline); node tests load it with vm.
'use strict';
(function (root) {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const PROBABILITY_STEPS = 4000;  // a probability vector is PROBABILITY_STEPS units in all
  const SCORE_STEPS_PER_POINT = 40;  // best score 0..100
  const BRIER_STEPS_PER_UNIT = 2000;  // Brier 0..2
  const NONE = 4095;  // two characters hold 0..4095; this one means "no value"
  const FLAG_DONE = 1, FLAG_FINISHED = 2, FLAG_ANSWERS = 4;

  const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
  const finite = (x) => typeof x === 'number' && Number.isFinite(x);

  function put2(n) {
    const v = Math.max(0, Math.min(NONE, Math.round(n)));
    return ALPHABET[v >> 6] + ALPHABET[v & 63];
  }
  function put1(n) { return ALPHABET[Math.max(0, Math.min(63, n | 0))]; }

  // A hash of the diagnosis ids (0..4095): resumed answers are only read back into the same list.
  function diagnosesHash(ids) {
    let h = 0;
    for (const c of ids.join(',')) h = (h * 31 + c.charCodeAt(0)) % 4093;
    return h;
  }

  function vectorOf(object, diagnoses) {
    if (!isObject(object)) return null;
    const v = diagnoses.map((d) => (finite(object[d]) ? Math.max(0, object[d]) : 0));
    const sum = v.reduce((s, x) => s + x, 0);
    return sum > 0 ? v.map((x) => x / sum) : null;
  }

  // Largest-remainder rounding to units that sum to exactly PROBABILITY_STEPS.
  function quantise(v) {
    const exact = v.map((x) => x * PROBABILITY_STEPS);
    const units = exact.map(Math.floor);
    let left = PROBABILITY_STEPS - units.reduce((s, x) => s + x, 0);
    const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0 && k < order.length; k++, left--) units[order[k][1]]++;
    return units;
  }

  const isUniform = (v) => v.every((x) => Math.abs(x - 1 / v.length) < 1e-6);
  const sameUnits = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  // ctx: { diagnoses: [ids in knowledge-base order], cases: [{ id, stages }] } (the package's cases).
  function encodeCase(id, c, ctx, summaryOnly) {
    let flags = 0;
    if (c.done === true) flags |= FLAG_DONE;
    if (c.finished === true) flags |= FLAG_FINISHED;
    const answers = Array.isArray(c.answers) && !summaryOnly ? c.answers.slice(0, 63) : null;
    if (answers) flags |= FLAG_ANSWERS;
    const reached = Number.isInteger(c.reached) ? Math.max(0, Math.min(63, c.reached)) : 0;
    const best = finite(c.best_score) && c.best_score >= 0 ? Math.min(100, c.best_score) * SCORE_STEPS_PER_POINT : NONE;
    let out = '~' + id + '.' + put1(flags) + put1(reached) + put2(best);
    if (!answers) return out;
    out += put1(answers.length);
    for (const a of answers) {
      const x = isObject(a) ? a : {};
      const committed = x.committed === true ? vectorOf(x.p, ctx.diagnoses) : null;
      const draft = vectorOf(x.draft, ctx.diagnoses);
      const draftUnits = draft && !isUniform(draft) ? quantise(draft) : null;
      if (committed) {
        const units = quantise(committed);
        const engine = finite(x.engine_brier) ? Math.min(2, Math.max(0, x.engine_brier)) * BRIER_STEPS_PER_UNIT : NONE;
        const keepDraft = draftUnits && !sameUnits(draftUnits, units);
        out += (keepDraft ? 'D' : 'C') + units.map(put2).join('') + put2(engine);
        if (keepDraft) out += draftUnits.map(put2).join('');
      } else if (draftUnits) {
        out += 'B' + draftUnits.map(put2).join('');
      } else {
        out += 'A';
      }
    }
    return out;
  }

  // Returns { text, level }: level 0 keeps everything; when that is over `limit` characters, level 1
  // keeps finished cases as done + best score only, level 2 does so for every case.
  function encode(progress, ctx, savedAt, limit) {
    const cases = isObject(progress) && isObject(progress.cases) ? progress.cases : {};
    const header = 'D1.' + Math.max(0, Math.round(savedAt)).toString(36) + '.' + put1(ctx.diagnoses.length) +
      put2(diagnosesHash(ctx.diagnoses));
    let text = '';
    for (let level = 0; level <= 2; level++) {
      text = header;
      for (const k of ctx.cases) {
        const c = cases[k.id];
        if (!isObject(c)) continue;
        const summaryOnly = level === 2 || (level === 1 && c.done === true && c.finished === true);
        text += encodeCase(k.id, c, ctx, summaryOnly);
      }
      if (!(text.length > limit)) return { text, level };
    }
    return { text, level: 2 };
  }

  // Returns { savedAt, cases } with cases in the app's progress form, or null for text it did not write.
  function decode(text, ctx) {
    if (typeof text !== 'string' || !text.startsWith('D1.')) return null;
    const parts = text.split('~');
    const head = parts[0].split('.');
    if (head.length !== 3 || !/^[0-9a-z]+$/.test(head[1]) || head[2].length !== 3) return null;
    let pos = 0, body = '';
    const get1 = () => {
      const v = ALPHABET.indexOf(body[pos++]);
      if (v < 0) throw new Error('bad character');
      return v;
    };
    const get2 = () => get1() * 64 + get1();
    body = head[2];
    let sameDiagnoses;
    try { sameDiagnoses = get1() === ctx.diagnoses.length && get2() === diagnosesHash(ctx.diagnoses); } catch (e) { return null; }
    const n = ctx.diagnoses.length;
    const known = new Map(ctx.cases.map((k) => [k.id, k]));
    const readVector = () => {
      const o = {};
      for (let i = 0; i < n; i++) o[ctx.diagnoses[i]] = get2() / PROBABILITY_STEPS;
      return o;
    };
    const brierOf = (p, answer) => ctx.diagnoses.reduce((s, d) => s + (p[d] - (d === answer ? 1 : 0)) ** 2, 0);
    const cases = {};
    for (const record of parts.slice(1)) {
      const dot = record.indexOf('.');
      const id = record.slice(0, dot);
      const k = known.get(id);
      if (dot <= 0 || !k) continue;
      body = record.slice(dot + 1);
      pos = 0;
      try {
        const flags = get1(), reached = get1(), best = get2();
        const c = { done: (flags & FLAG_DONE) !== 0, best_score: best === NONE ? -1 : best / SCORE_STEPS_PER_POINT };
        if (flags & FLAG_ANSWERS && !sameDiagnoses) pos = body.length;  // answers to another list: not read
        if (flags & FLAG_ANSWERS && sameDiagnoses) {
          const count = get1();
          const answers = [];
          for (let s = 0; s < count; s++) {
            const kind = body[pos++];
            if (kind === 'A') { answers.push({ committed: false }); continue; }
            if (kind === 'B') { answers.push({ draft: readVector(), committed: false }); continue; }
            if (kind !== 'C' && kind !== 'D') throw new Error('bad stage record');
            const p = readVector();
            const engine = get2();
            const a = { draft: kind === 'D' ? null : p, committed: true, p };
            if (k.answer && ctx.diagnoses.includes(k.answer)) a.learner_brier = brierOf(p, k.answer);
            if (engine !== NONE) a.engine_brier = engine / BRIER_STEPS_PER_UNIT;
            if (kind === 'D') a.draft = readVector();
            answers.push(a);
          }
          c.reached = reached;
          c.finished = (flags & FLAG_FINISHED) !== 0;
          c.answers = answers;
        }
        if (pos !== body.length) throw new Error('trailing characters');
        cases[id] = c;
      } catch (e) {
        // A damaged record is skipped; the others still resume.
      }
    }
    return { savedAt: parseInt(head[1], 36), cases };
  }

  root.DahScormCodec = { encode, decode, quantise, PROBABILITY_STEPS };
})(typeof window !== 'undefined' ? window : globalThis);

// The learner's progress as compact text for the LMS's suspend data (SCORM 1.2 allows 4,096 characters;
// the app's own progress JSON is about 20 times that with every case committed). Only the package's cases
// are kept, and of each only what the app needs to resume: done, best score, stage reached, finished, and
// per stage the committed answer (what it answered: the groups, some groups' causes, or every cause) with
// the engine's Brier score, or a draft that is not one of the starting spreads. Probabilities are in
// 1/2000 steps that add up to exactly 1 (the last is implied), each as one character below 32 steps and
// two from there; scores and Brier scores in 1/40 and 1/2000 steps, two characters each, of a 64-letter
// alphabet. Other fields of the progress (and cases the package does not hold) stay in the browser's copy.
//
// Text: "D2.<saved at, ms, base 36>.<number of diagnoses><hash of their ids and groups>" then, per case,
// "~<case id>.<flags><reached><best score>" and, when the case has answers, "<stage count>" and a stage
// record each: "A" (nothing), "B" + draft, "C" + groups answered + committed + engine Brier, "D" the same
// + draft, or "E" + groups answered + the answered outcomes only (each group not answered cause by cause
// as its total, spread evenly over its causes again when read) + engine Brier. "D1" text (every answer
// cause by cause, 1/4000 steps, two characters each) from earlier packages is still read.
// Classic script (the packaged page runs it inline); node tests load it with vm.
'use strict';
(function (root) {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const PROBABILITY_STEPS = 2000;  // a probability vector is PROBABILITY_STEPS units in all
  const OLD_PROBABILITY_STEPS = 4000;  // "D1" text
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
  // 0..31 as one character, 32..2047 as two.
  const putUnits = (v) => (v < 32 ? ALPHABET[v] : ALPHABET[32 + (v >> 6)] + ALPHABET[v & 63]);

  // ctx: { diagnoses: [ids in knowledge-base order], groups: [group ids], groupOf: [group index of each
  // diagnosis], cases: [{ id, answer, stages }] } (the package's cases).
  const groupsOf = (ctx) => (Array.isArray(ctx.groups) ? ctx.groups : []);
  const groupOf = (ctx, i) => (Array.isArray(ctx.groupOf) ? ctx.groupOf[i] : -1);

  // A hash of the diagnosis ids and their groups (0..4095): answers are only read back into the same lists.
  function listsHash(ctx, withGroups) {
    let h = 0;
    const text = ctx.diagnoses.join(',') + (withGroups ? '|' + ctx.diagnoses.map((d, i) => groupOf(ctx, i)).join(',') +
      '|' + groupsOf(ctx).join(',') : '');
    for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 4093;
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
  const putVector = (units) => units.slice(0, -1).map(putUnits).join('');

  const close = (a, b) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 1e-6);
  const sameUnits = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  // The spreads a stage starts from: every cause alike (older apps), or every group alike and each
  // group's causes alike within it (the app's answer levels).
  function startingSpreads(ctx) {
    const n = ctx.diagnoses.length;
    const out = [ctx.diagnoses.map(() => 1 / n)];
    const members = groupsOf(ctx).map((g, k) => ctx.diagnoses.filter((d, i) => groupOf(ctx, i) === k).length);
    const used = members.filter((m) => m > 0).length;
    if (used > 0 && ctx.diagnoses.every((d, i) => members[groupOf(ctx, i)] > 0))
      out.push(ctx.diagnoses.map((d, i) => 1 / used / members[groupOf(ctx, i)]));
    return out;
  }

  // Group ids answered cause by cause, as bits (group order); every group when the answer does not say.
  function causesBits(ctx, a) {
    const groups = groupsOf(ctx);
    const all = (1 << Math.min(groups.length, 6)) - 1;
    if (!Array.isArray(a.causes_of)) return all;
    let bits = 0;
    for (const id of a.causes_of) {
      const k = groups.indexOf(id);
      if (k >= 0 && k < 6) bits |= 1 << k;
    }
    return bits;
  }
  const answered = (ctx, bits, i) => { const g = groupOf(ctx, i); return g >= 0 && g < 6 && (bits & (1 << g)) !== 0; };

  // The outcomes an answer is scored on (the tutor's rule, tutor/src/levels.cpp): each cause of a group
  // answered cause by cause, then each other group's total. Returns { values, truth }.
  function outcomes(ctx, p, bits, answer) {
    const values = [];
    let truth = -1;
    ctx.diagnoses.forEach((d, i) => {
      if (!answered(ctx, bits, i)) return;
      if (d === answer) truth = values.length;
      values.push(p[i]);
    });
    groupsOf(ctx).forEach((g, k) => {
      if (k < 6 && (bits & (1 << k))) return;
      let total = 0;
      ctx.diagnoses.forEach((d, i) => {
        if (groupOf(ctx, i) !== k) return;
        total += p[i];
        if (d === answer) truth = values.length;
      });
      values.push(total);
    });
    return { values, truth };
  }
  // Causes of a group not answered cause by cause, spread evenly within it.
  function spreadBack(ctx, bits, values) {
    const p = new Array(ctx.diagnoses.length).fill(0);
    let k = 0;
    ctx.diagnoses.forEach((d, i) => { if (answered(ctx, bits, i)) p[i] = values[k++]; });
    groupsOf(ctx).forEach((g, gi) => {
      if (gi < 6 && (bits & (1 << gi))) return;
      const members = ctx.diagnoses.map((d, i) => i).filter((i) => groupOf(ctx, i) === gi);
      const total = values[k++];
      for (const i of members) p[i] = total / members.length;
    });
    return p;
  }

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
    const starts = startingSpreads(ctx);
    for (const a of answers) {
      const x = isObject(a) ? a : {};
      const committed = x.committed === true ? vectorOf(x.p, ctx.diagnoses) : null;
      const draft = vectorOf(x.draft, ctx.diagnoses);
      const draftUnits = draft && !starts.some((s) => close(s, draft)) ? quantise(draft) : null;
      if (committed) {
        const units = quantise(committed);
        const engine = finite(x.engine_brier) ? Math.min(2, Math.max(0, x.engine_brier)) * BRIER_STEPS_PER_UNIT : NONE;
        const bits = causesBits(ctx, x);
        const keepDraft = draftUnits && !sameUnits(draftUnits, units);
        const few = outcomes(ctx, committed, bits, null).values;
        if (!keepDraft && few.length > 0 && close(spreadBack(ctx, bits, few), committed)) {
          out += 'E' + put1(bits) + putVector(quantise(few)) + put2(engine);
        } else {
          out += (keepDraft ? 'D' : 'C') + put1(bits) + putVector(units) + put2(engine);
          if (keepDraft) out += putVector(draftUnits);
        }
      } else if (draftUnits) {
        out += 'B' + putVector(draftUnits);
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
    const header = 'D2.' + Math.max(0, Math.round(savedAt)).toString(36) + '.' + put1(ctx.diagnoses.length) +
      put2(listsHash(ctx, true));
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
    if (typeof text !== 'string' || !/^D[12]\./.test(text)) return null;
    const older = text[1] === '1';
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
    const getUnits = () => { const c = get1(); return c < 32 ? c : (c - 32) * 64 + get1(); };
    body = head[2];
    let sameLists;
    try { sameLists = get1() === ctx.diagnoses.length && get2() === listsHash(ctx, !older); } catch (e) { return null; }
    const n = ctx.diagnoses.length;
    const known = new Map(ctx.cases.map((k) => [k.id, k]));
    // `count` numbers: "D1" two characters each; else all but the last, which makes the sum.
    const readUnits = (count) => {
      if (older) return Array.from({ length: count }, () => get2() / OLD_PROBABILITY_STEPS);
      const units = Array.from({ length: count - 1 }, getUnits);
      const last = PROBABILITY_STEPS - units.reduce((s, x) => s + x, 0);
      if (last < 0) throw new Error('units add up to more than 1');
      return [...units, last].map((u) => u / PROBABILITY_STEPS);
    };
    const asObject = (values) => Object.fromEntries(ctx.diagnoses.map((d, i) => [d, values[i]]));
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
        if (flags & FLAG_ANSWERS && !sameLists) pos = body.length;  // answers to other lists: not read
        if (flags & FLAG_ANSWERS && sameLists) {
          const count = get1();
          const answers = [];
          for (let s = 0; s < count; s++) {
            const kind = body[pos++];
            if (kind === 'A') { answers.push({ committed: false }); continue; }
            if (kind === 'B') { answers.push({ draft: asObject(readUnits(n)), committed: false }); continue; }
            if (!'CDE'.includes(kind) || (older && kind === 'E')) throw new Error('bad stage record');
            const bits = older ? 0 : get1();
            const values = kind === 'E' ? spreadBack(ctx, bits, readUnits(outcomes(ctx, new Array(n).fill(0), bits, null).values.length))
              : readUnits(n);
            const p = asObject(values);
            const engine = get2();
            const a = { draft: p, committed: true, p };
            const byGroups = !older && groupsOf(ctx).length > 0;
            if (byGroups) a.causes_of = groupsOf(ctx).filter((g, gi) => gi < 6 && (bits & (1 << gi)));
            if (k.answer && ctx.diagnoses.includes(k.answer)) {
              // Scored on what was answered, as the tutor scores it; cause by cause in older text.
              const o = byGroups ? outcomes(ctx, values, bits, k.answer)
                : { values, truth: ctx.diagnoses.indexOf(k.answer) };
              a.learner_brier = o.values.reduce((sum, x, i) => sum + (x - (i === o.truth ? 1 : 0)) ** 2, 0);
            }
            if (engine !== NONE) a.engine_brier = engine / BRIER_STEPS_PER_UNIT;
            if (kind === 'D') a.draft = asObject(readUnits(n));
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

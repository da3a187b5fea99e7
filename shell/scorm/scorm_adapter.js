// The packaged page's link to the learning-management system (SCORM 1.2 or 2004, window.DAH_SCORM says
// which). Finds the LMS's API by the standard search of parent and opener windows, installs
// window.dahTutor.storage so the app's progress saves come here, and from each save derives what the
// LMS records: completion, success against the passing score, the score, session time, one interaction
// per committed stage, and suspend data (suspend_codec.js) from which a relaunch resumes. Every call is
// guarded: a refusal is logged with the meaning of its error code and retried at the next commit, the
// progress is kept in this browser as well, and nothing the LMS returns stops the app. Runs before
// loader.js (which keeps what is installed here), so the hook is there before the app can read progress.
'use strict';
(function () {
  const config = window.DAH_SCORM;
  const codec = window.DahScormCodec;
  if (!config || !codec) return;
  const tutor = window.dahTutor = window.dahTutor || {};
  const is2004 = config.version === '2004';
  const SUSPEND_LIMIT = is2004 ? 64000 : 4096;
  const QUIET_COMMIT_MS = 5000;  // answers being made are committed this long after the last change

  const ERRORS_12 = {
    0: 'No error', 101: 'General exception', 201: 'Invalid argument error', 202: 'Element cannot have children',
    203: 'Element not an array, cannot have count', 301: 'Not initialized', 401: 'Not implemented error',
    402: 'Invalid set value, element is a keyword', 403: 'Element is read only', 404: 'Element is write only',
    405: 'Incorrect data type',
  };
  const ERRORS_2004 = {
    0: 'No error', 101: 'General exception', 102: 'General initialization failure', 103: 'Already initialized',
    104: 'Content instance terminated', 111: 'General termination failure', 112: 'Termination before initialization',
    113: 'Termination after termination', 122: 'Retrieve data before initialization', 123: 'Retrieve data after termination',
    132: 'Store data before initialization', 133: 'Store data after termination', 142: 'Commit before initialization',
    143: 'Commit after termination', 201: 'General argument error', 301: 'General get failure', 351: 'General set failure',
    391: 'General commit failure', 401: 'Undefined data model element', 402: 'Unimplemented data model element',
    403: 'Data model element value not initialized', 404: 'Data model element is read only',
    405: 'Data model element is write only', 406: 'Data model element type mismatch',
    407: 'Data model element value out of range', 408: 'Data model dependency not established',
  };
  const M = is2004
    ? { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError' }
    : { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
        error: 'LMSGetLastError' };
  const E = is2004
    ? { learner: 'cmi.learner_id', suspend: 'cmi.suspend_data', exit: 'cmi.exit', time: 'cmi.session_time',
        passing: 'cmi.scaled_passing_score', count: 'cmi.interactions._count' }
    : { learner: 'cmi.core.student_id', suspend: 'cmi.suspend_data', exit: 'cmi.core.exit',
        time: 'cmi.core.session_time', passing: 'cmi.student_data.mastery_score', count: 'cmi.interactions._count' };

  // Each distinct failure is logged once (an LMS that refuses refuses at every save).
  const log = [], logged = new Set();
  function warn(text) {
    if (logged.has(text)) return;
    logged.add(text);
    log.push(text);
    if (log.length > 200) log.shift();
    console.warn('DAH Tutor (SCORM ' + config.version + '): ' + text);
  }

  // --- The API: the standard search (SCORM run-time environment, API discovery) -------------------
  const apiName = is2004 ? 'API_1484_11' : 'API';
  function apiOf(win) {
    try { const a = win && win[apiName]; return a && (typeof a === 'object' || typeof a === 'function') ? a : null; }
    catch (e) { return null; }  // a window of another origin
  }
  function searchUp(win) {
    for (let tries = 0; win && tries < 500; tries++) {
      const api = apiOf(win);
      if (api) return api;
      let parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }
  function findApi() {
    let api = searchUp(window);
    if (api) return api;
    try { if (window.top && window.top.opener) api = searchUp(window.top.opener); } catch (e) { api = null; }
    if (api) return api;
    try { if (window.opener) api = searchUp(window.opener); } catch (e) { api = null; }
    return api;
  }

  // --- Guarded calls ----------------------------------------------------------------------------------
  const api = findApi();
  function lastError() {
    try { const c = parseInt(String(api[M.error]()), 10); return Number.isFinite(c) ? c : 101; } catch (e) { return 101; }
  }
  function meaning(code) {
    const m = (is2004 ? ERRORS_2004 : ERRORS_12)[code];
    return code + ' ' + (m || 'Unknown error code');
  }
  function call(method, args, what) {
    let result;
    try { result = api[method].apply(api, args); }
    catch (e) { warn(what + ' threw: ' + (e && e.message ? e.message : String(e))); return false; }
    if (String(result) === 'true') return true;
    warn(what + ' failed: ' + meaning(lastError()));
    return false;
  }
  // Returns the value, or null when the LMS has none (an element not set yet is normal: no warning).
  function getValue(element) {
    let value;
    try { value = api[M.get](element); } catch (e) { warn(M.get + '(' + element + ') threw: ' + e); return null; }
    const code = lastError();
    if (code !== 0) {
      if (!(is2004 && code === 403)) warn(M.get + '(' + element + ') failed: ' + meaning(code));
      return null;
    }
    return value === null || value === undefined ? '' : String(value);
  }

  // --- Local copy: the progress in this browser, per package and learner -------------------------
  function localGet(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function localSet(key, text) { try { window.localStorage.setItem(key, text); return true; } catch (e) { return false; } }

  // --- What the page holds: the tutor's outcomes and the package's cases --------------------------
  // The outcomes as the tutor derives them from the causal model (core/include/dah/outcomes.hpp): the
  // immune causes, the antithrombotic ones, one outcome for both together, then every other cause; groups
  // immune, coagulopathic, both, other. A case's answer is the outcome of its network answer.
  const BOTH = 'immune-and-antithrombotic';
  function outcomesOf(kb, diagnoses, names, groups, groupOf) {
    const [immune, antithrombotic] = (kb.both && kb.both.groups) || [];
    const causes = kb.nodes.filter((n) => n && n.kind === 'cause' && typeof n.id === 'string');
    groups.push('immune', 'coagulopathic', 'both', 'other');
    const add = (list, g) => list.forEach((n) => { diagnoses.push(n.id); names[n.id] = n.name || n.id; groupOf.push(g); });
    add(causes.filter((n) => n.group === immune), 0);
    add(causes.filter((n) => n.group === antithrombotic), 1);
    add([{ id: BOTH, name: kb.both && kb.both.name }], 2);
    add(causes.filter((n) => n.group !== immune && n.group !== antithrombotic), 3);
    return (answer) => {
      const of = (id) => (causes.find((n) => n.id === id) || {}).group;
      const list = Array.isArray(answer) ? answer : [];
      const i = list.find((id) => of(id) === immune), a = list.find((id) => of(id) === antithrombotic);
      return i && a ? BOTH : i || a || list[0];
    };
  }
  function readLibrary() {
    const files = (window.DAH_EMBEDDED && window.DAH_EMBEDDED.library && window.DAH_EMBEDDED.library.files) || [];
    const diagnoses = [], names = {}, groups = [], groupOf = [], cases = new Map();
    let answerOf = () => undefined;
    for (const f of files) {
      let j;
      try { j = JSON.parse(f.text); } catch (e) { continue; }
      if (j && Array.isArray(j.nodes)) {
        answerOf = outcomesOf(j, diagnoses, names, groups, groupOf);
      } else if (j && typeof j.id === 'string' && Array.isArray(j.stages)) {
        cases.set(j.id, {
          id: j.id, title: String(j.title || j.id), answer: j.network && j.network.answer,
          stages: j.stages.map((s, i) => ({ id: String((s && s.stage) || i),
            title: String((s && s.title) || (s && s.stage) || i) })),
        });
      }
    }
    for (const c of cases.values()) c.answer = answerOf(c.answer);
    const packaged = (config.caseIds || []).map((id) => cases.get(id)).filter(Boolean);
    return { diagnoses, names, groups, groupOf, cases: packaged };
  }
  const library = readLibrary();
  const ctx = { diagnoses: library.diagnoses, groups: library.groups, groupOf: library.groupOf,
    cases: library.cases.map((c) => ({ id: c.id, answer: c.answer, stages: c.stages.length })) };

  // --- Session --------------------------------------------------------------------------------------
  let state = api ? 'uninitialized' : 'standalone';  // → 'ready' → 'finished'
  let startedAt = Date.now();
  let learner = '';
  let passingScore = config.masteryScore;
  let reviewing = false;  // the LMS opened a finished attempt to look at: its record is not changed
  let resumed = null;  // the suspend data read at start, decoded
  let interactionCount = 0;
  const reported = new Map();  // "case.stage" → the value the LMS has
  let sent = new Map();  // element → value the LMS accepted since the last commit that worked
  let latest = null;  // the last progress the app saved (parsed)
  let lastMilestones = '';
  let commitTimer = null;
  const backupKey = () => 'dah-tutor:scorm:' + config.packageId + ':' + (learner || 'unknown') + ':progress';

  function initialise() {
    if (state !== 'uninitialized') return state === 'ready';
    if (!call(M.init, [''], M.init)) return false;
    state = 'ready';
    startedAt = Date.now();
    learner = getValue(E.learner) || '';
    const mode = getValue(is2004 ? 'cmi.mode' : 'cmi.core.lesson_mode');
    reviewing = mode === 'review' || mode === 'browse';
    const passing = parseFloat(getValue(E.passing) || '');
    if (Number.isFinite(passing) && passing >= (is2004 ? -1 : 0)) passingScore = is2004 ? passing * 100 : passing;
    interactionCount = Math.max(0, parseInt(getValue(E.count) || '0', 10) || 0);
    const suspend = getValue(E.suspend);
    try { resumed = suspend ? codec.decode(suspend, ctx) : null; } catch (e) { resumed = null; }
    if (suspend && !resumed) warn('the suspend data is not from this package; starting from the local copy');
    if (resumed) {
      for (const [id, c] of Object.entries(resumed.cases)) noteReported(id, c);
    }
    if (reviewing) return true;
    const status = getValue(is2004 ? 'cmi.completion_status' : 'cmi.core.lesson_status');
    if (status === 'not attempted' || status === 'unknown' || status === '')
      setValue(is2004 ? 'cmi.completion_status' : 'cmi.core.lesson_status', 'incomplete');
    setValue(E.exit, 'suspend');
    return true;
  }

  function setValue(element, value) {
    if (state !== 'ready') return false;
    if (sent.get(element) === value) return true;
    if (!call(M.set, [element, value], M.set + '(' + element + ')')) return false;
    sent.set(element, value);
    return true;
  }

  function noteReported(id, c) {
    const k = library.cases.find((x) => x.id === id);
    if (!k || !c || !Array.isArray(c.answers)) return;
    c.answers.forEach((a, i) => {
      if (a && a.committed && k.stages[i]) reported.set(id + '.' + k.stages[i].id, stageResult(k, a).key);
    });
  }

  function stageResult(k, a) {
    const p = a.p && typeof a.p[k.answer] === 'number' ? a.p[k.answer] : 0;
    let brier = a.learner_brier;
    if (typeof brier !== 'number' || !Number.isFinite(brier))
      brier = library.diagnoses.reduce((s, d) =>
        s + ((a.p && typeof a.p[d] === 'number' ? a.p[d] : 0) - (d === k.answer ? 1 : 0)) ** 2, 0);
    const probability = Math.min(1, Math.max(0, p)).toFixed(4), score = Math.min(2, Math.max(0, brier)).toFixed(4);
    return { probability, brier: score, key: probability + '|' + score };
  }

  // --- From the app's progress to the LMS's data model ---------------------------------------------
  function summary(progress) {
    const cases = progress && typeof progress.cases === 'object' && progress.cases ? progress.cases : {};
    let stages = 0, committed = 0, done = 0, scoreSum = 0;
    const milestones = [];
    for (const k of library.cases) {
      const c = cases[k.id] && typeof cases[k.id] === 'object' ? cases[k.id] : {};
      const answers = Array.isArray(c.answers) ? c.answers.slice(0, k.stages.length) : [];
      const isDone = c.done === true;
      const count = answers.filter((a) => a && a.committed === true).length;
      stages += k.stages.length;
      committed += isDone ? k.stages.length : count;
      if (isDone) { done++; scoreSum += typeof c.best_score === 'number' && c.best_score > 0 ? Math.min(100, c.best_score) : 0; }
      milestones.push(k.id + ':' + (isDone ? 'done' : count));
    }
    const all = library.cases.length > 0 && done === library.cases.length;
    return {
      all, anyDone: done > 0, milestones: milestones.join(','),
      progress: stages > 0 ? committed / stages : 0,
      score: library.cases.length > 0 ? Math.round(100 * scoreSum / library.cases.length) / 100 : 0,
    };
  }

  function sessionTime() {
    const cs = Math.max(0, Math.round((Date.now() - startedAt) / 10));
    const h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    if (is2004) return 'PT' + h + 'H' + m + 'M' + s.toFixed(2) + 'S';
    const two = (n) => String(n).padStart(2, '0');
    return two(h) + ':' + two(m) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }

  function timestamp() {
    const d = new Date(), two = (n) => String(n).padStart(2, '0');
    const time = two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
    return is2004 ? d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + 'T' + time : time;
  }

  // Sends what differs from what the LMS has; returns whether it took the suspend data.
  function send(progress, final) {
    if (reviewing) return false;
    const s = summary(progress);
    if (s.anyDone) {
      const score = s.score.toFixed(2);
      setValue(is2004 ? 'cmi.score.min' : 'cmi.core.score.min', '0');
      setValue(is2004 ? 'cmi.score.max' : 'cmi.core.score.max', '100');
      setValue(is2004 ? 'cmi.score.raw' : 'cmi.core.score.raw', score);
      if (is2004) setValue('cmi.score.scaled', (s.score / 100).toFixed(4));
    }
    const passed = s.score >= passingScore;
    if (is2004) {
      setValue('cmi.progress_measure', s.progress.toFixed(4));
      setValue('cmi.completion_status', s.all ? 'completed' : 'incomplete');
      setValue('cmi.success_status', s.all ? (passed ? 'passed' : 'failed') : 'unknown');
    } else {
      setValue('cmi.core.lesson_status', s.all ? (passed ? 'passed' : 'failed') : 'incomplete');
    }
    sendInteractions(progress);
    const encoded = codec.encode(progress, ctx, Date.now(), SUSPEND_LIMIT);
    if (encoded.level > 0) warn('the progress was shortened to fit the suspend data (level ' + encoded.level + ')');
    const tookSuspend = setValue(E.suspend, encoded.text);
    setValue(E.time, sessionTime());
    // Finished: a normal exit (a new launch is a new attempt); otherwise suspend, so the learner resumes.
    setValue(E.exit, s.all && final ? (is2004 ? 'normal' : '') : 'suspend');
    return tookSuspend;
  }

  function sendInteractions(progress) {
    const cases = progress && progress.cases && typeof progress.cases === 'object' ? progress.cases : {};
    for (const k of library.cases) {
      const c = cases[k.id];
      if (!c || !Array.isArray(c.answers)) continue;
      c.answers.forEach((a, i) => {
        if (!a || a.committed !== true || !k.stages[i]) return;
        const id = k.id + '.' + k.stages[i].id;
        const r = stageResult(k, a);
        if (reported.get(id) === r.key) return;
        const n = 'cmi.interactions.' + interactionCount + '.';
        // Each record is new (a journal): set without the "already sent" shortcut.
        const ok = [
          [n + 'id', id], [n + 'type', 'numeric'],
          [n + (is2004 ? 'learner_response' : 'student_response'), r.probability], [n + 'result', r.brier],
          [n + (is2004 ? 'timestamp' : 'time'), timestamp()],
          ...(is2004 ? [[n + 'description', (k.title + ': ' + k.stages[i].title + '. Probability given to ' +
            (library.names[k.answer] || k.answer) + '; result: Brier score').slice(0, 250)]] : []),
        ].every(([e, v]) => call(M.set, [e, v], M.set + '(' + e + ')'));
        if (!ok) return;  // tried again with the same index at the next save
        interactionCount++;
        reported.set(id, r.key);
      });
    }
  }

  function commit(final) {
    if (commitTimer) { clearTimeout(commitTimer); commitTimer = null; }
    if (state === 'uninitialized' && !initialise()) return false;
    if (state !== 'ready' || !latest) return false;
    send(latest, final);
    if (call(M.commit, [''], M.commit)) return true;
    sent = new Map();  // everything again at the next commit
    return false;
  }

  // --- The storage hook the app calls (web/platform_web.cpp) -------------------------------------
  function saveProgress(text) {
    const localOk = localSet(backupKey(), JSON.stringify({ saved_at: Date.now(), progress: text }));
    let progress = null;
    try { progress = JSON.parse(text); } catch (e) { progress = null; }
    if (!progress || typeof progress !== 'object') return localOk;
    latest = progress;
    if (state === 'finished') return localOk;
    const tookSuspend = state === 'ready' && send(progress, false);
    // Commit now when a stage or a case is finished; answers being made, a little later.
    const milestones = summary(progress).milestones;
    if (milestones !== lastMilestones) {
      lastMilestones = milestones;
      commit(false);
    } else if (!commitTimer) {
      commitTimer = setTimeout(() => {
        commitTimer = null;
        try { commit(false); } catch (e) { warn('unexpected: ' + e); }
      }, QUIET_COMMIT_MS);
    }
    return localOk || tookSuspend;
  }

  // The newer of the LMS's suspend data and the local copy; the local copy keeps what the suspend data
  // leaves out (other cases, other fields).
  function loadProgress() {
    let local = null;
    try { local = JSON.parse(localGet(backupKey()) || 'null'); } catch (e) { local = null; }
    const localText = local && typeof local.progress === 'string' ? local.progress : null;
    const localAt = local && typeof local.saved_at === 'number' ? local.saved_at : -1;
    if (!resumed || (localText && localAt >= resumed.savedAt)) {
      if (localText) lastMilestones = milestonesOf(localText);
      return localText;
    }
    let base = null;
    try { base = localText ? JSON.parse(localText) : null; } catch (e) { base = null; }
    if (!base || typeof base !== 'object' || !base.cases || typeof base.cases !== 'object') base = { version: 1, cases: {} };
    for (const [id, c] of Object.entries(resumed.cases)) base.cases[id] = c;
    const text = JSON.stringify(base);
    lastMilestones = milestonesOf(text);
    return text;
  }
  function milestonesOf(text) { try { return summary(JSON.parse(text)).milestones; } catch (e) { return ''; } }

  function finish() {
    if (state === 'uninitialized') initialise();
    if (state !== 'ready') return;
    if (latest) {
      commit(true);
    } else if (!reviewing) {  // opened and closed without an answer: the time still counts
      setValue(E.time, sessionTime());
      call(M.commit, [''], M.commit);
    }
    call(M.finish, [''], M.finish);
    state = 'finished';
  }

  // --- A short notice over the page -----------------------------------------------------------------
  function notice(text) {
    const show = () => {
      const box = document.createElement('div');
      box.className = 'scorm-notice';
      box.setAttribute('role', 'status');
      box.textContent = text;
      box.addEventListener('click', () => box.remove());
      document.body.appendChild(box);
      setTimeout(() => box.remove(), 10000);
    };
    if (document.body) show(); else window.addEventListener('DOMContentLoaded', show);
  }

  const guard = (f, fallback) => (...args) => {
    try { return f(...args); } catch (e) { warn('unexpected: ' + e); return fallback; }
  };
  tutor.scorm = {
    version: config.version,
    status: () => state,
    log,
    suspendLimit: SUSPEND_LIMIT,
    commit: guard(() => commit(false), false),
  };
  if (!api) {
    notice('No learning-management system found: DAH Tutor runs on its own, and your progress stays in this browser.');
    return;
  }
  guard(initialise, false)();
  if (state !== 'ready')
    notice('The learning-management system did not answer: your progress is kept in this browser and sent when it does.');
  tutor.storage = {
    save: guard((key, text) => (key === 'progress' ? saveProgress(text) : localSet('dah-tutor:' + key, text)), false),
    load: guard((key) => (key === 'progress' ? loadProgress() : localGet('dah-tutor:' + key)), null),
  };
  const onHide = guard(() => finish());
  window.addEventListener('pagehide', onHide);
  window.addEventListener('beforeunload', onHide);
  document.addEventListener('visibilitychange', guard(() => { if (document.visibilityState === 'hidden') commit(false); }));
})();

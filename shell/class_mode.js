// Live class mode, loaded by loader.js only when the URL names a class (?class=ROOM): the lecturer's
// panel beside presenter mode (QR code, room code, the hall's live four-way vote, scores after the
// reveal) and the phones' voter view (the stage's text, four large buttons, optionally the top causes).
// Both talk to the class's nats-server over a WebSocket on the page's own origin (/nats). Messages:
//   dah.ROOM.stage  lecturer → phones: { v, case, stage, key, open, result? }
//   dah.ROOM.join   phone → lecturer (request): the reply is the current stage message (late joiners)
//   dah.ROOM.vote   phone → lecturer (request): { voter, key, choice, causes?, seq }; the reply acknowledges
// The server's permissions (shell/class/rooms.mjs) let only the lecturer publish the stage and reply.
import { ClassTally, OPTIONS, hallScores, scores } from './class_tally.js';

const LABELS = ['Immune', 'Blood thinner or coagulopathy', 'Other cause', 'Two at once'];
const SHORT = ['Immune', 'Thinner / coag.', 'Other', 'Two at once'];
const GROUP_OF_OPTION = ['immune', 'coagulopathic', 'other', 'both'];  // the knowledge base's group ids
const enc = new TextEncoder();
const dec = new TextDecoder();

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function addStyle() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'class/class.css';
  document.head.appendChild(link);
}

export const roomCode = (id) => id.slice(0, 6).toUpperCase().replace(/(...)(...)/, '$1-$2');

async function connectTo(room, user, pass, onStatus) {
  const { connect } = await import('./nats.js');
  const servers = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/nats`;
  const nc = await connect({
    servers, user, pass, inboxPrefix: `_INBOX_${room}`, name: user.split('-')[0],
    // A hall's phones spread their reconnections over 1–2 s after a server restart (wait and jitter). The
    // page reaches the server only through its own origin: servers' gossip (loopback addresses) is ignored.
    ignoreClusterUpdates: true, reconnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 1000, reconnectJitter: 1000,
    waitOnFirstConnect: true, pingInterval: 10000, timeout: 5000,
  });
  (async () => { for await (const s of nc.status()) onStatus(s); })().catch(() => {});
  return nc;
}

// The knowledge base and the cases, as the app reads them (one file, cases/library.json).
async function loadLibrary() {
  const response = await fetch('cases/library.json');
  if (!response.ok) throw new Error(`cases/library.json: HTTP ${response.status}`);
  const { files } = await response.json();
  // The causal model: its causes are what the phones offer, and a case's network answer gives its group.
  const kb = JSON.parse(files.find((f) => f.name === 'knowledge-base-v2.json').text);
  kb.diagnoses = kb.nodes.filter((n) => n.kind === 'cause').map((n) => ({ id: n.id, name: n.name, group: n.group }));
  const cases = new Map();
  for (const f of files) {
    if (!f.name.endsWith('.case.json')) continue;
    try { const c = JSON.parse(f.text); cases.set(c.id, c); } catch { /* the app reports it */ }
  }
  return { kb, cases };
}

// The stage pictures for the phones. The app draws the pictures of one stage alone (?pictures=N: no
// labels, as before a commit) in a frame off screen and inert (it never takes the lecturer's keys); each
// picture is cut from that frame's canvas as a JPEG and put, with its caption and text description (the
// phones' alt text), on the site server for the room (shell/class/picture_store.mjs), where phones, late
// joiners and reconnected phones get them by URL. Returns capture(caseId, stage) → promise of the count
// held (0: none or failed), each stage done once; held(caseId, stage) → the count if done.
function stagePictures({ room, lecturer, library }) {
  const base = location.pathname.replace(/[^/]*$/, '');
  const done = new Map();
  const counts = new Map();
  const WIDTH = 640;  // CSS pixels: sharp on a phone, under 100 kB a picture
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  async function put(url, body, type) {
    const r = await fetch(url, { method: 'PUT', body, headers: { 'content-type': type, authorization: `Bearer ${lecturer}` } });
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  }
  async function draw(caseId, stage, n, dir) {
    const frame = document.createElement('iframe');
    frame.inert = true;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'Stage pictures for the phones';
    frame.style.cssText = `position:fixed;left:-${WIDTH + 100}px;top:0;width:${WIDTH + 40}px;height:${n * (WIDTH + 160) + 200}px;border:0`;
    const focused = document.activeElement;
    frame.src = `${base}index.html?case=${encodeURIComponent(caseId)}&pictures=${stage}&scale=1`;
    document.body.append(frame);
    try {
      let shown = [];
      for (const end = performance.now() + 60000; performance.now() < end; await sleep(100)) {
        const t = frame.contentWindow && frame.contentWindow.dahTutor;
        if (!t || !t.ready) continue;
        try { shown = t.state().pictures || []; } catch { shown = []; }
        if (shown.length === n) break;
      }
      if (shown.length !== n) throw new Error('the pictures were not drawn');
      await sleep(100);  // the frame that drew them is on the canvas (it keeps its drawing buffer)
      const canvas = frame.contentDocument.getElementById('canvas');
      const scale = canvas.width / canvas.clientWidth;
      const index = [];
      for (const [i, p] of shown.entries()) {
        const w = Math.round(Math.min(p.rect.w * scale, WIDTH)), h = Math.round(w * p.rect.h / p.rect.w);
        const cut = document.createElement('canvas');
        cut.width = w;
        cut.height = h;
        cut.getContext('2d').drawImage(canvas, p.rect.x * scale, p.rect.y * scale, p.rect.w * scale, p.rect.h * scale, 0, 0, w, h);
        const jpeg = await new Promise((resolve) => cut.toBlob(resolve, 'image/jpeg', 0.85));
        await put(`${dir}${i}.jpg`, jpeg, 'image/jpeg');
        index.push({ caption: p.caption, description: p.description, width: w, height: h });
      }
      await put(`${dir}index.json`, JSON.stringify(index), 'application/json');
      return n;
    } finally {
      frame.remove();
      if (focused && focused.focus) focused.focus();
    }
  }
  async function capture(caseId, stage) {
    const c = library.cases.get(caseId);
    const st = c && c.stages[stage];
    const n = st && Array.isArray(st.pictures) ? Math.min(st.pictures.length, 8) : 0;
    if (!n) return 0;
    return draw(caseId, stage, n, `${base}class-pictures/${room}/${encodeURIComponent(caseId)}/${stage}/`);
  }
  let queue = Promise.resolve();  // one frame at a time
  let pending = 0;
  window.dahTutor.classPicturesPending = () => pending;  // for the load test: captures still to do
  return {
    capture(caseId, stage) {
      const key = `${caseId}/${stage}`;
      if (!done.has(key)) {
        pending += 1;
        const p = queue.then(() => capture(caseId, stage)).catch(() => 0)
          .then((n) => { counts.set(key, n); pending -= 1; return n; });
        queue = p;
        done.set(key, p);
      }
      return done.get(key);
    },
    held: (caseId, stage) => counts.get(`${caseId}/${stage}`) || 0,
  };
}

// ---------------------------------------------------------------------------------------------------
// From the page's address: a phone (the students' key) gets the voter view instead of the app; the
// lecturer (presenter mode with the lecturer's key) gets the app, then the class panel. The keys go to
// the page's storage (a reload keeps the room) and out of the address bar. `runApp` starts the app.

export async function start(runApp) {
  const q = new URLSearchParams(location.search.replace(/\/+$/, ''));
  const room = q.get('class') || '';
  if (!/^[0-9a-f]{20}$/.test(room)) return runApp();
  const stored = `dah-class-${room}`;
  let keys = {};
  try { keys = JSON.parse(localStorage.getItem(stored) || '{}') || {}; } catch { keys = {}; }
  for (const k of ['key', 'lecturer']) if (/^[0-9a-f]{16,64}$/.test(q.get(k) || '')) keys[k] = q.get(k);
  if (!keys.key) return runApp();
  let kept = false;
  try { localStorage.setItem(stored, JSON.stringify(keys)); kept = true; } catch { /* the address keeps them */ }
  if (kept) {
    q.delete('key');
    q.delete('lecturer');
    history.replaceState(null, '', location.pathname + '?' + q.toString().replace(/=(&|$)/g, '$1'));
  }
  if (keys.lecturer && q.has('present')) {
    await runApp();
    if (window.dahTutor.ready) await startLecturer({ room, student: keys.key, lecturer: keys.lecturer });
    return undefined;
  }
  return startVoter({ room, key: keys.key });
}

// ---------------------------------------------------------------------------------------------------
// The lecturer's page: presenter mode with the class panel.

export async function startLecturer({ room, student, lecturer }) {
  addStyle();
  const saved = `dah-class-tally-${room}`;
  let tally;
  try { tally = ClassTally.fromJSON(JSON.parse(localStorage.getItem(saved) || '{}')); } catch { tally = new ClassTally(); }
  const link = `${location.origin}${location.pathname.replace(/[^/]*$/, '')}vote.html?class=${room}&key=${student}`;

  const panel = el('aside', 'class-panel');
  panel.setAttribute('aria-label', 'Live class');
  const head = el('div', 'class-head');
  const code = el('div', 'class-code', `Room ${roomCode(room)}`);
  const toggle = el('button', 'class-toggle', 'Hide code');
  head.append(code, toggle);
  const qr = el('canvas', 'class-qr');
  const url = el('div', 'class-url', link);
  const status = el('div', 'class-status', 'Connecting to the class server…');
  const stageLine = el('div', 'class-stage', 'Open a case: its stage goes to the phones.');
  const voted = el('div', 'class-voted', '0 phones voted');
  const bars = el('div', 'class-bars');
  const barEls = LABELS.map((label) => {
    const row = el('div', 'class-bar');
    const name = el('span', 'class-bar-name', label);
    const track = el('span', 'class-bar-track');
    const fill = el('span', 'class-bar-fill');
    track.append(fill);
    const value = el('span', 'class-bar-value', '–');
    row.append(name, track, value);
    bars.append(row);
    return { fill, value };
  });
  const causes = el('div', 'class-causes');
  const result = el('div', 'class-result');
  const dropped = el('div', 'class-dropped', '');
  panel.append(head, qr, url, status, stageLine, voted, bars, causes, result, dropped);
  document.body.append(panel);
  document.body.classList.add('class-lecturer');
  if (window.dahTutor.wake) window.dahTutor.wake();  // the app takes the narrower canvas
  toggle.addEventListener('click', () => {
    const hidden = panel.classList.toggle('code-hidden');
    toggle.textContent = hidden ? 'Show code' : 'Hide code';
  });
  import('./qrcode.js').then(({ default: QRCode }) =>
    QRCode.toCanvas(qr, link, { errorCorrectionLevel: 'M', margin: 2, width: 240 })).catch((e) => {
    qr.replaceWith(el('div', 'class-error', 'QR code unavailable: ' + e.message));
  });

  const library = await loadLibrary().catch(() => ({ kb: null, cases: new Map() }));
  const pictures = stagePictures({ room, lecturer, library });
  const truthOf = (caseId) => {
    const c = library.cases.get(caseId);
    const answer = c && library.kb && c.network && c.network.answer;
    if (!answer) return -1;
    const [immune, antithrombotic] = library.kb.both.groups;
    const groups = answer.map((id) => (library.kb.diagnoses.find((x) => x.id === id) || {}).group);
    const i = groups.includes(immune), a = groups.includes(antithrombotic);
    return GROUP_OF_OPTION.indexOf(i && a ? 'both' : i ? 'immune' : a ? 'coagulopathic' : 'other');
  };

  let current = null;  // the stage message the phones see
  let nc = null;
  const publishStage = () => {
    if (nc && current) nc.publish(`dah.${room}.stage`, enc.encode(JSON.stringify(current)));
  };
  let saveTimer = 0;
  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = 0;
    try { localStorage.setItem(saved, JSON.stringify(tally)); } catch { /* full: the phones resend */ }
  };
  const save = () => { if (!saveTimer) saveTimer = setTimeout(saveNow, 1000); };
  window.addEventListener('pagehide', saveNow);  // a reload or a closed tab keeps the last votes too
  // At most four redraws a second while votes stream in: the hall sees the counts move, and the
  // projector's frames stay free for the app (a repaint is costly with software rendering).
  let drawQueued = false;
  let drawnAt = 0;
  const draw = () => {
    if (drawQueued) return;
    drawQueued = true;
    setTimeout(() => requestAnimationFrame(() => { drawQueued = false; drawnAt = performance.now(); render(); }),
               Math.max(0, drawnAt + 250 - performance.now()));
  };
  const cost = { votes: 0, voteMs: 0, renders: 0, renderMs: 0 };  // the class code's own main-thread time
  window.dahTutor.classCost = () => ({ ...cost });
  function render() {
    const started = performance.now();
    renderPanel();
    cost.renders += 1;
    cost.renderMs += performance.now() - started;
  }
  // The tutor's class vote follows the hall, so E scores the hall in the app as typed hands would be
  // (counts in the tally's order: immune, coagulopathic, other, both). Only changes are sent.
  let sentToTutor = '';
  function sendToTutor(key, counts) {
    const m = window.dahTutor.module, app = m && m.dahApp;
    const sent = key + ':' + counts.join(',');
    if (!key || !app || sent === sentToTutor) return;
    const cut = key.lastIndexOf('/');
    const caseId = key.slice(0, cut), bytes = m.lengthBytesUTF8(caseId) + 1, ptr = m._malloc(bytes);
    m.stringToUTF8(caseId, ptr, bytes);
    if (m._dah_set_class_votes(app, ptr, Number(key.slice(cut + 1)), counts[0], counts[1], counts[2], counts[3])) sentToTutor = sent;
    m._free(ptr);
  }
  // The panel's text and bars change only where their values did (each change repaints the page, which
  // the projector's frames wait for with software rendering); the bars scale, so nothing is laid out again.
  const setText = (e, text) => { if (e.textContent !== text) e.textContent = text; };
  let resultShown = null;
  function renderPanel() {
    const key = current && current.key;
    const { counts, voters } = key ? tally.counts(key) : { counts: [0, 0, 0, 0], voters: 0 };
    setText(voted, `${voters} ${voters === 1 ? 'phone' : 'phones'} voted` + (current && !current.open ? ' (closed)' : ''));
    counts.forEach((c, i) => {
      const share = voters ? Math.round(c / voters * 100) : 0;
      const scale = `scaleX(${share / 100})`;
      if (barEls[i].fill.style.transform !== scale) barEls[i].fill.style.transform = scale;
      setText(barEls[i].value, voters ? `${share} % (${c})` : '–');
    });
    const top = key ? tally.topCauses(key) : [];
    setText(causes, top.length ? 'Causes named: ' + top.map(([d, n]) => `${diagnosisName(d)} ${n}`).join(', ') : '');
    const shownResult = current && current.result;
    if (shownResult !== resultShown) result.textContent = '';
    if (shownResult && shownResult !== resultShown) {
      const r = current.result;
      const line = (who, s) => `${who}: Brier ${s.brier.toFixed(2)}, log ${s.log.toFixed(2)}`;
      result.append(el('div', 'class-result-title', `Answer: ${LABELS[r.truth] || '?'}`));
      if (r.hall) result.append(el('div', 'class-score', line('Hall', r.hall)));
      if (r.engine) result.append(el('div', 'class-score', line('Engine', r.engine)));
    }
    resultShown = shownResult;
    const d = tally.dropped;
    const n = tally.droppedTotal();
    setText(dropped, n ? `Dropped: ${n} (${d.malformed} malformed, ${d.oversized} oversized, ${d.flooding} flooding)` : '');
    // For the app: the hall's four counts of the open stage (presenter mode's hand counts can follow them).
    window.dispatchEvent(new CustomEvent('dah-class-votes', { detail: { key, counts, voters } }));
    sendToTutor(key, counts);
    window.dahTutor.classState = { room, key, counts, voters, dropped: { ...d }, result: current && current.result,
                                   connected: !!nc && !nc.isClosed(), open: !!(current && current.open) };
  }
  window.dahTutor.classCounts = (key) => tally.counts(key);  // for the load test's final check
  const diagnosisName = (id) => {
    const d = library.kb && library.kb.diagnoses.find((x) => x.id === id);
    return d ? d.name : id;
  };

  // Follows the app: a new case or stage opens the vote; showing the engine (E) closes it with scores.
  let seenFrame = -1;
  function follow() {
    // The app draws when anything changes: no new frame, no new stage (state() costs a JSON of the screen).
    const frame = window.dahTutor.frames();
    if (frame === seenFrame) return;
    seenFrame = frame;
    let s;
    try { s = window.dahTutor.state(); } catch { return; }
    const c = s.case;
    if (!c || s.screen !== 'player') {
      if (current && current.open) { current = { ...current, open: false }; publishStage(); draw(); }
      return;
    }
    const key = `${c.id}/${c.stage.index}`;
    const shown = !!c.engine_shown;
    if (!current || current.key !== key) {
      current = { v: 1, case: c.id, stage: c.stage.index, key, open: !shown, pictures: pictures.held(c.id, c.stage.index) };
      stageLine.textContent = `${c.title} — stage ${c.stage.index + 1} of ${c.stages.length}`;
      // The phones get the pictures once they are held (then the stage is sent again). All the case's
      // stages are drawn when it opens (this stage first), not while a later stage's votes stream in.
      pictures.capture(c.id, c.stage.index).then((n) => {
        if (n && current && current.key === key && current.pictures !== n) { current = { ...current, pictures: n }; publishStage(); }
      });
      for (let i = 0; i < c.stages.length; ++i) pictures.capture(c.id, i);
    } else if (current.open === shown) {
      current = { ...current, open: !shown };
    } else {
      return;
    }
    if (shown) {
      const truth = truthOf(c.id);
      const { counts } = tally.counts(key);
      const groups = c.engine && c.engine.groups;
      const engineP = groups ? GROUP_OF_OPTION.map((g) => groups[g] || 0) : null;
      current.result = {
        truth, counts,
        hall: hallScores(counts, truth),
        engine: engineP && truth >= 0 ? scores(engineP, truth) : null,
      };
    } else {
      delete current.result;
    }
    publishStage();
    draw();
  }

  nc = await connectTo(room, `lecturer-${room}`, lecturer, (s) => {
    if (s.type === 'disconnect') status.textContent = 'Connection lost: reconnecting…';
    else if (s.type === 'reconnect') { status.textContent = 'Connected'; publishStage(); }
    else if (s.type === 'error') status.textContent = 'Server: ' + String(s.data);
    draw();
  }).catch((e) => {
    status.textContent = 'No class server (' + e.message + '): the typed hand counts still work.';
    return null;
  });
  if (!nc) return;
  status.textContent = 'Connected';
  const votes = nc.subscribe(`dah.${room}.vote`);
  (async () => {
    for await (const m of votes) {
      const started = performance.now();
      const r = tally.accept(m.data, current && current.open ? current.key : null);
      if (m.reply) {
        const reply = r.ok ? { ok: true, key: r.vote.key, seq: r.vote.seq } : { ok: false, why: r.why };
        try { m.respond(enc.encode(JSON.stringify(reply))); } catch { /* the phone resends */ }
      }
      save();
      draw();
      cost.votes += 1;
      cost.voteMs += performance.now() - started;
    }
  })();
  const joins = nc.subscribe(`dah.${room}.join`);
  (async () => {
    for await (const m of joins) {
      if (!m.reply) continue;
      try { m.respond(enc.encode(JSON.stringify(current || { v: 1, key: null, open: false }))); } catch { /* retried */ }
    }
  })();
  setInterval(follow, 250);
  follow();
  draw();
}

// ---------------------------------------------------------------------------------------------------
// A phone: the voter view. No app download, no name, no account: a random id kept on the phone.

export async function startVoter({ room, key }) {
  addStyle();
  document.body.classList.add('voter');
  const voterKey = 'dah-class-voter';
  let voter = localStorage.getItem(voterKey);
  if (!voter || !/^[0-9a-f]{16}$/.test(voter)) {
    voter = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
    try { localStorage.setItem(voterKey, voter); } catch { /* a private window: one id per page */ }
  }
  const mineKey = `dah-class-votes-${room}`;
  let mine = {};
  try { mine = JSON.parse(localStorage.getItem(mineKey) || '{}') || {}; } catch { mine = {}; }
  const keep = () => { try { localStorage.setItem(mineKey, JSON.stringify(mine)); } catch { /* kept in the page */ } };

  const view = el('main', 'voter-view');
  const header = el('header', 'voter-header');
  header.append(el('span', 'voter-title', 'DAH Tutor live class'), el('span', 'voter-room', `Room ${roomCode(room)}`));
  const status = el('div', 'voter-status', 'Connecting…');
  status.setAttribute('role', 'status');
  const stageTitle = el('h1', 'voter-stage', 'Waiting for the lecturer…');
  const narrative = el('p', 'voter-narrative', '');
  const question = el('h2', 'voter-question', 'Where is the bleeding coming from?');
  const choices = el('div', 'voter-choices');
  const buttons = LABELS.map((label, i) => {
    const b = el('button', 'voter-choice', label);
    b.type = 'button';
    b.dataset.choice = OPTIONS[i];
    b.addEventListener('click', () => vote({ choice: OPTIONS[i] }));
    choices.append(b);
    return b;
  });
  const causesBox = el('details', 'voter-causes');
  causesBox.append(el('summary', '', 'Optional: the most likely causes (up to 3)'));
  const causeList = el('div', 'voter-cause-list');
  causesBox.append(causeList);
  const sent = el('div', 'voter-sent', '');
  sent.setAttribute('aria-live', 'polite');
  const figures = el('div', 'voter-pictures');
  view.append(header, status, stageTitle, narrative, figures, question, choices, causesBox, sent);
  document.body.append(view);
  const overlay = document.getElementById('overlay');
  if (overlay) overlay.classList.add('hidden');

  const library = await loadLibrary().catch(() => ({ kb: null, cases: new Map() }));
  let stage = null;
  const causeButtons = new Map();
  for (const d of (library.kb ? library.kb.diagnoses : [])) {
    const b = el('button', 'voter-cause', d.name);
    b.type = 'button';
    b.addEventListener('click', () => {
      if (!stage || !stage.open) return;
      const v = mine[stage.key];
      if (!v) { sent.textContent = 'Choose one of the four answers first.'; return; }
      const list = v.causes.includes(d.id) ? v.causes.filter((x) => x !== d.id) : [...v.causes, d.id].slice(-3);
      vote({ choice: v.choice, causes: list });
    });
    causeButtons.set(d.id, b);
    causeList.append(b);
  }

  function show() {
    const v = stage && mine[stage.key];
    const open = !!(stage && stage.open);
    buttons.forEach((b) => {
      b.disabled = !open;
      b.setAttribute('aria-pressed', String(!!v && v.choice === b.dataset.choice));
    });
    for (const [id, b] of causeButtons) {
      b.disabled = !open || !v;
      b.setAttribute('aria-pressed', String(!!v && v.causes.includes(id)));
    }
    if (!stage || !stage.key) sent.textContent = '';
    else if (stage.result) sent.textContent = `Voting closed. Answer: ${LABELS[stage.result.truth] || '?'}.` +
      (v ? ` You said: ${LABELS[OPTIONS.indexOf(v.choice)]}.` : '');
    else if (!open) sent.textContent = 'Voting is closed for this stage.';
    else if (!v) sent.textContent = 'Tap your answer.';
    else sent.textContent = v.acked ? `Counted: ${LABELS[OPTIONS.indexOf(v.choice)]}` : 'Sending…';
    document.body.dataset.voter = JSON.stringify({ key: stage && stage.key, open, choice: v ? v.choice : null,
                                                   acked: !!(v && v.acked), seq: v ? v.seq : 0 });
  }

  function setStage(s) {
    if (!s || typeof s !== 'object') return;
    const changed = !stage || stage.key !== s.key;
    stage = s;
    if (changed) {
      const c = library.cases.get(s.case);
      const st = c && c.stages[s.stage];
      stageTitle.textContent = st ? `${c.stages.length > 1 ? `Stage ${s.stage + 1}: ` : ''}${st.title}` : 'Waiting for the lecturer…';
      narrative.textContent = st ? st.narrative : '';
      window.scrollTo(0, 0);
    }
    showPictures(s);
    show();
    if (s.open && mine[s.key] && !mine[s.key].acked) send();
  }

  // The stage's pictures, once the lecturer's page has put them on the site (the stage message then
  // carries their count): each with its caption, its text description as alt text.
  let picturesShown = '';
  async function showPictures(s) {
    const c = library.cases.get(s.case);
    const st = c && c.stages[s.stage];
    const n = st && Array.isArray(st.pictures) ? Math.min(st.pictures.length, 8) : 0;
    const ready = n > 0 && s.pictures === n;
    const want = `${s.key}:${ready}`;
    if (want === picturesShown) return;
    picturesShown = want;
    figures.textContent = '';
    if (!n) return;
    if (!ready) { figures.append(el('p', 'voter-pictures-wait', n === 1 ? 'The picture is on the projector (coming here).' : 'The pictures are on the projector (coming here).')); return; }
    const dir = `class-pictures/${room}/${encodeURIComponent(s.case)}/${s.stage}/`;
    try {
      const r = await fetch(dir + 'index.json');
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const list = await r.json();
      if (picturesShown !== want) return;
      list.forEach((p, i) => {
        const figure = el('figure', 'voter-picture');
        const img = el('img');
        img.alt = String(p.description);
        img.width = p.width;
        img.height = p.height;
        img.src = `${dir}${i}.jpg`;
        figure.append(img, el('figcaption', '', String(p.caption)));
        figures.append(figure);
      });
    } catch {
      picturesShown = '';  // tried again with the next stage message or after a reconnection
      figures.append(el('p', 'voter-pictures-wait', 'The pictures are on the projector.'));
    }
  }

  let nc = null;
  let sending = null;
  async function send() {
    if (!nc || !stage || !stage.open || sending) return;
    const k = stage.key;
    const v = mine[k];
    if (!v || v.acked) return;
    const body = JSON.stringify({ voter, key: k, choice: v.choice, causes: v.causes, seq: v.seq });
    sending = nc.request(`dah.${room}.vote`, enc.encode(body), { timeout: 4000 })
      .then((m) => {
        const r = JSON.parse(dec.decode(m.data));
        if (r.ok && r.seq === v.seq && mine[k] === v) { v.acked = true; keep(); }
        else if (!r.ok && r.why === 'closed') stage = { ...stage, open: stage.key === k ? false : stage.open };
      })
      .catch(() => { /* no lecturer or no network: tried again below */ })
      .finally(() => {
        sending = null;
        show();
        const pending = stage && stage.open ? mine[stage.key] : null;
        if (pending && !pending.acked) setTimeout(send, pending === v ? 1500 : 0);  // a changed mind goes at once
      });
  }

  function vote({ choice, causes }) {
    if (!stage || !stage.open) return;
    const previous = mine[stage.key];
    mine[stage.key] = { choice, causes: causes || (previous ? previous.causes : []), seq: (previous ? previous.seq : 0) + 1, acked: false };
    keep();
    show();
    if (!sending) send();
  }

  async function join() {
    try {
      const m = await nc.request(`dah.${room}.join`, enc.encode('{}'), { timeout: 4000 });
      setStage(JSON.parse(dec.decode(m.data)));
    } catch {
      setTimeout(() => { if (nc && !nc.isClosed()) join(); }, 2000);  // no lecturer yet
    }
  }

  nc = await connectTo(room, `student-${room}`, key, (s) => {
    if (s.type === 'disconnect') status.textContent = 'Connection lost: reconnecting… (your votes are kept)';
    else if (s.type === 'reconnect') { status.textContent = 'Connected'; join(); }
    show();
  }).catch((e) => {
    status.textContent = 'Cannot reach the class server: ' + e.message;
    return null;
  });
  if (!nc) return;
  status.textContent = 'Connected';
  const sub = nc.subscribe(`dah.${room}.stage`);
  (async () => {
    for await (const m of sub) {
      try { setStage(JSON.parse(dec.decode(m.data))); } catch { /* only the lecturer may publish here */ }
    }
  })();
  join();
  show();
}

// The accessible mirror: the app draws on a canvas, which a screen reader cannot read, so this keeps a
// visually hidden DOM copy of what is on screen — headings, text, buttons, sliders, check boxes, lists,
// tables, pictures with their descriptions — in the same reading order, and a polite live region.
// The app sends its tree (web/ui/a11y_tree.hpp) only when a frame changed it; the copy is updated in
// place (each node keyed by its control id), so a screen reader's position survives an update. What
// the learner does here goes back as intents: activate (a click), set a value, type, focus. ImGui's
// keyboard focus moves the DOM focus the other way. Loaded by loader.js after the first frame.
'use strict';
(function () {
  const INTENT = { activate: 0, value: 1, text: 2, focus: 3 };
  const FLAG = { checked: 1, disabled: 2, current: 4, dialog: 8, window: 16 };
  // Keys the DOM keeps when a mirrored control has the focus (the rest reach the app: its shortcuts).
  const KEPT = {
    button: new Set(['Tab', 'Enter', ' ']),
    checkbox: new Set(['Tab', ' ']),
    radio: new Set(['Tab', ' ', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']),
  };
  // A slider's keys, as the ARIA authoring practices give them: the step (1 %, or a twentieth of a
  // small range), ten steps, the ends.
  function sliderTarget(el, key) {
    const min = Number(el.getAttribute('aria-valuemin')), max = Number(el.getAttribute('aria-valuemax'));
    const now = Number(el.getAttribute('aria-valuenow'));
    const step = max - min <= 10 ? 0.05 : 1;
    const to = { ArrowRight: now + step, ArrowUp: now + step, ArrowLeft: now - step, ArrowDown: now - step,
      PageUp: now + 10 * step, PageDown: now - 10 * step, Home: min, End: max }[key];
    return to === undefined ? null : Math.min(max, Math.max(min, Math.round(to / step) * step));
  }

  function install(module, app) {
    const root = document.createElement('div');
    root.id = 'a11y-mirror';
    root.className = 'a11y-mirror';
    const main = document.createElement('main');
    main.setAttribute('aria-label', 'DAH Tutor');
    const title = document.createElement('h1');
    title.textContent = 'DAH Tutor';
    title.dataset.id = 'title';
    title.tabIndex = -1;
    const content = document.createElement('div');
    const live = document.createElement('div');
    live.id = 'a11y-live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    main.append(title, content, live);
    root.append(main);
    document.body.append(root);

    let elements = new Map();  // key → element, from the last update
    let lastText = '', lastFocus = '', lastAnnouncement = -1;

    function withString(text, use) {
      const n = module.lengthBytesUTF8(text) + 1;
      const p = module._malloc(n);
      module.stringToUTF8(text, p, n);
      try { return use(p); } finally { module._free(p); }
    }
    function intent(kind, id, value, text) {
      if (!id) return;
      withString(id, (pid) => withString(text || '', (pt) => module._dah_a11y_intent(app, kind, pid, value || 0, pt)));
    }

    // The flat node list → a tree: tables and regions hold what follows them until their end node; a
    // window region also ends where the next window's begins.
    function treeOf(nodes) {
      const top = { children: [] };
      const stack = [top];
      const seen = new Map();
      const keyOf = (n) => {
        const base = n.id || n.role + '|' + n.name;
        const k = (seen.get(base) || 0) + 1;
        seen.set(base, k);
        return k === 1 ? base : base + '|' + k;
      };
      for (const [role, id, name, value, now, min, max, flags, row, col] of nodes) {
        const n = { role, id, name, value, now, min, max, flags, row, col };
        if (role === 'G' || role === 'e') {
          while (stack.length > 1 && stack[stack.length - 1].auto) stack.pop();
          if (stack.length > 1) stack.pop();
          continue;
        }
        if (role === 'g' && (flags & FLAG.window))
          while (stack.length > 1 && stack[stack.length - 1].auto) stack.pop();
        n.key = keyOf(n);
        stack[stack.length - 1].children.push(n);
        if (role === 't' || role === 'g') {
          n.children = [];
          n.auto = role === 'g' && (flags & FLAG.window) !== 0;
          stack.push(n);
        }
      }
      return top.children;
    }

    const setAttr = (el, name, value) => {
      if (value === null || value === undefined || value === false) { if (el.hasAttribute(name)) el.removeAttribute(name); }
      else if (el.getAttribute(name) !== String(value)) el.setAttribute(name, String(value));
    };
    const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };

    function create(n) {
      let el;
      switch (n.role) {
        case 'h': el = document.createElement('h2'); break;
        case 'b': el = document.createElement('button'); el.type = 'button'; break;
        case 'c': el = document.createElement('input'); el.type = 'checkbox'; break;
        case 'r': el = document.createElement('input'); el.type = 'radio'; break;
        case 's':  // an ARIA slider: its value text ("37 %") is read, which a native range input would not
          el = document.createElement('div');
          el.setAttribute('role', 'slider');
          el.setAttribute('aria-orientation', 'horizontal');
          el.tabIndex = 0;
          break;
        case 'n': el = document.createElement('input'); el.type = 'number'; break;
        case 'x': el = document.createElement('input'); el.type = 'text'; break;
        case 'o': el = document.createElement('select'); break;
        case 'i': el = document.createElement('div'); el.setAttribute('role', 'img'); break;
        case 't': el = document.createElement('table'); break;
        case 'g':
          if (n.flags & FLAG.dialog) { el = document.createElement('div'); el.setAttribute('role', 'dialog'); }
          else el = document.createElement(n.id === 'nav' ? 'nav' : 'section');
          break;
        default: el = document.createElement('p');
      }
      el.dataset.kind = n.role;
      el.kind = n.role;  // read on every update: an own property is cheaper than dataset
      if (n.id) el.dataset.id = n.id;
      return el;
    }

    function update(el, n) {
      const disabled = (n.flags & FLAG.disabled) !== 0;
      switch (n.role) {
        case 'b':
          setText(el, n.name);
          setAttr(el, 'aria-keyshortcuts', n.value || null);
          setAttr(el, 'aria-disabled', disabled ? 'true' : null);
          setAttr(el, 'aria-current', (n.flags & FLAG.current) ? 'true' : null);
          break;
        case 'c': case 'r':
          setAttr(el, 'aria-label', n.name);
          setAttr(el, 'aria-keyshortcuts', n.value || null);
          setAttr(el, 'aria-disabled', disabled ? 'true' : null);
          if (n.role === 'r') el.name = n.id.slice(0, n.id.lastIndexOf('.'));
          el.checked = (n.flags & FLAG.checked) !== 0;
          break;
        case 's':
          setAttr(el, 'aria-label', n.name);
          setAttr(el, 'aria-valuemin', n.min);
          setAttr(el, 'aria-valuemax', n.max);
          setAttr(el, 'aria-valuenow', n.now);
          setAttr(el, 'aria-valuetext', n.value);
          setAttr(el, 'aria-disabled', disabled ? 'true' : null);
          break;
        case 'n':
          setAttr(el, 'aria-label', n.name);
          if (document.activeElement !== el) el.value = String(n.now);
          break;
        case 'x':
          setAttr(el, 'aria-label', n.name);
          if (document.activeElement !== el && el.value !== n.value) el.value = n.value;
          break;
        case 'o': {
          setAttr(el, 'aria-label', n.name);
          const options = n.value.split('\n').slice(0, -1);
          if (el.dataset.options !== n.value) {
            el.replaceChildren(...options.map((o) => { const op = document.createElement('option'); op.textContent = o; return op; }));
            el.dataset.options = n.value;
          }
          if (el.selectedIndex !== n.now) el.selectedIndex = n.now;
          break;
        }
        case 'i': setAttr(el, 'aria-label', n.value ? n.name + ': ' + n.value : n.name); break;
        case 't': updateTable(el, n); break;
        case 'g': setAttr(el, 'aria-label', n.name); break;
        default: setText(el, n.name);
      }
    }

    // A table is small (or, the explorer, only its rows in view): rebuilt whole when its cells change.
    function updateTable(el, n) {
      const signature = n.name + '\u0001' + n.children.map((c) => c.role + c.row + ',' + c.col + '\u0002' + c.id + '\u0002' + c.name).join('\u0001');
      if (el.dataset.signature === signature) return;
      el.dataset.signature = signature;
      const caption = document.createElement('caption');
      caption.textContent = n.name;
      const rows = [];
      for (const c of n.children) {
        if (c.role !== 'H' && c.role !== 'd') continue;
        let tr = rows[c.row];
        if (!tr) tr = rows[c.row] = document.createElement('tr');
        const cell = document.createElement(c.role === 'H' ? 'th' : 'td');
        if (c.role === 'H') cell.scope = 'col';
        cell.textContent = c.name;
        if (c.id) cell.dataset.id = c.id;
        tr.append(cell);
      }
      el.replaceChildren(caption, ...rows.filter(Boolean));
    }

    // Puts the new nodes under `parent`, reusing the elements of the last update by key and moving
    // or touching only what differs.
    function reconcile(parent, nodes, next) {
      // What goes away goes first, so that the elements kept are met in order below and stay put (a
      // move is a removal and an insertion, for the page and for the screen reader).
      const kept = new Set();
      for (const n of nodes) {
        const el = elements.get(n.key);
        if (el && el.kind === n.role && el.parentNode === parent) kept.add(el);
      }
      for (let c = parent.firstChild; c;) {
        const after = c.nextSibling;
        if (!kept.has(c)) parent.removeChild(c);
        c = after;
      }
      let cursor = parent.firstChild;
      for (const n of nodes) {
        if ((n.role === 'p' || n.role === 'h') && !n.name) continue;
        if (n.id === 'title') continue;  // the page's own heading (h1) stands for it
        let el = elements.get(n.key);
        if (!el || el.kind !== n.role) el = create(n);
        next.set(n.key, el);
        update(el, n);
        if (el === cursor) cursor = cursor.nextSibling;
        else parent.insertBefore(el, cursor);
        if (n.role === 'g') reconcile(el, n.children, next);
      }
      while (cursor) {
        const after = cursor.nextSibling;
        parent.removeChild(cursor);
        cursor = after;
      }
    }

    function apply(text) {
      if (!text || text === lastText) return;
      lastText = text;
      const tree = JSON.parse(text);
      const focused = document.activeElement;
      const hadFocus = focused && root.contains(focused) && focused !== title;
      const next = new Map();
      reconcile(content, treeOf(tree.n), next);
      elements = next;
      // The control with the focus went away (a new screen): the focus goes to the page's heading.
      if (hadFocus && !root.contains(focused)) title.focus({ preventScroll: true });
      // ImGui's keyboard focus moved (arrow keys on the canvas): the DOM's follows.
      const moved = tree.f && tree.f !== lastFocus;
      lastFocus = tree.f;  // before focus(): its focusin must not send the app its own focus back
      if (moved) {
        const el = content.querySelector('[data-id="' + CSS.escape(tree.f) + '"]');
        const active = document.activeElement;
        // Onto a button or a check box only, which leave the keys they do not use to the app: a text
        // field, a list or a slider would keep the very keys (arrows, digits) that moved the app's focus.
        const fromPage = !active || active === document.body || active.id === 'canvas';
        if (el && el !== active && (fromPage || root.contains(active)) && 'bc'.includes(el.dataset.kind))
          el.focus({ preventScroll: true });
      }
      const [number, sentence] = tree.a;
      if (number !== lastAnnouncement) {
        // Not the first tree: what was already on screen is not news.
        if (lastAnnouncement >= 0 && sentence) announce(sentence);
        lastAnnouncement = number;
      }
    }

    function announce(sentence) {
      // At once (the announcement is due within half a second of the action); the same sentence twice
      // differs by a trailing space, so that it is read again.
      live.textContent = live.textContent === sentence ? sentence + '\u00a0' : sentence;
    }

    const idOf = (el) => (el && el.dataset ? el.dataset.id || '' : '');
    root.addEventListener('click', (e) => {
      const el = e.target.closest('button');
      if (el && root.contains(el) && el.getAttribute('aria-disabled') !== 'true') intent(INTENT.activate, idOf(el));
    });
    root.addEventListener('change', (e) => {
      const el = e.target;
      if (el.type === 'checkbox' || el.type === 'radio') intent(INTENT.activate, idOf(el));
      else if (el.tagName === 'SELECT') intent(INTENT.value, idOf(el), el.selectedIndex);
      else if (el.type === 'number') intent(INTENT.value, idOf(el), Number(el.value));
    });
    root.addEventListener('input', (e) => {
      const el = e.target;
      if (el.type === 'text') intent(INTENT.text, idOf(el), 0, el.value);
    });
    root.addEventListener('focusin', (e) => {
      const id = idOf(e.target);
      if (id && id !== lastFocus && id !== 'title') intent(INTENT.focus, id);
    });
    // Called by loader.js's keyboard listener on the window, which runs before the app's own: keys that a
    // focused mirror control needs stay in the DOM (Tab moves the DOM focus, and ImGui's follows).
    window.dahTutor.mirrorKey = (e) => {
      const el = e.target;
      const inside = el && el.nodeType === 1 && root.contains(el);
      if (!inside) {
        if (e.key === 'Tab' && (el === document.body || (el && el.id === 'canvas'))) e.stopImmediatePropagation();
        return;
      }
      if (el.dataset.kind === 's' && e.type === 'keydown' && el.getAttribute('aria-disabled') !== 'true') {
        const to = sliderTarget(el, e.key);
        if (to !== null) {
          e.stopImmediatePropagation();
          e.preventDefault();
          el.setAttribute('aria-valuenow', String(to));  // the next key steps from here, before the app's answer
          intent(INTENT.value, idOf(el), to);
          return;
        }
      }
      const kind = el.tagName === 'BUTTON' ? 'button' : el.type === 'checkbox' ? 'checkbox' : el.type === 'radio' ? 'radio'
        : (el.tagName === 'SELECT' || el.tagName === 'INPUT') ? 'all' : 'other';
      if (kind === 'all' || e.key === 'Tab' || (KEPT[kind] && KEPT[kind].has(e.key))) e.stopImmediatePropagation();
    };

    // The app hands over its tree inside its frame; the DOM is updated right after the frame (a task of
    // its own, so that the frame's time stays the frame's), with the latest tree only.
    let pending = null;
    window.dahTutor.mirror = (text) => {
      if (pending === null) setTimeout(flush, 0);
      pending = text;
    };
    // How long the last updates took (ms; the last 200), for the tests and the benchmark.
    const times = window.dahTutor.mirrorTimes = [];
    function flush() {
      const t0 = performance.now();
      const text = pending;
      pending = null;
      apply(text);
      if (times.push(performance.now() - t0) > 200) times.shift();
    }
    apply(module.UTF8ToString(module._dah_a11y_tree(app)));
    return root;
  }

  window.DahMirror = { install };
})();

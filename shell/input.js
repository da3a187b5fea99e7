// Text and the clipboard for the app (web/html5_input.cpp), which draws its text fields on the canvas:
// a real, invisible text field takes the focus at the caret while an app text field is active, so input
// methods (Chinese, Japanese, Korean composition), dead keys, phone keyboards and pastes work as in any
// page; what is committed goes to the app as text. Copy and cut put the app field's selection on the
// clipboard through the browser's own copy and cut events (no permission asked).
'use strict';
window.dahTutorInput = function installInput(module, app, canvas) {
  const field = document.createElement('input');
  field.type = 'text';
  field.id = 'text-entry';
  field.setAttribute('aria-label', 'Text entry');
  // Out of the Tab order and hidden from assistive technology: screen readers type into the accessible
  // mirror's own text fields (mirror.js); this one takes the focus only while a field on the canvas is
  // active (clicked or tapped), for input methods, dead keys and phone keyboards.
  field.tabIndex = -1;
  field.setAttribute('aria-hidden', 'true');
  for (const [name, value] of [['autocomplete', 'off'], ['autocorrect', 'off'], ['autocapitalize', 'off'],
    ['spellcheck', 'false'], ['enterkeyhint', 'done']]) field.setAttribute(name, value);
  field.className = 'text-entry';
  document.body.appendChild(field);
  let composing = false, active = false;

  function send(text, to = module._dah_text_input) {
    if (!text) return;
    const n = module.lengthBytesUTF8(text) + 1;
    const p = module._malloc(n);
    module.stringToUTF8(text, p, n);
    to(app, p);
    module._free(p);
  }
  // Committed text leaves the field at once: the app's field holds the text, this one stays empty.
  field.addEventListener('compositionstart', () => { composing = true; });
  field.addEventListener('compositionend', (e) => { composing = false; send(e.data); field.value = ''; });
  field.addEventListener('input', (e) => {
    if (composing || e.isComposing) return;
    send(field.value);
    field.value = '';
  });
  // A paste anywhere on the page goes to the active app field, on one line (the app's fields are lines).
  document.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    send(text.replace(/\s*[\r\n]+\s*/g, ' ').trim(), module._dah_paste_text);
  });
  const copy = (e) => {
    const text = module.UTF8ToString(module._dah_copy_text(app));
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  document.addEventListener('copy', copy);
  document.addEventListener('cut', copy);  // the app deletes the selection itself (Ctrl+X reaches it)
  // Chromium runs copy and cut only when something is selected in the page, or when beforecopy /
  // beforecut is cancelled: the text is in the app's field, not in this empty one.
  const allow = (e) => { if (active && module.UTF8ToString(module._dah_copy_text(app))) e.preventDefault(); };
  document.addEventListener('beforecopy', allow);
  document.addEventListener('beforecut', allow);

  // The app calls this after a frame when its text field becomes active (with the caret's position, where
  // an input method shows its candidates) or inactive.
  window.dahTutor.textField = (on, x, y, lineHeight) => {
    active = on;
    if (on) {
      field.style.left = Math.max(0, x) + 'px';
      field.style.top = Math.max(0, y) + 'px';
      field.style.height = lineHeight + 'px';
      if (document.activeElement !== field) field.focus({ preventScroll: true });
    } else if (document.activeElement === field) {
      composing = false;
      field.value = '';
      // Back to the canvas where it takes the focus; the canvas is hidden from assistive technology and
      // out of the Tab order (the accessible mirror has the controls), so the field is left: the page's
      // key listeners still reach the app.
      canvas.focus({ preventScroll: true });
      if (document.activeElement === field) field.blur();
    }
  };
  // A click that leaves the app's field active keeps the focus here (the canvas would take it).
  canvas.addEventListener('pointerup', () => { if (active) field.focus({ preventScroll: true }); });
};

// Starts the stock Dear ImGui example (the baseline) and exposes the same hook the benchmark reads from
// DAH Tutor: window.dahTutor.{ready, error, frames()} and a 'dah-first-frame' performance mark. A frame
// is one run of emscripten's main-loop callback (the example draws on every one).
'use strict';
(function () {
  let frames = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((t) => {
    callback(t);
    frames += 1;
    if (frames === 1) performance.mark('dah-first-frame');
  });
  window.dahTutor = { ready: false, error: null, frames: () => frames };
  const script = document.createElement('script');
  script.src = 'baseline.js';
  script.onload = () => {
    createDahTutor({
      canvas: document.getElementById('canvas'),
      onAbort: (what) => { window.dahTutor.error = String(what); },
    }).then((module) => {
      window.dahTutor.module = module;
      module.callMain([]);
      window.dahTutor.ready = true;
    }, (e) => { window.dahTutor.error = String(e); });
  };
  script.onerror = () => { window.dahTutor.error = 'baseline.js could not be loaded'; };
  document.head.appendChild(script);
})();

// vote.html's script: a phone's voter view (class_mode.js), or a message when the link is not a class's.
import { start } from './class_mode.js';

window.dahTutor = window.dahTutor || {};
start(async () => {
  document.getElementById('status').textContent = 'This is not a complete class link: scan the code on the projector again.';
}).catch((e) => {
  document.getElementById('status').textContent = 'The live class could not start: ' + (e && e.message ? e.message : String(e));
});

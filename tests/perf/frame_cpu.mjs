// The UI frame's CPU time, as the frame budgets count it: the main thread's own time in each
// animation-frame callback that drew a frame (Chromium's trace: tdur of FireAnimationFrame), without
// the time the thread waited for a core or for the GPU process. On two cores shared with Chromium's
// software rasteriser the wall time of the same callback (dahTutor.frameTimeMs()) is often several
// times longer; the benchmarks report both.
//   await markDrawnFrames(page)   before page.goto: marks each callback that drew a frame
//   await startCpuTrace(browser, page) ... const frames = await stopCpuTrace(browser)
//   frames: [{ ts, ms }] in trace time (µs), with the trace's own marks named in `marks` ({ name: [ts] })

export async function markDrawnFrames(page) {
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf((t) => {
      const tutor = window.dahTutor;
      const before = tutor && tutor.frames ? tutor.frames() : -1;
      callback(t);
      if (before >= 0 && tutor.frames() !== before) performance.mark('dah-frame-drawn');
    });
  });
}

export async function startCpuTrace(browser, page) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
}

export async function stopCpuTrace(browser, markNames = []) {
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents || trace;
  const drawn = events.filter((e) => e.name === 'dah-frame-drawn').map((e) => e.ts).sort((a, b) => a - b);
  const frames = [];
  for (const c of events) {
    if (c.name !== 'FireAnimationFrame' || c.tdur == null) continue;
    if (drawn.some((t) => t >= c.ts && t <= c.ts + c.dur)) frames.push({ ts: c.ts, ms: c.tdur / 1000 });
  }
  frames.sort((a, b) => a.ts - b.ts);
  const marks = Object.fromEntries(markNames.map((n) => [n, events.filter((e) => e.name === n).map((e) => e.ts).sort((a, b) => a - b)]));
  return { frames, marks };
}

export function summary(ms) {
  if (!ms.length) return null;
  const s = [...ms].sort((a, b) => a - b);
  const round = (x) => Math.round(x * 1000) / 1000;
  return { frames: s.length, mean_ms: round(s.reduce((a, b) => a + b, 0) / s.length),
    p95_ms: round(s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]), max_ms: round(s[s.length - 1]) };
}

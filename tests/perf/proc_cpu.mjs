// CPU time of a process tree from /proc (Linux): the Chromium processes playwright started are
// descendants of this node process. Ticks are utime + stime of /proc/<pid>/stat.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const ticksPerSecond = (() => {
  try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100; } catch { return 100; }
})();

function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');  // f[0] = state, f[1] = ppid, f[11] = utime, f[12] = stime
    return { pid, comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;  // the process ended meanwhile
  }
}

// The descendants of `rootPid` (not the root itself): pid → { comm, ppid }.
export function chromiumProcessTree(rootPid) {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readStat(Number(d))).filter(Boolean);
  const children = new Map();
  for (const p of all) { if (!children.has(p.ppid)) children.set(p.ppid, []); children.get(p.ppid).push(p); }
  const tree = new Map();
  const queue = [rootPid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) || []) { tree.set(c.pid, c); queue.push(c.pid); }
  }
  return tree;
}

// pid → ticks for the processes of `tree` (still running).
export function cpuTicks(tree) {
  const out = new Map();
  for (const pid of tree.keys()) { const s = readStat(pid); if (s) out.set(pid, s.ticks); }
  return out;
}

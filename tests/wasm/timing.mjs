// The causal model's timings, WASM under node against native (network_timing.cpp built both ways): runs
// the two one after the other, ROUNDS times (the machine's load changes; interleaving shares it), and
// prints per operation each build's median over the rounds of its medians, and its fastest batch of all
// (on a shared machine the steadier figure), with the ratios.
//   node timing.mjs --wasm build/web/bin/dah_network_timing.js
//                   --native build/native-release/bin/dah_network_timing
//                   --kb cases/knowledge-base-v2.json [--rounds 3]
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const wasm = option('--wasm');
const native = option('--native');
const kb = option('--kb');
const rounds = Number(option('--rounds', '3'));
if (!wasm || !native || !kb) {
  console.error('usage: node timing.mjs --wasm DAH_NETWORK_TIMING.js --native DAH_NETWORK_TIMING ' +
                '--kb KB [--rounds N]');
  process.exit(2);
}

function run(tool) {
  const command = tool.endsWith('.js') ? process.execPath : tool;
  const argv = tool.endsWith('.js') ? [tool, kb] : [kb];
  const r = spawnSync(command, argv, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${tool} failed (${r.status}): ${(r.stderr ?? '').slice(0, 2000)}`);
    process.exit(1);
  }
  const out = new Map();
  for (const line of r.stdout.split('\n')) {
    const [name, median, fastest] = line.split(' ');
    if (name) out.set(name, [Number(median), Number(fastest)]);
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seen = { native: new Map(), wasm: new Map() };
for (let round = 0; round < rounds; ++round) {
  for (const [which, tool] of [['native', native], ['wasm', wasm]]) {
    for (const [name, us] of run(tool)) {
      if (!seen[which].has(name)) seen[which].set(name, []);
      seen[which].get(name).push(us);
    }
  }
}
console.log('| operation | native µs: median / fastest | WASM µs: median / fastest | ' +
            'WASM / native: median / fastest |');
console.log('|---|---|---|---|');
const fixed = (x) => x.toFixed(2);
for (const [name, values] of seen.native) {
  const wasmValues = seen.wasm.get(name) ?? [[NaN, NaN]];
  const n = [median(values.map((v) => v[0])), Math.min(...values.map((v) => v[1]))];
  const w = [median(wasmValues.map((v) => v[0])), Math.min(...wasmValues.map((v) => v[1]))];
  console.log(`| ${name} | ${fixed(n[0])} / ${fixed(n[1])} | ${fixed(w[0])} / ${fixed(w[1])} | ` +
              `${fixed(w[0] / n[0])} / ${fixed(w[1] / n[1])} |`);
}

/**
 * Summarises a V8 CPU profile (node --cpu-prof) by where the time went: self time grouped by
 * npm package or Tandem source file, plus the heaviest functions.
 *
 *   BENCH_CPU_PROFILE=/tmp/prof BENCH_ONLY=pg BENCH_ROUNDS=1 npm run bench
 *   node --import tsx bench/profile-summary.ts /tmp/prof/PostgreSQL-action-1.cpuprofile [top=25]
 *
 * (or any profile from `node --cpu-prof`, passing the number of requests it served as a third argument)
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** Written by bench/run.ts (BENCH_CPU_PROFILE): the requests served while profiling. */
  benchRequests?: number;
}

function groupOf(url: string): string {
  if (!url) return '(native / V8 / GC)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const src = /\/(src\/.*|bench\/.*)$/.exec(url);
  if (src) return src[1].replace(/\?.*$/, '');
  if (url.startsWith('node:')) return url;
  return url;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [top] [requests]');
  process.exit(1);
}
const top = Number(process.argv[3] || 25);
/** With the number of requests the profiled run served, figures are also shown per request. */
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const requests = Number(process.argv[4] || profile.benchRequests || 0);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});
const idle = [...self].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)');
const idleTime = idle.reduce((a, [, t]) => a + t, 0);
const busy = total - idleTime;

const groups = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, t] of self) {
  const node = byId.get(id)!;
  const name = node.callFrame.functionName;
  if (name === '(idle)') continue;
  const group = ['(garbage collector)', '(program)'].includes(name) ? name : groupOf(node.callFrame.url);
  groups.set(group, (groups.get(group) ?? 0) + t);
  const fn = `${name || '(anonymous)'}  ${groupOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + t);
}
// Native and node: internals charged to the nearest package or Tandem file that called them.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const owner = (url: string) => /node_modules\/|\/src\/|\/bench\//.test(url);
const charged = new Map<string, number>();
for (const [id, t] of self) {
  const node = byId.get(id)!;
  const name = node.callFrame.functionName;
  if (name === '(idle)') continue;
  let at: number | undefined = id;
  while (at !== undefined && !owner(byId.get(at)!.callFrame.url)) at = parent.get(at);
  const group =
    at === undefined
      ? ['(garbage collector)', '(program)'].includes(name)
        ? name
        : `(node, no package above: ${groupOf(node.callFrame.url)})`
      : groupOf(byId.get(at)!.callFrame.url);
  charged.set(group, (charged.get(group) ?? 0) + t);
}

// Inclusive (self + callees) time of Tandem's own functions: which platform step costs what.
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const f = byId.get(at)!.callFrame;
    if (!/\/src\//.test(f.url)) continue;
    const key = `${f.functionName || '(anonymous)'}  ${groupOf(f.url)}:${f.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + t);
  }
}

const pct = (t: number) =>
  `${((100 * t) / busy).toFixed(1).padStart(5)}%${requests ? `  ${(t / requests).toFixed(0).padStart(5)} us/req` : ''}`;
console.log(
  `busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled\n\nself time by package / file:`,
);
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${g}`);
console.log('\nself time charged to the nearest package / Tandem file up the stack:');
for (const [g, t] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${g}`);
console.log(
  '\nTandem functions, inclusive time (self + everything they call, async continuations excluded):',
);
for (const [f, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${f}`);
console.log('\nheaviest functions (self time):');
for (const [f, t] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${f}`);

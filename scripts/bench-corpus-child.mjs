/**
 * Child process of `npm run bench` (scripts/bench-corpus.ts): one measured corpus run in a process of its own, so
 * its peak RSS (main thread + worker threads) is the run's alone. Loads only the compiled build (dist/).
 *
 *   node scripts/bench-corpus-child.mjs pool <corpus> <out.jsonl> <jobs> <copies>
 *     `iacjudge corpus` over the tf-hcl tasks, the task list repeated <copies> times (copy k keyed `copy<k>/<key>`,
 *     the same task folders: symlinked copies without the link), written to <out.jsonl>.
 *   node scripts/bench-corpus-child.mjs profile <corpus>
 *     the same analysis in this thread with IACJUDGE_PROFILE=1, on the workers' HCL back-end: milliseconds per phase
 *     (ingest, parse, stages).
 *
 * Prints one JSON line: { wallMs, cpuMs, maxRssMb, tasks, errors?, phases? }. cpuMs is the process's user + system
 * time over all its threads (less inflated than wall time by other load on the machine).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, pathToFileURL } from 'node:url';

const repo = resolve(import.meta.dirname, '..');
const dist = (p) => pathToFileURL(join(repo, 'dist/src', p)).href;
const [mode, corpus, ...rest] = process.argv.slice(2);
const cpuMs = () => Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000);
/**
 * Peak RSS of this process (all threads) in MB. On Linux from VmHWM: getrusage's maxRSS keeps, across exec, the
 * high-water mark of the process this one was forked from, so every run reported the bench's own peak (~1.5 GB after
 * its raw parse and hcl2json passes) instead of its own. Elsewhere maxRSS, with that caveat.
 */
const peakRssMb = () => {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
};
const { discoverTasks } = await import(dist('corpus/discover.js'));
const tasks = discoverTasks(corpus, ['tf-hcl']);

if (mode === 'pool') {
  const [out, jobs, copies] = rest;
  const { runPool } = await import(dist('corpus/pool.js'));
  const all = [];
  for (let k = 1; k <= Number(copies); k++) for (const t of tasks) all.push(Number(copies) > 1 ? { ...t, key: `copy${k}/${t.key}` } : t);
  const res = await runPool(all, { out, jobs: Number(jobs), timeoutMs: 120000, resume: false, workerUrl: new URL(dist('corpus/worker.js')) });
  console.log(JSON.stringify({ wallMs: res.wallMs, cpuMs: cpuMs(), maxRssMb: peakRssMb(), tasks: all.length, errors: res.errors }));
} else if (mode === 'profile') {
  if (process.env['IACJUDGE_PROFILE'] !== '1') throw new Error('profile mode needs IACJUDGE_PROFILE=1 in the environment');
  const { analyzeTask } = await import(dist('pipeline/run.js'));
  // The HCL back-end a corpus worker parses with (src/corpus/worker.ts), so the split is the workers' own.
  const { preferWasmBackend } = await import(dist('hcl/parser.js'));
  await preferWasmBackend();
  const { PHASE_TIMES, addPhaseTime } = await import(dist('pipeline/profile.js'));
  const t0 = performance.now();
  for (const t of tasks) {
    const s = performance.now();
    const result = analyzeTask(t.path);
    const j = performance.now();
    JSON.stringify(result);
    addPhaseTime('serialize', performance.now() - j);
    addPhaseTime('total', performance.now() - s);
  }
  const phases = Object.fromEntries([...PHASE_TIMES].map(([k, v]) => [k, Math.round(v)]));
  console.log(JSON.stringify({ wallMs: Math.round(performance.now() - t0), cpuMs: cpuMs(), maxRssMb: peakRssMb(), tasks: tasks.length, phases }));
} else {
  throw new Error(`bench-corpus-child: unknown mode ${mode}`);
}

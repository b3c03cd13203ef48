/**
 * `npm run bench`: speed figures over ../shared/corpus/dev (when present).
 *  (a) raw tree-sitter parsing of every HCL file the analysis parses (each task's model and ideal files),
 *  (a') the same with web-tree-sitter (WASM), the parser the corpus workers use (for comparison; ratios are to (a)),
 *  (b) @cdktf/hcl2json parsing of the same files,
 *  (c) the full `iacjudge corpus` analysis of the tf-hcl tasks with 1 and 2 jobs (each run a child process:
 *      scripts/bench/corpus.ts), the ratio to (a) (goal <= 2x with 2 jobs), (g) the per-stage split of one pass and
 *      (h) peak RSS for the dev corpus and for it replicated 5 times (goal: within 10%),
 *  (d) schema validation of a synthetic 1,000-resource configuration (runs without the corpus too),
 *  (e) CLI start-up: `iacjudge --version` and `iacjudge analyze` of a 3-line .tf folder, as ratios to a bare
 *      `node -e 0` measured in the same run, interleaved, so machine load moves all three alike (runs without the corpus too).
 * Prints wall and CPU time, tasks/s, lines/s, peak RSS, and the ratios (c)/(a) and (b)/(a).
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Parser from 'tree-sitter';
import HCL from '@tree-sitter-grammars/tree-sitter-hcl';
import { parse as hcl2json } from '@cdktf/hcl2json';
import { loadTask } from '../src/ingest/index.js';
import { isHclSource } from '../src/hcl/index.js';
import { discoverTasks } from '../src/corpus/discover.js';
import { syntheticConfiguration } from '../src/schema/bench.js';
import { validateConfiguration } from '../src/schema/checks.js';
import { activeSchema } from '../src/schema/index.js';
import { loadWasmBackend } from '../src/hcl/parser.js';
import { parseTerraformConstraint } from '../src/schema/version.js';
import { benchDashboard } from './bench/dashboard.js';
import { benchCorpus } from './bench/corpus.js';

const repo = resolve(import.meta.dirname, '..');
const corpus = resolve(repo, '../shared/corpus/dev');

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function benchSchema(): void {
  const schema = activeSchema();
  const target = parseTerraformConstraint('~> 6.0');
  validateConfiguration(syntheticConfiguration(50), { schema, target }); // warm the lazily loaded schema types
  const config = syntheticConfiguration(1000);
  const runs = 20;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) validateConfiguration(config, { schema, target });
  const ms = (performance.now() - t0) / runs;
  console.log(`(d) schema validation, 1,000 resources: ${ms.toFixed(1)} ms per run (goal: well under 1 s)`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Reports the child's own CPU time (user + system, all its threads) on fd 3 as it exits. Loaded into all three
 * measured commands alike. CPU time is what a busy machine does not inflate the way it inflates wall time.
 */
const CPU_PROBE = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); try { writeSync(3, String((u.user + u.system) / 1000)); } catch {} });`;

/** Wall and CPU milliseconds of one child process (its output discarded); a failed run aborts the bench. */
function runMs(args: string[]): { wall: number; cpu: number } {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--import', CPU_PROBE, ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - t0;
  // `analyze` exits 0 without --fail-on; anything else means the measured run is not the one intended.
  if (res.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${res.status}`);
  return { wall, cpu: Number(res.output[3] ?? NaN) };
}

function benchStartup(): void {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-startup-'));
  mkdirSync(join(dir, 'small'));
  writeFileSync(join(dir, 'small', 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
  const bin = join(repo, 'bin/iacjudge.js');
  const commands = { node: ['-e', '0'], version: [bin, '--version'], analyze: [bin, 'analyze', join(dir, 'small')] };
  const runs = { node: [] as { wall: number; cpu: number }[], version: [] as { wall: number; cpu: number }[], analyze: [] as { wall: number; cpu: number }[] };
  runMs(commands.version); // warm the file cache once
  // Interleaved: load on the machine moves the three alike.
  for (let i = 0; i < 11; i++) for (const k of ['node', 'version', 'analyze'] as const) runs[k].push(runMs(commands[k]));
  const m = (k: keyof typeof runs, what: 'wall' | 'cpu'): number => median(runs[k].map((r) => r[what]));
  for (const what of ['wall', 'cpu'] as const) {
    const node = m('node', what);
    const version = m('version', what);
    const analyze = m('analyze', what);
    console.log(
      `(e) start-up ${what === 'wall' ? 'wall time' : 'CPU time '}, median of 11: node -e 0 ${node.toFixed(0)} ms; iacjudge --version ${version.toFixed(0)} ms (${(version / node).toFixed(1)}x); analyze of a 3-line .tf folder ${analyze.toFixed(0)} ms (${(analyze / node).toFixed(1)}x)`,
    );
  }
  const ratio = m('analyze', 'wall') / m('node', 'wall');
  console.log(`    goal: analyze <= 3x a bare node start (wall): ${ratio <= 3 ? 'met' : 'NOT met'}`);
}

async function main(): Promise<void> {
  benchStartup();
  benchSchema();
  await benchDashboard();
  if (!existsSync(corpus)) {
    console.log(`bench: ${corpus} not found; the corpus benchmarks need ../shared/corpus/dev beside the repo.`);
    return;
  }
  const tasks = discoverTasks(corpus, ['tf-hcl']);
  // The HCL files the analysis itself parses: each task's model and ideal files as ingest hands them over.
  const files: { name: string; content: string }[] = [];
  for (const t of tasks) {
    const task = loadTask(t.path);
    for (const [side, response] of [['model', task.model], ['ideal', task.ideal]] as const) {
      for (const f of response?.files ?? []) if (isHclSource(f)) files.push({ name: `${t.key}/${side}/${f.path}`, content: f.content });
    }
  }
  const lines = files.reduce((n, f) => n + f.content.split('\n').length, 0);
  console.log(`corpus: ${tasks.length} tf-hcl tasks, ${files.length} HCL files, ${lines} lines`);

  const parser = new Parser();
  parser.setLanguage(HCL as unknown as Parser.Language);
  parser.parse(files[0]?.content ?? ''); // load the grammar's lazily built tables outside the measure
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (const f of files) parser.parse(f.content);
  const rawMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const rawCpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`(a) tree-sitter raw parse:   ${fmt(rawMs)} wall, ${fmt(rawCpuMs)} CPU  ${(lines / (rawMs / 1000)).toFixed(0)} lines/s`);

  // The corpus workers parse with the WASM build of the same grammar (src/hcl/parser.ts): its raw parse, for
  // comparison only; the goal stays a ratio to (a).
  const wasm = await loadWasmBackend();
  wasm.release(wasm.parse(files[0]?.content ?? ''));
  t0 = performance.now();
  for (const f of files) wasm.release(wasm.parse(f.content));
  const wasmMs = performance.now() - t0;
  console.log(`(a') the same, web-tree-sitter (WASM, the corpus workers' parser): ${fmt(wasmMs)} wall (${(wasmMs / rawMs).toFixed(2)}x (a))`);

  t0 = performance.now();
  for (const f of files) {
    try {
      await hcl2json(f.name.replace(/[^\w.]/g, '_'), f.content);
    } catch {
      // invalid files count too: the oracle spent the time
    }
  }
  const oracleMs = performance.now() - t0;
  console.log(`(b) @cdktf/hcl2json parse:   ${fmt(oracleMs)}  ${(lines / (oracleMs / 1000)).toFixed(0)} lines/s`);

  // (c), (g), (h): the corpus runs in child processes against (a) measured just above.
  benchCorpus(corpus, { wallMs: rawMs, cpuMs: rawCpuMs, files: files.length });
  console.log(`ratio (b)/(a): hcl2json / tree-sitter = ${(oracleMs / rawMs).toFixed(2)}x`);
}

await main();

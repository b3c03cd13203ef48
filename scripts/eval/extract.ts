/**
 * eval:extract — how markdown extraction and task ingestion behave over the dev corpus.
 *
 * Per platform: tasks, responses, files extracted by language, unnamed files, warnings by kind, responses that
 * yield no code file (listed), time; how many fences got each decision (file, excerpt, prose example, ...), the
 * tasks where an excerpt (or a cut-off copy) met a complete file, the responses cut off mid-file, and a check
 * that no file of a root module was dropped: every root-module file (lib/*.tf, lib/*.ts) the previous rule
 * (every named fence, later wins) would produce still exists. Then a named check: tf-hcl/Pr4693's
 * MODEL_RESPONSE must yield its files under their own names. Reads ../shared/corpus/dev; exits 0 with a message
 * when it is absent.
 *
 * Usage: npx tsx scripts/eval/extract.ts [--verbose]
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTask } from '../../src/ingest/index.js';
import type { ResponseFiles } from '../../src/contracts/task.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/dev');
const verbose = process.argv.includes('--verbose');

if (!existsSync(corpus)) {
  console.log(`eval:extract: corpus not found at ${corpus}; nothing to evaluate.`);
  process.exit(0);
}

interface PlatformStats {
  tasks: number;
  responses: number;
  byLanguage: Map<string, number>;
  unnamed: number;
  warnings: Map<string, number>;
  noCode: string[];
  taskWarnings: Map<string, number>;
  decisions: Map<string, number>;
  /** `task/WHICH: path (kind at line N, complete at line M)` for every excerpt or cut copy of a named file. */
  excerptsMet: string[];
  truncated: string[];
  rootDropped: string[];
  ms: number;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function sorted(map: Map<string, number>): string {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${k}=${v}`).join(', ') || '-';
}

const CODE_LANGUAGE: Record<string, string> = { 'tf-hcl': 'hcl', 'cdktf-ts': 'ts' };
const results = new Map<string, PlatformStats>();
let failures = 0;

for (const platformDir of readdirSync(corpus).sort()) {
  const dir = path.join(corpus, platformDir);
  if (!existsSync(dir) || platformDir.endsWith('.json')) continue;
  const stats: PlatformStats = { tasks: 0, responses: 0, byLanguage: new Map(), unnamed: 0, warnings: new Map(), noCode: [], taskWarnings: new Map(), decisions: new Map(), excerptsMet: [], truncated: [], rootDropped: [], ms: 0 };
  results.set(platformDir, stats);
  const started = performance.now();
  for (const taskName of readdirSync(dir).sort()) {
    const taskDir = path.join(dir, taskName);
    let task;
    try {
      task = loadTask(taskDir);
    } catch (err) {
      failures++;
      console.log(`  CRASH ${platformDir}/${taskName}: ${(err as Error).message}`);
      continue;
    }
    stats.tasks++;
    for (const w of task.warnings) bump(stats.taskWarnings, w.kind ?? 'other');
    const responses: [string, ResponseFiles | null][] = [['MODEL', task.model], ['IDEAL', task.ideal]];
    for (const [which, response] of responses) {
      if (!response) continue;
      stats.responses++;
      for (const f of response.files) {
        bump(stats.byLanguage, f.language);
        if (/\/unnamed-\d+\./.test(f.path)) stats.unnamed++;
      }
      for (const w of response.warnings) {
        bump(stats.warnings, w.kind ?? 'other');
        if (verbose) console.log(`  ${platformDir}/${taskName} ${which}: ${w.message}`);
      }
      for (const d of response.fences ?? []) bump(stats.decisions, d.kind);
      for (const d of response.fences ?? []) {
        if ((d.kind === 'excerpt' || d.kind === 'truncated-copy') && d.of && !/\/unnamed-\d+\./.test(d.of)) {
          const complete = response.files.find((f) => f.path === d.of);
          stats.excerptsMet.push(`${taskName}/${which}: ${d.of} (${d.kind} at line ${d.line}, complete at line ${complete?.markdownLine ?? '?'})`);
        }
      }
      if (response.truncation) {
        const t = response.truncation;
        stats.truncated.push(`${taskName}/${which}: line ${t.markdownLine} in ${t.block ?? t.file}${t.recovered ? ' (earlier complete copy used)' : ''}`);
      }
      // Root module: every named root file a fence gave keeps a file (a complete version, or the only one).
      const kept = new Set(response.files.map((f) => f.path));
      const named = new Set((response.fences ?? []).flatMap((d) => (d.path && ['file', 'part', 'replaced'].includes(d.kind) ? [d.path] : d.of && d.kind !== 'duplicate' ? [d.of] : [])));
      for (const p of named) if (/^lib\/[^/]+\.(tf|ts)$/.test(p) && !/unnamed-/.test(p) && !kept.has(p)) stats.rootDropped.push(`${taskName}/${which}: ${p}`);
      const code = CODE_LANGUAGE[platformDir] ?? task.language;
      if (!response.files.some((f) => f.language === code)) stats.noCode.push(`${taskName}/${which}`);
    }
  }
  stats.ms = performance.now() - started;
}

for (const [platform, s] of results) {
  console.log(`\n== ${platform}`);
  console.log(`tasks ${s.tasks}, responses ${s.responses}, time ${(s.ms / 1000).toFixed(2)} s`);
  console.log(`files by language: ${sorted(s.byLanguage)}`);
  console.log(`unnamed files: ${s.unnamed}`);
  console.log(`extraction warnings by kind: ${sorted(s.warnings)}`);
  console.log(`task warnings by kind: ${sorted(s.taskWarnings)}`);
  console.log(`responses with zero ${CODE_LANGUAGE[platform] ?? 'code'} files: ${s.noCode.length}${s.noCode.length ? ` (${s.noCode.join(', ')})` : ''}`);
  console.log(`fence decisions: ${sorted(s.decisions)}`);
  console.log(`an excerpt or cut copy met a complete file: ${s.excerptsMet.length} fences in ${new Set(s.excerptsMet.map((e) => e.split(':')[0])).size} responses`);
  for (const e of s.excerptsMet) console.log(`  ${e}`);
  console.log(`responses cut off mid-file: ${s.truncated.length}`);
  for (const t of s.truncated) console.log(`  ${t}`);
  console.log(`root-module files dropped: ${s.rootDropped.length}${s.rootDropped.length ? ` (${s.rootDropped.join(', ')})` : ''}`);
  if (s.rootDropped.length > 0) failures++;
}

// Named check: a response with one `## **name.tf**` heading per file keeps every file under its own name.
const check = path.join(corpus, 'tf-hcl', 'Pr4693');
if (existsSync(check)) {
  const task = loadTask(check);
  const names = (task.model?.files ?? []).map((f) => f.path);
  const expected = ['lib/main.tf', 'lib/variables.tf', 'lib/outputs.tf', 'lib/cognito.tf', 'lib/api_gateway.tf'];
  const missing = expected.filter((e) => !names.includes(e));
  console.log(`\ncheck tf-hcl/Pr4693 MODEL_RESPONSE: ${names.join(', ')}`);
  console.log(missing.length === 0 ? 'check: OK (every expected name present)' : `check: FAILED, missing ${missing.join(', ')}`);
  if (missing.length > 0) failures++;
}
if (failures > 0) process.exitCode = 1;

/**
 * Corpus throughput and memory for `npm run bench` (issue 23), all measured in one run so the ratios share the
 * machine's load: the full `iacjudge corpus` of the dev tf-hcl tasks with 1 and 2 jobs against the raw tree-sitter
 * parse of the same HCL (measured by the caller), the per-stage split of one analysis pass, and the peak RSS of the
 * dev corpus against the dev corpus replicated 5 times.
 *
 * Each corpus run is a child process (scripts/bench-corpus-child.mjs) so its peak RSS is its own; it reports wall
 * time and CPU time (user + system over all threads). CPU time is what other workers on the machine inflate least.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
const CHILD = join(repo, 'scripts/bench-corpus-child.mjs');

interface ChildRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  tasks: number;
  errors?: number;
  phases?: Record<string, number>;
}

/** One child run; a failed one aborts the bench (its figures would not be the run intended). */
function child(args: string[], env: NodeJS.ProcessEnv = {}): ChildRun {
  const res = spawnSync(process.execPath, [CHILD, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`bench: bench-corpus-child ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as ChildRun;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const x = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

/** What the caller measured in its own process: the raw parse of the corpus' HCL files. */
export interface RawParse {
  wallMs: number;
  cpuMs: number;
  files: number;
}

export function benchCorpus(corpus: string, raw: RawParse): void {
  const out = mkdtempSync(join(tmpdir(), 'iacjudge-bench-corpus-'));
  const one = child(['pool', corpus, join(out, 'r1.jsonl'), '1', '1']);
  const two = child(['pool', corpus, join(out, 'r2.jsonl'), '2', '1']);
  const tasks = one.tasks;
  for (const [jobs, r] of [[1, one], [2, two]] as const) {
    console.log(
      `(c) iacjudge corpus, ${jobs} job${jobs > 1 ? 's' : ' '}: ${s(r.wallMs)} wall, ${s(r.cpuMs)} CPU  ${(tasks / (r.wallMs / 1000)).toFixed(1)} tasks/s  errors ${r.errors}  peak RSS ${r.maxRssMb.toFixed(0)} MB`,
    );
  }
  const identical = readFileSync(join(out, 'r1.jsonl'), 'utf8') === readFileSync(join(out, 'r2.jsonl'), 'utf8');
  console.log(`    output identical for 1 and 2 jobs: ${identical ? 'yes' : 'NO'}`);
  const ratio = two.wallMs / raw.wallMs;
  console.log(
    `ratios to (a) raw parse: corpus 2 jobs / raw = ${x(two.wallMs, raw.wallMs)} wall (goal <= 2x: ${ratio <= 2 ? 'met' : 'NOT met'}); ` +
      `1 job / raw = ${x(one.wallMs, raw.wallMs)} wall, ${x(one.cpuMs, raw.cpuMs)} CPU; speed-up 1 -> 2 jobs = ${x(one.wallMs, two.wallMs)}`,
  );

  const prof = child(['profile', corpus], { IACJUDGE_PROFILE: '1' });
  const phases = prof.phases ?? {};
  const total = phases['total'] ?? prof.wallMs;
  const groups: [string, number][] = [
    ['ingest (read, extract)', phases['ingest'] ?? 0],
    ['parse model', phases['parse:model'] ?? 0],
    ['parse ideal', phases['parse:ideal'] ?? 0],
    ...Object.entries(phases)
      .filter(([k]) => k.startsWith('stage:'))
      .map(([k, v]): [string, number] => [k.slice('stage:'.length), v]),
    ['serialize', phases['serialize'] ?? 0],
  ];
  const rest = total - groups.reduce((n, [, v]) => n + v, 0);
  groups.push(['other (config, result assembly)', rest]);
  console.log(`(g) per-stage split, one pass in one thread: ${s(total)} (${x(total, raw.wallMs)} the raw parse)`);
  for (const [name, ms] of groups.sort((a, b) => b[1] - a[1])) {
    if (ms < 0.0005 * total) continue;
    console.log(`    ${name.padEnd(32)} ${s(ms).padStart(9)}  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
  }

  const copies = 5;
  const many = child(['pool', corpus, join(out, 'r5.jsonl'), '2', String(copies)]);
  const growth = many.maxRssMb / two.maxRssMb - 1;
  console.log(
    `(h) peak RSS, 2 jobs: dev corpus (${tasks} tasks) ${two.maxRssMb.toFixed(0)} MB; replicated ${copies}x (${many.tasks} tasks) ${many.maxRssMb.toFixed(0)} MB ` +
      `(${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(1)}%, goal within 10%: ${Math.abs(growth) <= 0.1 ? 'met' : 'NOT met'}); ` +
      `${((1000 * many.maxRssMb) / many.tasks).toFixed(0)} MB per 1,000 tasks at ${copies}x; ${s(many.wallMs)} wall`,
  );
}

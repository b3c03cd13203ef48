/**
 * `npm run eval:score`: the training-quality score against the scores recorded in the dev corpus, with every
 * task's written analysis (lib/MODEL_FAILURES.md) ignored — the case of a user who brings no analysis.
 * Prints Spearman's rank correlation, MAE against the best constant guess, share within ±1, the low-score
 * detection (of the tasks recorded below 8, how many score below 8; of those recorded 8 or more, how many score
 * below 8: false lows), for the whole corpus, its two split halves (alternate tasks) and each platform; then
 * the confusion, which steps fired, and which drive the misses.
 * Flags: --limit N, --platform tf-hcl|cdktf-ts, --verbose (worst misses with their steps).
 */
import type { ScoreResult } from '../../src/contracts/pipeline.js';
import type { ScoreFacts } from '../../src/score/rubric.js';
import { corpusTasks, parseFlags, pct, recordedQuality, requireCorpus } from './corpus-tasks.js';
import { analyzeWithoutWrittenAnalysis } from './score-corpus.js';
import { spearman } from '../../src/corpus/stats.js';
import { createHash } from 'node:crypto';

requireCorpus('eval:score');
const flags = parseFlags();

interface Row {
  task: string;
  platform: string;
  recorded: number;
  predicted: number;
  result: ScoreResult;
  facts: ScoreFacts | null;
  /** Hash of the prompt and both responses' code: tasks with the same inputs share it. */
  inputs: string;
}

const rows: Row[] = [];
let failed = 0;
const started = Date.now();
for (const t of corpusTasks(flags)) {
  const recorded = recordedQuality(t.path);
  if (recorded === null) continue;
  try {
    const d = analyzeWithoutWrittenAnalysis(t.path);
    if (!d.result.score) continue;
    const inputs = createHash('sha256');
    inputs.update(d.task.prompt ?? '');
    for (const side of [d.task.model, d.task.ideal]) for (const f of side?.files ?? []) inputs.update(`\0${f.path}\0${f.content}`);
    rows.push({ task: t.key, platform: d.task.platform, recorded, predicted: d.result.score.trainingQuality, result: d.result.score, facts: d.facts, inputs: inputs.digest('hex') });
  } catch (err) {
    failed += 1;
    if (flags.verbose) console.error(`${t.key}: ${(err as Error).message}`);
  }
}

function mae(pairs: [number, number][]): number {
  return pairs.reduce((s, [a, b]) => s + Math.abs(a - b), 0) / Math.max(pairs.length, 1);
}

function bestConstant(recorded: number[]): { value: number; mae: number } {
  let best = { value: 0, mae: Infinity };
  for (let c = 0; c <= 10; c++) {
    const m = mae(recorded.map((r) => [c, r]));
    if (m < best.mae) best = { value: c, mae: m };
  }
  return best;
}

function line(of: Row[]): string {
  const pairs = of.map((r) => [r.predicted, r.recorded] as [number, number]);
  const within = pairs.filter(([p, r]) => Math.abs(p - r) <= 1).length;
  const constant = bestConstant(pairs.map((p) => p[1]));
  const rho = spearman(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
  const low = of.filter((r) => r.recorded < 8);
  const high = of.filter((r) => r.recorded >= 8);
  const caught = low.filter((r) => r.predicted < 8).length;
  const falseLows = high.filter((r) => r.predicted < 8).length;
  return (
    `n=${String(of.length).padEnd(4)} Spearman ${rho === null ? 'n/a  ' : rho.toFixed(3)}  MAE ${mae(pairs).toFixed(3)} (constant ${constant.value}: ${constant.mae.toFixed(3)})  ` +
    `within ±1 ${pct(within, of.length)}  low caught ${caught}/${low.length}  false lows ${falseLows}/${high.length} (${pct(falseLows, high.length)})`
  );
}

console.log(`eval:score: ${rows.length} tasks with a recorded score (${failed} failed to analyze) in ${((Date.now() - started) / 1000).toFixed(1)}s; MODEL_FAILURES.md ignored\n`);
if (!rows.length) process.exit(0);
console.log(`${'all'.padEnd(10)} ${line(rows)}`);
console.log(`${'half A'.padEnd(10)} ${line(rows.filter((_, i) => i % 2 === 0))}`);
console.log(`${'half B'.padEnd(10)} ${line(rows.filter((_, i) => i % 2 === 1))}`);
for (const platform of [...new Set(rows.map((r) => r.platform))].sort()) console.log(`${platform.padEnd(10)} ${line(rows.filter((r) => r.platform === platform))}`);

// Reviewer agreement on identical inputs: tasks whose prompt and both responses' code are the same were scored
// by different reviewers, so how far their recorded scores differ bounds what any score read from the inputs
// can reach (a few pairs: a rough bound, not a figure to tune against).
const byInputs = new Map<string, Row[]>();
for (const r of rows) byInputs.set(r.inputs, [...(byInputs.get(r.inputs) ?? []), r]);
const twins: [number, number][] = [];
for (const group of byInputs.values()) for (let i = 1; i < group.length; i++) twins.push([group[0]!.recorded, group[i]!.recorded]);
if (twins.length) {
  const same = twins.filter(([a, b]) => a === b).length;
  console.log(`\nidentical inputs: ${twins.length} pairs of tasks; their recorded scores differ by ${mae(twins).toFixed(3)} on average (MAE between reviewers), ${same} of ${twins.length} agree exactly`);
}

// Confusion: recorded (rows, rounded) × predicted (columns).
const labels = [...new Set([...rows.map((r) => Math.round(r.recorded)), ...rows.map((r) => r.predicted)])].sort((a, b) => a - b);
console.log('\nconfusion (rows: recorded, columns: predicted)');
console.log('rec\\pred ' + labels.map((l) => String(l).padStart(4)).join(''));
for (const rec of labels) {
  const of = rows.filter((r) => Math.round(r.recorded) === rec);
  if (!of.length) continue;
  console.log(String(rec).padStart(8) + ' ' + labels.map((p) => String(of.filter((r) => r.predicted === p).length || '.').padStart(4)).join(''));
}

// Which steps fired, with the recorded scores of the tasks they fired on.
const fired = new Map<string, Row[]>();
for (const r of rows) {
  for (const s of r.result.breakdown.steps) {
    if (s.step === 'base' || s.step === 'final' || s.step === 'note') continue;
    const moved = s.delta !== undefined ? s.delta : s.value;
    if (s.delta === 0) continue;
    const key = `${s.step} (${moved !== undefined && moved > 0 && s.delta !== undefined ? '+' : ''}${moved ?? ''})`;
    fired.set(key, [...(fired.get(key) ?? []), r]);
  }
}
console.log('\nsteps that moved a score: tasks (recorded below 8 / 8 or more)');
for (const [k, of] of [...fired.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
  const low = of.filter((r) => r.recorded < 8).length;
  console.log(`  ${String(of.length).padStart(4)}  ${k.padEnd(44)} ${low} / ${of.length - low}`);
}
const tierSizes = rows.map((r) => r.facts?.failures.length ?? 0);
const withA = rows.filter((r) => (r.facts?.failures ?? []).some((f) => f.fixClass === 'A')).length;
console.log(`\nfailure tier: ${tierSizes.reduce((a, b) => a + b, 0)} failures over ${rows.length} tasks (${rows.filter((r) => (r.facts?.failures.length ?? 0) > 0).length} tasks with at least one; ${withA} with a Category A failure)`);

const misses = rows.filter((r) => Math.abs(r.predicted - r.recorded) > 1);
console.log(`misses (|predicted − recorded| > 1): ${misses.length} of ${rows.length} (over ${misses.filter((r) => r.predicted > r.recorded).length}, under ${misses.filter((r) => r.predicted < r.recorded).length})`);
if (flags.verbose) {
  console.log('\nworst misses:');
  for (const r of [...misses].sort((a, b) => Math.abs(b.predicted - b.recorded) - Math.abs(a.predicted - a.recorded) || (a.task < b.task ? -1 : 1)).slice(0, 30)) {
    const moved = r.result.breakdown.steps.filter((s) => (s.delta !== undefined && s.delta !== 0) || s.step.startsWith('blocker')).map((s) => s.step);
    console.log(`  ${r.task.padEnd(26)} recorded ${r.recorded} predicted ${r.predicted}  ${moved.join(', ') || 'base only'}`);
  }
}

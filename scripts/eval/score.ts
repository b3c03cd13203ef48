/**
 * `npm run eval:score`: the training-quality score against the scores recorded in the dev corpus.
 * Prints share within ±1, MAE, the MAE of the best constant guess, Spearman's rank correlation, the confusion
 * by score and which rubric steps drive the misses, per platform too. `--variants` also scores alternative
 * tunings on the same findings: the literal reading of the guide (the previous default), blockers on/off.
 * Flags: --limit N, --platform tf-hcl|cdktf-ts, --verbose, --variants.
 */
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { scoreTask, DEFAULT_TUNING, LITERAL_TUNING, type ScoreTuning } from '../../src/score/stage.js';
import { DEFAULT_CONVENTIONS } from '../../src/rules/conventions.js';
import type { ScoreResult } from '../../src/pipeline/types.js';
import { corpusTasks, parseFlags, pct, recordedQuality, requireCorpus } from './corpus-tasks.js';
import { spearman } from '../../src/corpus/stats.js';

requireCorpus('eval:score');
const flags = parseFlags();
const withVariants = process.argv.includes('--variants');

const VARIANTS: Record<string, ScoreTuning> = {
  default: DEFAULT_TUNING,
  literal: LITERAL_TUNING,
  'literal-group-by-category': { ...LITERAL_TUNING, grouping: 'category' },
  'literal-diff-only': { ...LITERAL_TUNING, staticFixes: false },
  'with-services-blocker': { ...DEFAULT_TUNING, blockers: ['platform', 'region', 'services'] },
  'with-prompt-region': { ...DEFAULT_TUNING, regionFromPrompt: true },
  'no-blockers': { ...DEFAULT_TUNING, blockers: [] },
};

interface Row {
  task: string;
  platform: string;
  recorded: number;
  predicted: Record<string, number>;
  result: ScoreResult;
}

const rows: Row[] = [];
let failed = 0;
const started = Date.now();
for (const t of corpusTasks(flags)) {
  const recorded = recordedQuality(t.path);
  if (recorded === null) continue;
  try {
    const d = analyzeTaskDetailed(t.path);
    if (!d.result.score) continue;
    const predicted: Record<string, number> = { default: d.result.score.trainingQuality };
    if (withVariants) {
      const input = { task: d.task, model: d.model, ideal: d.ideal, findings: d.result.findings, conventions: DEFAULT_CONVENTIONS };
      for (const [name, tuning] of Object.entries(VARIANTS)) {
        if (name === 'default') continue;
        const r = scoreTask(input, tuning).result;
        if (r) predicted[name] = r.trainingQuality;
      }
    }
    rows.push({ task: t.key, platform: d.task.platform, recorded, predicted, result: d.result.score });
  } catch (err) {
    failed += 1;
    if (flags.verbose) console.error(`${t.key}: ${(err as Error).message}`);
  }
}

function mae(pairs: [number, number][]): number {
  return pairs.reduce((s, [a, b]) => s + Math.abs(a - b), 0) / Math.max(pairs.length, 1);
}

function line(name: string, of: Row[]): string {
  const pairs = of.filter((r) => r.predicted[name] !== undefined).map((r) => [r.predicted[name]!, r.recorded] as [number, number]);
  const within = pairs.filter(([p, r]) => Math.abs(p - r) <= 1).length;
  const recorded = pairs.map((p) => p[1]);
  const constMae = Math.min(...Array.from({ length: 11 }, (_, c) => mae(recorded.map((r) => [c, r]))));
  const rho = spearman(
    pairs.map((p) => p[0]),
    recorded,
  );
  return `n=${pairs.length}  within ±1: ${pct(within, pairs.length)}  MAE: ${mae(pairs).toFixed(3)} (constant ${constMae.toFixed(3)})  Spearman: ${rho === null ? 'n/a' : rho.toFixed(3)}`;
}

function report(name: string): void {
  console.log(`${name.padEnd(26)} ${line(name, rows)}`);
  for (const platform of [...new Set(rows.map((r) => r.platform))].sort()) console.log(`  ${platform.padEnd(24)} ${line(name, rows.filter((r) => r.platform === platform))}`);
}

console.log(`eval:score: ${rows.length} tasks with a recorded score (${failed} failed to analyze) in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
if (!rows.length) process.exit(0);
const recordedAll = rows.map((r) => r.recorded);
let bestConst = 0;
let bestConstMae = Infinity;
for (let c = 0; c <= 10; c++) {
  const m = mae(recordedAll.map((r) => [c, r]));
  if (m < bestConstMae) {
    bestConst = c;
    bestConstMae = m;
  }
}
console.log(`best constant guess: ${bestConst}  MAE ${bestConstMae.toFixed(3)}  within ±1: ${pct(recordedAll.filter((r) => Math.abs(r - bestConst) <= 1).length, rows.length)}`);
for (const name of Object.keys(withVariants ? VARIANTS : { default: 1 })) report(name);

// Confusion: recorded (rows) × predicted (columns), recorded scores rounded.
const labels = [...new Set([...rows.map((r) => Math.round(r.recorded)), ...rows.map((r) => r.predicted.default!)])].sort((a, b) => a - b);
console.log('\nconfusion (rows: recorded, columns: predicted)');
console.log('rec\\pred ' + labels.map((l) => String(l).padStart(4)).join(''));
for (const rec of labels) {
  const of = rows.filter((r) => Math.round(r.recorded) === rec);
  if (!of.length) continue;
  console.log(String(rec).padStart(8) + ' ' + labels.map((p) => String(of.filter((r) => r.predicted.default === p).length || '.').padStart(4)).join(''));
}

// Which steps drive the misses (|error| > 1): fix category, blocker, complexity, direction.
const misses = rows.filter((r) => Math.abs(r.predicted.default! - r.recorded) > 1);
const tally = new Map<string, number>();
const bump = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
for (const r of misses) {
  const dir = r.predicted.default! > r.recorded ? 'over' : 'under';
  const b = r.result.breakdown;
  if (b.blocker) bump(`${dir}: blocker ${r.result.breakdown.steps.find((s) => s.step.startsWith('blocker'))?.step ?? ''}`);
  else {
    const fixStep = b.steps.find((s) => s.step.startsWith('fixes: Category'));
    bump(`${dir}: ${fixStep?.step ?? 'fixes ?'} (${b.fixAdjustment >= 0 ? '+' : ''}${b.fixAdjustment})`);
    bump(`${dir}: complexity ${b.complexityAdjustment >= 0 ? '+' : ''}${b.complexityAdjustment}`);
  }
}
console.log(`\nmisses (|predicted − recorded| > 1): ${misses.length} of ${rows.length}`);
for (const [k, n] of [...tally.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
if (flags.verbose) {
  console.log('\nworst misses:');
  for (const r of [...misses].sort((a, b) => Math.abs(b.predicted.default! - b.recorded) - Math.abs(a.predicted.default! - a.recorded)).slice(0, 25)) {
    const b = r.result.breakdown;
    console.log(`  ${r.task.padEnd(28)} recorded ${r.recorded} predicted ${r.predicted.default}  ${b.blocker ?? `fix ${b.fixAdjustment} (A${b.counts.A} B${b.counts.B} C${b.counts.C}) cx ${b.complexityAdjustment}`}`);
  }
}

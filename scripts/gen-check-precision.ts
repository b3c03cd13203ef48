/**
 * `npm run gen:check-precision`: regenerates src/judge/data/check-precision.ts, the per-check precision the
 * judge ranks with. On every dev task that has a written analysis, analyzed with that analysis ignored
 * (--no-claims, no score), each of the judge's groups (one per root cause, occurrences together, before the
 * tier is decided, so the table never depends on itself) counts as a hit when it
 * names a documented failure as the same problem (scripts/eval/same-problem.ts). Only the groups the tier could
 * list are counted: one the reviewer's ideal keeps, or churn by design, is never listed, and counting it would
 * dilute the rate of the ones that are. Each check's counts are also split by evidence (`code`: static or log
 * only; `both`: the code and the ideal's change agree; `diff`: the change alone), the variant the judge reads. Tasks whose documented failures
 * name no resource, type or argument are skipped: nothing could match there.
 * Reproducible: same corpus and code → same bytes (sorted keys, no timestamps). `--check` compares instead of
 * writing and exits 1 on a difference.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTask } from '../src/ingest/index.js';
import { parseResponse } from '../src/pipeline/parse.js';
import { runProducers } from '../src/pipeline/analyze.js';
import { DEFAULT_CONVENTIONS } from '../src/contracts/conventions.js';
import { groupForJudging } from '../src/judge/judge.js';
import { evidenceVariant } from '../src/judge/significance.js';
import { judgeInputOf } from '../src/judge/stage.js';
import { parseFailureAnalysis } from '../src/verify/parse.js';
import { classifyClaim } from '../src/verify/classify.js';
import { corpusTasks, repoRoot, requireCorpus } from './eval/corpus-tasks.js';
import { claimKeys, findingKeys, sameProblem } from './eval/same-problem.js';

requireCorpus('gen:check-precision');
const check = process.argv.includes('--check');
const target = join(repoRoot, 'src/judge/data/check-precision.ts');

type Counts = { groups: number; hits: number };
const checks = new Map<string, Counts>();
const variants = new Map<string, Counts>();
const categories = new Map<string, Counts>();
const overall: Counts = { groups: 0, hits: 0 };
let tasks = 0;

function add(m: Map<string, Counts>, k: string, hit: boolean): void {
  const c = m.get(k) ?? { groups: 0, hits: 0 };
  c.groups += 1;
  if (hit) c.hits += 1;
  m.set(k, c);
}

for (const t of corpusTasks({ limit: null, platform: null, verbose: false })) {
  let task;
  let groups;
  try {
    task = loadTask(t.path);
    if (task.failures === null) continue;
    const model = task.model ? parseResponse(task.model.files, task.platform) : null;
    const ideal = task.ideal ? parseResponse(task.ideal.files, task.platform) : null;
    // The judge's groups before any tiering: the table must not depend on itself.
    const ctx = runProducers(task, model, ideal, { conventions: DEFAULT_CONVENTIONS, claims: false, score: false });
    groups = groupForJudging(ctx.findings, judgeInputOf(ctx))
      .filter((g) => !g.churn && (!g.kept || g.finding.category === 'syntax'))
      .map((g) => g.finding);
  } catch {
    continue;
  }
  const claims = parseFailureAnalysis(task.failures)
    .map((c) => ({ keys: claimKeys(c), category: classifyClaim(c).category }))
    .filter((c) => c.keys.addresses.size || c.keys.types.size || c.keys.args.size);
  if (!claims.length) continue;
  tasks += 1;
  for (const f of groups) {
    const fk = findingKeys(f);
    const hit = claims.some((c) => sameProblem(c.keys, c.category, fk, f.category));
    add(checks, f.ruleId, hit);
    add(variants, `${f.ruleId}|${evidenceVariant(f)}`, hit);
    add(categories, f.category, hit);
    overall.groups += 1;
    if (hit) overall.hits += 1;
  }
}

const sorted = (m: Map<string, Counts>) => Object.fromEntries([...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
const table = { corpus: 'dev', tasks, overall, categories: sorted(categories), checks: sorted(checks), variants: sorted(variants) };
const header = readFileSync(target, 'utf8').split('export const CHECK_PRECISION')[0]!;
const text = `${header}export const CHECK_PRECISION: PrecisionTable = ${JSON.stringify(table, null, 2)};\n`;
if (check) {
  const same = readFileSync(target, 'utf8') === text;
  console.log(same ? 'gen:check-precision: up to date' : 'gen:check-precision: src/judge/data/check-precision.ts is out of date; run npm run gen:check-precision');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, text);
console.log(`gen:check-precision: ${tasks} tasks, ${overall.groups} findings, ${overall.hits} hits, ${checks.size} checks → ${target}`);

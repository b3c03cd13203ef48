/**
 * `npm run eval:headline`: is the failure tier what a reviewer lists? On every dev task, analyzed with its
 * written analysis ignored (--no-claims, no score), it prints
 *  - the failure tier's size per task (median, 90th percentile) against the failures the reviewer documented;
 *  - same-problem recall: the share of documented failures that a finding names as the same problem (same
 *    resource, type or argument; see same-problem.ts), for all findings, the failure tier and its first 5;
 *  - duplicates left in the failure tier (two items of one check, or one category on one resource);
 *  - the generated MODEL_FAILURES.md's length in lines.
 * Flags: --limit N, --platform tf-hcl|cdktf-ts, --verbose (per-task lines), --misses N (documented failures
 * found by some finding but not by the failure tier, with the check that found them; `--misses-of <check>[,<check>...]` lists
 * each of one check's), --unfound (one line per documented failure no finding names: the worklist for new checks), --items (one line per
 * failure-tier item: task, rank, check, resource, whether it names a documented failure; two runs compared with
 * `diff` show what a change moved in or out of the tier).
 */
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyClaim } from '../../src/verify/classify.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Finding } from '../../src/findings/types.js';
import { distinctHardErrors } from '../../src/judge/judge.js';
import { corpusTasks, parseFlags, pct, requireCorpus } from './corpus-tasks.js';
import { claimKeys, findingKeys, sameProblem, type ProblemKeys } from './same-problem.js';

requireCorpus('eval:headline');
const flags = parseFlags();
const missesArg = process.argv.indexOf('--misses');
const showMisses = missesArg >= 0 ? Number(process.argv[missesArg + 1] ?? 20) : 0;

interface TaskRow {
  key: string;
  platform: string;
  documented: number;
  keyed: number;
  tier: number;
  foundAll: number;
  foundTier: number;
  foundTop5: number;
  duplicates: number;
  mdLines: number;
  /** Failure-tier items that name some documented failure as the same problem (a proxy of precision, a floor). */
  tierNaming: number;
}

const rows: TaskRow[] = [];
const misses: { task: string; claim: string; by: string; rank: number }[] = [];
const duplicateExamples: string[] = [];
const started = Date.now();
let failed = 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
}
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
}

/**
 * Two failure-tier items are one root cause when they come from one check or sit on one resource in one category,
 * unless they are two different errors that each stop the deployment (distinctHardErrors).
 */
function duplicatesIn(tier: Finding[]): string[] {
  const seen = new Map<string, Finding>();
  const out: string[] = [];
  for (const f of tier) {
    const keys = [`rule\u0000${f.ruleId}`, ...(f.resource ? [`res\u0000${f.category}\u0000${f.resource}`] : [])];
    for (const k of keys) {
      const prev = seen.get(k);
      if (prev && !distinctHardErrors(prev, f)) out.push(`${prev.ruleId} ~ ${f.ruleId} (${f.resource ?? f.location.file})`);
      else if (!prev) seen.set(k, f);
    }
  }
  return out;
}

for (const t of corpusTasks(flags)) {
  try {
    const d = analyzeTaskDetailed(t.path, { score: false, claims: false });
    if (d.task.failures === null) continue;
    const claims = parseFailureAnalysis(d.task.failures);
    const findings = d.result.findings;
    const tier = findings.filter((f) => f.tier === 'failure');
    const fk = new Map<Finding, ProblemKeys>(findings.map((f) => [f, findingKeys(f)]));
    let keyed = 0;
    let foundAll = 0;
    let foundTier = 0;
    let foundTop5 = 0;
    for (const c of claims) {
      const ck = claimKeys(c);
      if (!ck.addresses.size && !ck.types.size && !ck.args.size) continue;
      keyed += 1;
      const cat = classifyClaim(c).category;
      const hits = findings.filter((f) => sameProblem(ck, cat, fk.get(f)!, f.category));
      const tierHits = hits.filter((f) => f.tier === 'failure');
      if (hits.length) foundAll += 1;
      if (tierHits.length) foundTier += 1;
      if (tierHits.some((f) => (f.rank ?? Infinity) <= 5)) foundTop5 += 1;
      if (!hits.length && process.argv.includes('--unfound')) console.log(`unfound ${t.key} [${cat ?? '-'}] ${c.title.slice(0, 120)}`);
      if (hits.length && !tierHits.length) {
        const best = hits[0]!;
        misses.push({ task: t.key, claim: c.title, by: best.ruleId, rank: best.rank ?? 0 });
      }
    }
    const keyedClaims = claims.map((c) => ({ keys: claimKeys(c), category: classifyClaim(c).category })).filter((c) => c.keys.addresses.size || c.keys.types.size || c.keys.args.size);
    const names = (f: Finding): boolean => keyedClaims.some((c) => sameProblem(c.keys, c.category, fk.get(f)!, f.category));
    const tierNaming = keyedClaims.length ? tier.filter(names).length : 0;
    if (process.argv.includes('--items')) for (const f of tier) console.log(`item ${t.key} ${f.rank} ${f.ruleId} ${f.resource ?? f.location.file} ${names(f) ? 'documented' : '-'}`);
    const dups = duplicatesIn(tier);
    if (dups.length && duplicateExamples.length < 15) duplicateExamples.push(`${t.key}: ${dups[0]}`);
    const row: TaskRow = {
      key: t.key,
      platform: t.platformHint ?? t.key.split('/')[0]!,
      documented: claims.length,
      keyed,
      tier: tier.length,
      foundAll,
      foundTier,
      foundTop5,
      duplicates: dups.length,
      mdLines: renderMarkdown(d.result).split('\n').length,
      tierNaming: keyed ? tierNaming : 0,
    };
    rows.push(row);
    if (flags.verbose) console.log(`${t.key}: tier ${row.tier}/${findings.length}, documented ${row.documented} (${keyed} keyed), found ${foundTier} in tier, ${foundAll} anywhere, md ${row.mdLines} lines`);
  } catch (err) {
    failed += 1;
    if (flags.verbose) console.error(`${t.key}: ${(err as Error).message}`);
  }
}

function report(label: string, of: TaskRow[]): void {
  const sum = (f: (r: TaskRow) => number) => of.reduce((a, r) => a + f(r), 0);
  const keyed = sum((r) => r.keyed);
  console.log(`${label} (${of.length} tasks)`);
  console.log(`  failure tier per task:      median ${median(of.map((r) => r.tier))}, p90 ${quantile(of.map((r) => r.tier), 0.9)}, max ${Math.max(0, ...of.map((r) => r.tier))}`);
  console.log(`  documented per task:        median ${median(of.map((r) => r.documented))}, p90 ${quantile(of.map((r) => r.documented), 0.9)}`);
  console.log(`  same-problem recall of ${keyed} documented failures that name a resource, type or argument:`);
  console.log(`    any finding:              ${pct(sum((r) => r.foundAll), keyed)}`);
  console.log(`    failure tier:             ${pct(sum((r) => r.foundTier), keyed)}`);
  console.log(`    failure tier, ranks 1-5:  ${pct(sum((r) => r.foundTop5), keyed)}`);
  const tierOfKeyed = sum((r) => (r.keyed ? r.tier : 0));
  console.log(`  failure-tier items naming a documented failure (precision floor): ${pct(sum((r) => r.tierNaming), tierOfKeyed)} of ${tierOfKeyed}`);
  console.log(`  duplicate root causes left in the failure tier: ${sum((r) => r.duplicates)} (in ${of.filter((r) => r.duplicates > 0).length} tasks)`);
  console.log(`  MODEL_FAILURES.md lines:    median ${median(of.map((r) => r.mdLines))}, p90 ${quantile(of.map((r) => r.mdLines), 0.9)}, max ${Math.max(0, ...of.map((r) => r.mdLines))}`);
}

console.log(`eval:headline: ${rows.length} tasks with a written analysis (${failed} failed to analyze), in ${((Date.now() - started) / 1000).toFixed(1)}s; analyses ignored (--no-claims)\n`);
report('all', rows);
for (const p of [...new Set(rows.map((r) => r.platform))].sort()) report(p, rows.filter((r) => r.platform === p));
if (duplicateExamples.length) {
  console.log('\nduplicates (first of each task, up to 15):');
  for (const e of duplicateExamples) console.log(`  ${e}`);
}
if (showMisses) {
  console.log(`\ndocumented failures found only outside the failure tier, by check (top ${showMisses}):`);
  const byCheck = new Map<string, number>();
  for (const m of misses) byCheck.set(m.by, (byCheck.get(m.by) ?? 0) + 1);
  for (const [c, n] of [...byCheck.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, showMisses)) console.log(`  ${String(n).padStart(4)}  ${c}`);
  // `--misses-of <check>`: each such miss, to read the documented failure next to the observation that found it.
  const of = process.argv.indexOf('--misses-of');
  const checks = of >= 0 ? new Set((process.argv[of + 1] ?? '').split(',')) : new Set<string>();
  for (const m of misses.filter((x) => checks.has(x.by))) console.log(`  miss ${m.by} ${m.task} rank ${m.rank}: ${m.claim.slice(0, 140)}`);
}

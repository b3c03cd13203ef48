/**
 * `npm run eval:verify`: runs `verify` over the dev corpus: claims parsed per task and the share of claims
 * supported / unsupported / unconfirmed / not checkable. Flags: --limit N, --platform, --verbose.
 */
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { verifyAnalysis, CLAIM_STATUSES, type ClaimStatus } from '../../src/verify/check.js';
import { corpusTasks, parseFlags, pct, requireCorpus } from './corpus-tasks.js';

requireCorpus('eval:verify');
const flags = parseFlags();

const perTask: number[] = [];
const totals: Record<ClaimStatus, number> = { supported: 0, unsupported: 0, unconfirmed: 0, 'not-checkable': 0 };
let unmentioned = 0;
let failed = 0;
const started = Date.now();
for (const t of corpusTasks(flags)) {
  try {
    const d = analyzeTaskDetailed(t.path, { score: false, claims: false });
    if (d.task.failures === null) continue;
    const text = (r: typeof d.task.model) => [r?.markdown ?? '', ...(r?.files ?? []).map((f) => f.content)].join('\n');
    const report = verifyAnalysis(parseFailureAnalysis(d.task.failures), d.result, { model: text(d.task.model), ideal: text(d.task.ideal) }, d.task.failures);
    perTask.push(report.claims.length);
    for (const s of CLAIM_STATUSES) totals[s] += report.counts[s];
    unmentioned += report.unmentioned.length;
    if (flags.verbose) console.log(`${t.key}: ${report.claims.length} claims ${JSON.stringify(report.counts)}`);
  } catch (err) {
    failed += 1;
    if (flags.verbose) console.error(`${t.key}: ${(err as Error).message}`);
  }
}
const claims = perTask.reduce((s, n) => s + n, 0);
const sorted = [...perTask].sort((a, b) => a - b);
console.log(`eval:verify: ${perTask.length} tasks (${failed} failed), ${claims} claims in ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`claims per task: mean ${(claims / Math.max(perTask.length, 1)).toFixed(1)}, median ${sorted[Math.floor(sorted.length / 2)] ?? 0}, tasks with no claim parsed: ${perTask.filter((n) => n === 0).length}`);
for (const s of CLAIM_STATUSES) console.log(`  ${s.padEnd(14)} ${String(totals[s]).padStart(5)}  ${pct(totals[s], claims)}`);
console.log(`findings the analyses do not mention: ${unmentioned} (${(unmentioned / Math.max(perTask.length, 1)).toFixed(1)} per task)`);

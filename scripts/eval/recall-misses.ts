/**
 * `npm run eval:recall-misses [-- --category X]`: every documented failure eval:recall counts as missed, with
 * its task, the categories iacjudge did report there, and the claim's opening prose: the worklist for new rules.
 * Reads ../shared/corpus/dev when present.
 */
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyClaim, NOT_CHECKABLE } from '../../src/verify/classify.js';
import { corpusTasks, parseFlags, requireCorpus } from './corpus-tasks.js';

requireCorpus('eval:recall-misses');
const flags = parseFlags();
const argv = process.argv.slice(2);
const only = argv.includes('--category') ? argv[argv.indexOf('--category') + 1] : undefined;

for (const t of corpusTasks(flags)) {
  const d = analyzeTaskDetailed(t.path, { score: false, claims: false });
  if (d.task.failures === null) continue;
  const reported = new Set<string>(d.result.findings.map((f) => f.category));
  for (const claim of parseFailureAnalysis(d.task.failures)) {
    const { category } = classifyClaim(claim);
    if (category === null || NOT_CHECKABLE.has(category as never) || reported.has(category)) continue;
    if (only && category !== only) continue;
    console.log(`${t.key}  [${category}]  ${claim.title.slice(0, 90)}`);
    console.log(`    reported: ${[...reported].sort().join(' ')}`);
    console.log(`    ${claim.text.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

/**
 * `npm run eval:tier-sweep -- [thresholds] [maxes]`: how the failure tier's calibration (TIER_CALIBRATION in
 * src/judge/judge.ts) trades size, same-problem recall and the share of tier items naming a documented failure,
 * on the dev corpus with written analyses ignored. Producers run once per task; only the judge is re-run per
 * setting. Defaults: thresholds 0.1,0.12,0.15,0.18,0.2,0.25, max 10.
 */
import { loadTask } from '../../src/ingest/index.js';
import { parseResponse } from '../../src/pipeline/parse.js';
import { runProducers } from '../../src/pipeline/analyze.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { groupForJudging, tierAndRank, TIER_CALIBRATION, type JudgeInput } from '../../src/judge/judge.js';
import type { Finding } from '../../src/findings/types.js';
import { judgeInputOf } from '../../src/judge/stage.js';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyClaim } from '../../src/verify/classify.js';
import { corpusTasks, requireCorpus } from './corpus-tasks.js';
import { claimKeys, findingKeys, sameProblem } from './same-problem.js';
const thresholds = (process.argv[2] ?? '0.12,0.15,0.18,0.2,0.25').split(',').map(Number);
const maxes = (process.argv[3] ?? '10').split(',').map(Number);
type Claim = { keys: ReturnType<typeof claimKeys>; category: ReturnType<typeof classifyClaim>['category'] };
const prepared: { findings: Finding[]; input: JudgeInput; claims: Claim[] }[] = [];
const calibration = TIER_CALIBRATION as { FAILURE_THRESHOLD: number; MAX_FAILURES: number };
requireCorpus('eval:tier-sweep');
for (const t of corpusTasks({ limit: null, platform: null, verbose: false })) {
  try {
    const task = loadTask(t.path);
    if (task.failures === null) continue;
    const model = task.model ? parseResponse(task.model.files, task.platform) : null;
    const ideal = task.ideal ? parseResponse(task.ideal.files, task.platform) : null;
    const ctx = runProducers(task, model, ideal, { conventions: DEFAULT_CONVENTIONS, claims: false, score: false });
    const claims = parseFailureAnalysis(task.failures).map((c) => ({ keys: claimKeys(c), category: classifyClaim(c).category })).filter((c) => c.keys.addresses.size || c.keys.types.size || c.keys.args.size);
    prepared.push({ findings: ctx.findings, input: judgeInputOf(ctx), claims });
  } catch {
    // A task that fails to analyze is counted by eval:headline; the sweep leaves it out.
  }
}
for (const max of maxes) for (const th of thresholds) {
  calibration.FAILURE_THRESHOLD = th;
  calibration.MAX_FAILURES = max;
  let keyed = 0, found = 0, tierN = 0, naming = 0; const sizes: number[] = [];
  for (const p of prepared) {
    const judged = tierAndRank(groupForJudging(structuredClone(p.findings), p.input));
    const tier = judged.filter((f) => f.tier === 'failure');
    sizes.push(tier.length);
    if (!p.claims.length) continue;
    keyed += p.claims.length;
    const fk = new Map(tier.map((f) => [f, findingKeys(f)]));
    for (const c of p.claims) if (tier.some((f) => sameProblem(c.keys, c.category, fk.get(f)!, f.category))) found++;
    tierN += tier.length;
    naming += tier.filter((f) => p.claims.some((c) => sameProblem(c.keys, c.category, fk.get(f)!, f.category))).length;
  }
  sizes.sort((a, b) => a - b);
  console.log(`max ${max} th ${th}: tier median ${sizes[Math.floor((sizes.length - 1) / 2)]} p90 ${sizes[Math.floor(sizes.length * 0.9)]}, recall ${(100 * found / keyed).toFixed(1)}%, floor ${(100 * naming / tierN).toFixed(1)}% of ${tierN}`);
}

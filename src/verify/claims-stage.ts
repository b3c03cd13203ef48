/**
 * The claims stage: when the task carries a written analysis (lib/MODEL_FAILURES.md), each documented
 * failure is matched against the findings. A finding of the same category gains `claim` evidence; a
 * claim the code does not confirm becomes a finding of its own with evidence `claim` only, so the
 * report says plainly that nothing but the document asserts it. Claims the code contradicts (the
 * "fix" is not in the ideal) and claims no category fits are left to `iacjudge verify`.
 */
import type { Finding } from '../findings/types.js';
import type { PipelineContext, Stage } from '../contracts/pipeline.js';
import { categoryInfo, EVIDENCE_KINDS } from '../taxonomy/categories.js';
import { parseFailureAnalysis, type Claim } from './parse.js';
import { checkClaim } from './check.js';
import { appendAll } from '../io/arrays.js';

const ANALYSIS_PATH = 'lib/MODEL_FAILURES.md';

function withClaimEvidence(f: Finding): void {
  if (f.evidence.includes('claim')) return;
  const ev = new Set([...f.evidence, 'claim' as const]);
  f.evidence = EVIDENCE_KINDS.filter((k) => ev.has(k));
}

function claimFinding(claim: Claim, category: NonNullable<ReturnType<typeof checkClaim>['category']>, reason: string): Finding {
  const title = claim.title.length > 160 ? `${claim.title.slice(0, 157)}...` : claim.title;
  return {
    ruleId: `claim-${category}`,
    category,
    severity: claim.severity ?? 'medium',
    evidence: ['claim'],
    fixClass: categoryInfo(category).fixClass,
    title,
    message: `${ANALYSIS_PATH} documents "${title}"; the code does not confirm it (${reason}).`,
    location: { file: ANALYSIS_PATH, line: Math.max(1, claim.line) },
  };
}

export const claimsStage: Stage = {
  name: 'claims',
  run(ctx: PipelineContext) {
    if (ctx.options.claims === false || !ctx.task.failures?.trim()) return;
    const claims = parseFailureAnalysis(ctx.task.failures);
    const texts = {
      model: (ctx.model?.files ?? []).map((f) => f.content).join('\n'),
      ideal: (ctx.ideal?.files ?? []).map((f) => f.content).join('\n'),
    };
    const codeFindings = ctx.findings.filter((f) => !f.evidence.every((e) => e === 'claim'));
    const added: Finding[] = [];
    for (const claim of claims) {
      const check = checkClaim(claim, codeFindings, texts);
      if (!check.category) continue;
      if (check.status === 'supported') {
        const same = codeFindings.find((f) => f.category === check.category);
        if (same) withClaimEvidence(same);
      } else if (check.status === 'unconfirmed' || check.status === 'not-checkable') {
        added.push(claimFinding(claim, check.category, check.reason));
      }
    }
    appendAll(ctx.findings, added);
  },
};

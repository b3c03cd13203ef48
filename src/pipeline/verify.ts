/** `verify`: check a task's written failure analysis (lib/MODEL_FAILURES.md) against iacjudge's own analysis. */
import { UsageError } from '../contracts/errors.js';
import { analyzeTaskDetailed, type AnalyzeTaskOptions } from './run.js';
import { parseFailureAnalysis } from '../verify/parse.js';
import { verifyAnalysis, type VerifyReport } from '../verify/check.js';

export type { VerifyReport, ClaimCheck, ClaimStatus } from '../verify/check.js';
export { renderVerifyText, verifyJson, verifyAnalysis, checkClaim, CLAIM_STATUSES } from '../verify/check.js';

function responseText(files: { content: string }[] | undefined, markdown: string | undefined): string {
  return [markdown ?? '', ...(files ?? []).map((f) => f.content)].join('\n');
}

export function verifyTask(path: string, options: AnalyzeTaskOptions = {}): VerifyReport {
  // Claims are checked against code and log evidence only, never against themselves.
  const { task, result } = analyzeTaskDetailed(path, { ...options, score: false, claims: false });
  if (task.failures === null) throw new UsageError(`${path}: no lib/MODEL_FAILURES.md to verify`);
  const claims = parseFailureAnalysis(task.failures);
  return verifyAnalysis(
    claims,
    result,
    { model: responseText(task.model?.files, task.model?.markdown), ideal: responseText(task.ideal?.files, task.ideal?.markdown) },
    task.failures,
  );
}

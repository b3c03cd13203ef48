/** Model-vs-ideal diff: public entry points. */
import type { Configuration } from '../model/types.js';
import type { Conventions } from '../rules/conventions.js';
import type { Finding } from '../findings/types.js';
import type { AttributedChange, DiffResult } from './types.js';
import { diffConfigurations } from './diff.js';
import { attributeChanges } from './attribute.js';
import { diffFindings } from './findings.js';

export type { AttributedChange, ChangeKind, DiffChange, DiffResult, BlockMatch, ChangeSide } from './types.js';
export { diffConfigurations, proseShare } from './diff.js';
export { matchBlocks } from './match.js';
export { attributeChanges, FALLBACK_HEURISTIC } from './attribute.js';
export { diffFindings, diffRuleMetas, diffRuleId } from './findings.js';
export { canonical, exprKey, sameExpr } from './normalize.js';

export interface DiffInputs {
  model: Configuration;
  ideal: Configuration;
  prompt?: string | null;
  conventions: Conventions;
  /** Markdown of the ideal response, when it was one. */
  idealMarkdown?: string | null;
}

export interface AttributedDiff {
  result: DiffResult;
  changes: AttributedChange[];
  findings: Finding[];
}

/** Diff, attribute and group: what the diff stage and `iacjudge diff` both need. */
export function attributedDiff(inputs: DiffInputs): AttributedDiff {
  const result = diffConfigurations(inputs.model, inputs.ideal, { idealMarkdown: inputs.idealMarkdown ?? null });
  const changes = attributeChanges(result.changes, {
    model: inputs.model,
    ideal: inputs.ideal,
    prompt: (inputs.prompt ?? '').toLowerCase(),
    conventions: inputs.conventions,
  });
  return { result, changes, findings: diffFindings(changes, result, inputs.model, inputs.ideal) };
}

/** Model-vs-ideal diff: public entry points. */
import type { Configuration } from '../model/types.js';
import type { Conventions } from '../contracts/conventions.js';
import type { Finding } from '../findings/types.js';
import type { AttributedChange, DiffResult } from './types.js';
import { diffConfigurations } from './diff.js';
import { attributeChanges } from './attribute.js';
import { diffFindings } from './findings.js';
import { triageChanges, type IgnoredChange } from './relevance.js';

export type { AttributedChange, ChangeKind, DiffChange, DiffResult, BlockMatch, ChangeSide } from './types.js';
export { diffConfigurations, proseShare } from './diff.js';
export { matchBlocks } from './match.js';
export { attributeChanges, FALLBACK_HEURISTIC } from './attribute.js';
export { diffFindings, diffRuleMetas, diffRuleId, diffRuleIdOf } from './findings.js';
export { ignoreReason, triageChanges, type IgnoredChange, type IgnoreReason } from './relevance.js';
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
  /** Changes that say something about the model. */
  changes: AttributedChange[];
  /** Changes set aside: provider defaults written out, protections the ideal removed (see relevance.ts). */
  ignored: IgnoredChange[];
  findings: Finding[];
}

/** Diff, attribute and group: what the diff stage and `iacjudge diff` both need. */
export function attributedDiff(inputs: DiffInputs): AttributedDiff {
  const result = diffConfigurations(inputs.model, inputs.ideal, { idealMarkdown: inputs.idealMarkdown ?? null });
  const attributed = attributeChanges(result.changes, {
    model: inputs.model,
    ideal: inputs.ideal,
    prompt: (inputs.prompt ?? '').toLowerCase(),
    conventions: inputs.conventions,
  });
  const { kept, ignored } = triageChanges(attributed, { model: inputs.model, ideal: inputs.ideal });
  return { result, changes: kept, ignored, findings: diffFindings(kept, result, inputs.model, inputs.ideal) };
}

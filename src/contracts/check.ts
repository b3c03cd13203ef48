/**
 * The metadata of a check, whatever produces its findings (catalog rule, schema check, diff heuristic, log
 * pattern, syntax, claim): what reports print, what `iacjudge explain` shows, what the judge reads.
 */
import type { CategoryId, FixClass, Severity } from '../taxonomy/categories.js';

export interface CheckMeta {
  /** kebab-case, stable. */
  id: string;
  category: CategoryId;
  severity: Severity;
  fixClass: FixClass;
  title: string;
  /** Why models get this wrong. */
  rootCause: string;
  /** What the ideal does. */
  fix: string;
  /** A short example of the fix, in HCL. */
  fixExample?: string;
  /**
   * The same example for CDKTF (TypeScript) tasks. Reports never show an HCL example on a CDKTF task: without
   * this field such a task gets the prose `fix` only.
   */
  fixExampleTs?: string;
  /** URL of the AWS or Terraform documentation. */
  docs: string;
  /** One line for the analysis' "primary knowledge gaps". */
  knowledgeGap: string;
  /** Cost / security / deploy impact line, when there is one. */
  impact?: string;
  /**
   * `observation`: what this check finds is churn or a best practice no reviewer lists as a failure (a
   * description reworded, an output added for tests, a value equal to the provider default); the judge keeps
   * such findings out of the failure tier unless another producer establishes the same problem.
   */
  defaultTier?: 'observation';
  /**
   * Findings of this check stop a deployment outright (no code at all, a truncated response): the judge lists
   * them in the failure tier whatever their measured precision.
   */
  blocker?: true;
  /**
   * Findings of this check make `terraform init`/`apply` fail in a usual test account (a variable in the backend
   * block, a log group key without the logs principal, a second account singleton): listed in the failure tier
   * whatever their measured precision, unless the reviewer's ideal keeps the same finding.
   */
  applyFailure?: true;
  /**
   * Findings of this check are defects readers of the failure tier list, which the dev corpus' precision cannot
   * measure because reviewers name them by their symptom (a bucket replaced on every deploy), not by the argument:
   * listed in the failure tier whatever their measured precision when the model's code establishes them, unless the
   * reviewer's ideal keeps the same finding.
   */
  listedOnCode?: true;
  /**
   * Findings of this check leave a deployed resource unable to do its one job (a distribution whose origin it cannot
   * read): not listed whatever their precision, but a failure of their own beside another check's on the same
   * resource, never folded into it as one root cause.
   */
  brokenResource?: true;
  /**
   * A pattern of the task's prompt: findings of this check are observations unless the prompt matches it (a
   * convention or best practice that is a failure only where the task asks for it, e.g. key rotation). Without a
   * prompt (a plain folder) the gate does not apply.
   */
  promptGate?: RegExp;
  /** With `promptGate`: the gate also opens when the ideal's code matches this (the reviewer added what it checks). */
  idealGate?: RegExp;
  /**
   * A pattern of one sentence of the prompt that asks for what this check flags ("Deletion protection on."): where a
   * sentence matches it without a negation, the findings are observations. The model did what the task asked; a
   * pipeline convention that contradicts the task is the reviewer's to reconcile, not the model's failure.
   */
  promptRequires?: RegExp;
  /**
   * Findings of this check are observations, when there is a reviewer's ideal, unless the ideal's change shows
   * the same problem (`diff` evidence): a pipeline convention a reviewer lists where the ideal fixed it, not where
   * the ideal leaves the block as the model wrote it or does not show it.
   */
  failureNeedsIdealChange?: true;
}

/** The name rules use for it. */
export type RuleMeta = CheckMeta;

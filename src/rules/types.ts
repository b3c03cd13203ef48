/**
 * A rule is data (`meta`) plus one small function (`check`), like ESLint and TFLint rules.
 * Rules read only the normalized model, so they work for HCL and CDKTF alike.
 */
import type { CategoryId, FixClass, Severity } from '../taxonomy/categories.js';
import type { Block, Configuration, SourceSpan } from '../model/types.js';
import type { Task } from '../ingest/types.js';
import type { Conventions } from './conventions.js';

export interface RuleMeta {
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
}

export interface RuleReport {
  message: string;
  /** Where: a block, or an explicit span. */
  block?: Block;
  span?: SourceSpan;
  /** Resource address; derived from `block` when omitted. */
  resource?: string;
  /** Overrides of the rule's defaults for this occurrence. */
  severity?: Severity;
  fixClass?: FixClass;
  title?: string;
}

export interface RuleContext {
  /** The model response's configuration. */
  config: Configuration;
  /** The task (prompt, metadata, listing, extra files). May be a synthetic task in tests. */
  task: Task;
  conventions: Conventions;
  /**
   * The reference (ideal) response's configuration, set only while the rules run on the MODEL response with a
   * reference available. Comparison rules (model vs ideal) do nothing without it, so they never fire on the ideal.
   */
  ideal?: Configuration;
  report(r: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

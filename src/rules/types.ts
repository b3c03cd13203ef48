/**
 * A rule is data (`meta`) plus one small function (`check`), like ESLint and TFLint rules.
 * Rules read only the normalized model, so they work for HCL and CDKTF alike.
 */
import type { FixClass, Severity } from '../taxonomy/categories.js';
import type { Block, Configuration, SourceSpan } from '../model/types.js';
import type { RuleMeta } from '../contracts/check.js';

export type { RuleMeta } from '../contracts/check.js';
import type { Task } from '../contracts/task.js';
import type { Conventions } from '../contracts/conventions.js';


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

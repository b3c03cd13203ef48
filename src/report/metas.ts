/**
 * Rule metadata by rule id, for reports: the static rule catalog plus the metas of findings that do not come
 * from a catalog rule (syntax errors, log patterns). Findings whose rule has no meta fall back to their category.
 */
import type { RuleMeta } from '../contracts/check.js';
import type { Finding } from '../findings/types.js';
import { allMetas } from '../rules/catalog-meta.js';
import { schemaRuleMetas } from '../schema/metas.js';
import { diffRuleMetas } from '../diff/findings.js';
import { LOG_PATTERNS } from '../logs/patterns.js';
import { categoryInfo, isCategoryId } from '../taxonomy/categories.js';

export const SYNTAX_META: RuleMeta = {
  id: 'syntax-error',
  category: 'syntax',
  severity: 'critical',
  fixClass: 'C',
  title: 'Code does not parse',
  rootCause: 'Generated code was never run through the parser or compiler, so malformed syntax slipped through.',
  fix: 'Correct the syntax so that `terraform validate` (or `tsc`) accepts the file.',
  docs: 'https://developer.hashicorp.com/terraform/language/syntax/configuration',
  knowledgeGap: 'Producing code that parses: HCL/TypeScript syntax discipline',
};

function logMetas(): RuleMeta[] {
  return LOG_PATTERNS.map((p) => ({
    id: `log-${p.id}`,
    category: p.category,
    severity: p.severity,
    fixClass: categoryInfo(p.category).fixClass,
    title: p.explanation.split(/[:;.]/)[0]!,
    rootCause: p.explanation,
    fix: 'Change the configuration so that the deployment step no longer fails with this error.',
    docs: 'https://developer.hashicorp.com/terraform/cli/commands/apply',
    knowledgeGap: categoryInfo(p.category).description,
  }));
}

/**
 * Every known meta by id: the shared catalog (rules plus metas other stages registered), schema metas,
 * and ours for syntax and log findings. Built per call: stages register their metas when they load.
 */
export function ruleMetas(): Map<string, RuleMeta> {
  const m = new Map<string, RuleMeta>();
  for (const meta of [SYNTAX_META, ...logMetas(), ...schemaRuleMetas, ...diffRuleMetas, ...allMetas()]) m.set(meta.id, meta);
  return m;
}

export function metaFor(ruleId: string): RuleMeta | undefined {
  return ruleMetas().get(ruleId);
}

/** The knowledge-gap line of a finding: its rule's, else its category's description. */
export function knowledgeGapOf(f: Finding): string {
  const meta = metaFor(f.ruleId);
  if (meta?.knowledgeGap) return meta.knowledgeGap;
  return isCategoryId(f.category) ? categoryInfo(f.category).description : f.category;
}

/**
 * Every rule-like meta the tool can report under: the rule catalog plus metas other stages export
 * (schema checks, diff attribution, log patterns). Used by `rules`, `explain`, SARIF and reports.
 */
import type { RuleMeta } from './types.js';
import { ALL_RULES } from './index.js';

const extraMetas: RuleMeta[] = [];

/** Other stages register their metas here (schema, diff, logs), at module load. */
export function registerMetas(metas: RuleMeta[]): void {
  for (const m of metas) if (!extraMetas.some((x) => x.id === m.id)) extraMetas.push(m);
}

export function allMetas(): RuleMeta[] {
  const seen = new Set<string>();
  const out: RuleMeta[] = [];
  for (const m of [...ALL_RULES.map((r) => r.meta), ...extraMetas]) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function metaById(id: string): RuleMeta | undefined {
  return allMetas().find((m) => m.id === id);
}

export function knowledgeGapOf(ruleId: string): string | undefined {
  return metaById(ruleId)?.knowledgeGap;
}

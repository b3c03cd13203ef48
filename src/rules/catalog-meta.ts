/**
 * The metas of the rule catalog, sorted by id. Report-level code (src/report/metas.ts) adds the metas of
 * findings that come from other stages (syntax, schema, diff, logs).
 */
import type { RuleMeta } from './types.js';
import { ALL_RULES } from './index.js';

export function allMetas(): RuleMeta[] {
  const seen = new Set<string>();
  const out: RuleMeta[] = [];
  for (const m of ALL_RULES.map((r) => r.meta)) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

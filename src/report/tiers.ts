/** The judge's contract as the reports read it: each finding's tier, and the findings in rank order. */
import type { Finding, Tier } from '../findings/types.js';
import { SEVERITY_RANK } from '../taxonomy/categories.js';

/**
 * The finding's tier. The judge sets it on every finding; a result that did not pass through the judge (a
 * hand-made or older result) falls back to the judge's baseline split, so the document stays short either way.
 */
export function tierOf(f: Finding): Tier {
  return f.tier ?? (SEVERITY_RANK[f.severity] <= SEVERITY_RANK.high ? 'failure' : 'observation');
}

/** Findings in rank order. They arrive ranked; the stable sort only guards results assembled elsewhere. */
export function rankOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, key: f.rank ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.f);
}

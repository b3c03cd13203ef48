/**
 * The JSON contract: the AnalysisResult, pretty-printed with 2 spaces and a trailing newline. Every finding is
 * kept (failures and observations); only the key order of findings is fixed, so a reader sees the contract
 * fields first and in one order whichever stage built or merged the finding.
 */
import type { AnalysisResult } from '../contracts/pipeline.js';
import type { Finding } from '../findings/types.js';

export const FINDING_KEY_ORDER: readonly (keyof Finding)[] = [
  'ruleId',
  'category',
  'severity',
  'evidence',
  'fixClass',
  'tier',
  'rank',
  'title',
  'message',
  'location',
  'resource',
  'occurrences',
  'occurrencesOmitted',
];

function ordered(f: Finding): Finding {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_KEY_ORDER) if (f[k] !== undefined) out[k] = f[k];
  // Additive fields (snippets, log excerpt, ...) follow in the order they were set.
  for (const [k, v] of Object.entries(f)) if (!(k in out)) out[k] = v;
  return out as unknown as Finding;
}

export function renderJson(r: AnalysisResult): string {
  return JSON.stringify({ ...r, findings: r.findings.map(ordered) }, null, 2) + '\n';
}

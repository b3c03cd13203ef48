/**
 * Deduplication and deterministic ordering of findings.
 * Same rule + same resource → one finding. Same category + same resource from different evidence
 * (a static rule and a diff change, a log and a rule) → one finding carrying every evidence.
 */
import type { Finding } from './types.js';
import { EVIDENCE_KINDS, SEVERITY_RANK } from '../taxonomy/categories.js';
import { appendAll } from '../io/arrays.js';

function severityMax(a: Finding['severity'], b: Finding['severity']): Finding['severity'] {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

function mergeInto(target: Finding, other: Finding): void {
  const ev = new Set([...target.evidence, ...other.evidence]);
  target.evidence = EVIDENCE_KINDS.filter((k) => ev.has(k));
  target.severity = severityMax(target.severity, other.severity);
  target.modelSnippet ??= other.modelSnippet;
  target.idealSnippet ??= other.idealSnippet;
  target.logExcerpt ??= other.logExcerpt;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.category, b.category) ||
    cmp(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.resource ?? '', b.resource ?? '') ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mergeFindings(findings: Finding[]): Finding[] {
  // Pass 1: same rule on the same resource (or same location when no resource).
  const byRule = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.resource ?? `${f.location.file}:${f.location.line}`}`;
    const prev = byRule.get(key);
    if (prev) mergeInto(prev, f);
    else byRule.set(key, { ...f, evidence: [...f.evidence] });
  }
  // Pass 2: on one resource and category, diff and log findings fold into the first static finding
  // (or, with no static finding, into one another). Distinct static rules stay distinct findings.
  const out: Finding[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of [...byRule.values()].sort(compareFindings)) {
    if (!f.resource) {
      out.push(f);
      continue;
    }
    const key = `${f.category}\u0000${f.resource}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  for (const group of groups.values()) {
    const statics = group.filter((f) => f.evidence.includes('static'));
    const others = group.filter((f) => !f.evidence.includes('static'));
    const host = statics[0] ?? others.shift()!;
    for (const f of others) {
      // A static rule's severity is the one read on the code (a missing type the model's service does not need
      // is low); a diff change on the same resource adds its evidence, not the diff heuristic's coarser severity.
      // A log (what a deployment showed) may still raise it.
      const severity = host.severity;
      mergeInto(host, f);
      if (statics.length && !f.evidence.includes('log')) host.severity = severity;
    }
    appendAll(out, (statics.length ? statics : [host]));
  }
  return out.sort(compareFindings);
}

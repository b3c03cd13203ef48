/**
 * Output bounds of one analysis result, applied once after every stage: a finding embeds source text (its snippet is
 * the whole source line, and one 40 KB line under many findings made a 45 KB input a 91 MB report), and messages
 * quote names and values from the input. Every echoed text is cut to a documented length with a marker, and terminal
 * escape sequences are removed, so whatever renders the result (JSON, markdown, SARIF, a terminal) stays bounded
 * and inert. Limits: src/io/text.ts (message 2,000 characters; snippet 60 lines and 8 KiB; 500 warnings or notes;
 * 1,000 occurrences per finding, the rest counted in `occurrencesOmitted`).
 */
import type { Finding, Snippet } from '../findings/types.js';
import type { AnalysisResult } from '../contracts/pipeline.js';
import { stripControls, truncateSnippet, truncateText } from '../io/text.js';

/** Most warnings (and notes) kept in one result; the rest are counted in a last entry. */
export const MAX_WARNINGS = 500;
/**
 * Most places listed under one grouped finding. One check on 200,000 resources is one finding; listing every place
 * made a 21 MB input a 275 MB report. The rest are counted (`occurrencesOmitted`), never silently dropped.
 */
export const MAX_OCCURRENCES = 1000;

const message = (s: string): string => truncateText(stripControls(s));

function snippet(s: Snippet): Snippet {
  return { ...s, code: truncateSnippet(stripControls(s.code)) };
}

function boundFinding(f: Finding): Finding {
  const out: Finding = { ...f, title: message(f.title), message: message(f.message) };
  if (f.resource !== undefined) out.resource = message(f.resource);
  if (f.modelSnippet) out.modelSnippet = snippet(f.modelSnippet);
  if (f.idealSnippet) out.idealSnippet = snippet(f.idealSnippet);
  if (f.logExcerpt !== undefined) out.logExcerpt = truncateSnippet(stripControls(f.logExcerpt));
  if (f.occurrences) {
    if (f.occurrences.length > MAX_OCCURRENCES) out.occurrencesOmitted = (f.occurrencesOmitted ?? 0) + f.occurrences.length - MAX_OCCURRENCES;
    out.occurrences = f.occurrences.slice(0, MAX_OCCURRENCES).map((o) => ({
      ...o,
      ...(o.resource !== undefined ? { resource: message(o.resource) } : {}),
      ...(o.message !== undefined ? { message: message(o.message) } : {}),
    }));
  }
  return out;
}

function boundList(items: string[]): string[] {
  const kept = items.slice(0, MAX_WARNINGS).map(message);
  return items.length > MAX_WARNINGS ? [...kept, `… ${items.length - MAX_WARNINGS} more`] : kept;
}

export function boundResult(result: AnalysisResult): AnalysisResult {
  return { ...result, findings: result.findings.map(boundFinding), notes: boundList(result.notes), warnings: boundList(result.warnings) };
}

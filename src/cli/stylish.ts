/**
 * `--format stylish`: the human format, one line per finding as ESLint and TFLint print them:
 * `file:line  severity  message  rule-id`, then a count. It is the default when stdout is a terminal (JSON stays
 * the default when piped, for scripts). Colour only on a terminal and never with NO_COLOR set (no-color.org).
 */
import type { AnalysisResult } from '../contracts/pipeline.js';
import type { Severity } from '../taxonomy/categories.js';
import { stripControls } from '../io/text.js';

const SEVERITY_COLOR: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** Colour for a stream: a TTY, and NO_COLOR unset or empty (the convention: any non-empty value turns it off). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env['NO_COLOR'];
}

/** One line of text: messages come from the input and may hold newlines or escapes. */
function oneLine(s: string): string {
  return stripControls(s).replace(/\s*\n\s*/g, ' ').trim();
}

export function renderStylish(result: AnalysisResult, color: boolean): string {
  const paint = (code: string, s: string): string => (color ? code + s + RESET : s);
  // A grouped finding is one line per place it occurs: each line is something an editor can jump to.
  const rows = result.findings.flatMap((f) =>
    (f.occurrences?.length ? f.occurrences : [{ location: f.location, message: undefined }]).map((o) => ({
      where: `${o.location.file}:${o.location.line}`,
      severity: f.severity,
      message: oneLine(o.message ?? f.message),
      id: f.ruleId,
      failure: f.tier !== 'observation',
    })),
  );
  const whereWidth = Math.max(0, ...rows.map((r) => r.where.length));
  const lines = rows.map(
    (r) =>
      `${r.where.padEnd(whereWidth)}  ${paint(SEVERITY_COLOR[r.severity], r.severity.padEnd(8))}  ${r.message}  ${paint(DIM, r.id)}` +
      (r.failure ? '' : `  ${paint(DIM, '(observation)')}`),
  );
  // Counted as findings (a grouped failure is one), as the JSON and the other reports count them.
  const total = result.findings.length;
  const failures = result.findings.filter((f) => f.tier !== 'observation').length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = total ? `${plural(total, 'finding')} (${plural(failures, 'failure')}, ${plural(total - failures, 'observation')})` : 'no findings';
  const extra: string[] = [];
  if (result.suppressed?.length) extra.push(`${result.suppressed.length} suppressed`);
  if (result.score) extra.push(`training quality ${result.score.trainingQuality}/10`);
  for (const w of result.warnings) lines.push(paint(DIM, `warning: ${oneLine(w)}`));
  lines.push('', paint(BOLD, summary) + (extra.length ? `; ${extra.join('; ')}` : ''));
  return lines.join('\n') + '\n';
}

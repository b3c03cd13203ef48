/**
 * Runs rules over a configuration and turns their reports into findings.
 * A crashing rule becomes a warning: one bad rule must not hide the others' findings.
 */
import type { Configuration, SourceSpan } from '../model/types.js';
import type { Task } from '../contracts/task.js';
import type { Finding, Snippet } from '../findings/types.js';
import type { Conventions } from '../contracts/conventions.js';
import type { Rule, RuleContext, RuleReport } from './types.js';
import { blockAddress, fileByPath } from '../model/query.js';
import { sourceLines } from '../model/lines.js';
import { compareFindings } from '../findings/merge.js';
import { appendAll } from '../io/arrays.js';

export interface RuleRunResult {
  findings: Finding[];
  /** One line per rule that threw. */
  warnings: string[];
}

/** Longest snippet we attach; blocks longer than this are cut (the location still points at the block). */
const MAX_SNIPPET_LINES = 40;

export function runRulesDetailed(rules: Rule[], config: Configuration, task: Task, conventions: Conventions, ideal?: Configuration): RuleRunResult {
  const findings: Finding[] = [];
  const warnings: string[] = [];
  for (const rule of rules) {
    const reports: RuleReport[] = [];
    const ctx: RuleContext = { config, task, conventions, report: (r) => reports.push(r) };
    if (ideal) ctx.ideal = ideal;
    try {
      rule.check(ctx);
    } catch (err) {
      warnings.push(`rule ${rule.meta.id} failed: ${(err as Error)?.message ?? String(err)}`);
      continue;
    }
    for (const r of reports) findings.push(toFinding(rule, r, config));
  }
  return { findings: dedupe(findings).sort(compareFindings), warnings };
}

export function runRules(rules: Rule[], config: Configuration, task: Task, conventions: Conventions, warnings?: string[], ideal?: Configuration): Finding[] {
  const res = runRulesDetailed(rules, config, task, conventions, ideal);
  if (warnings) appendAll(warnings, res.warnings);
  return res.findings;
}

function toFinding(rule: Rule, r: RuleReport, config: Configuration): Finding {
  // An explicit span (a nested block, an attribute) is more precise than the owning block.
  const span = r.span ?? r.block?.span;
  const resource = r.resource ?? (r.block ? blockAddress(r.block) : undefined);
  const finding: Finding = {
    ruleId: rule.meta.id,
    category: rule.meta.category,
    severity: r.severity ?? rule.meta.severity,
    evidence: ['static'],
    fixClass: r.fixClass ?? rule.meta.fixClass,
    title: r.title ?? rule.meta.title,
    message: r.message,
    location: span ? { file: span.file, line: span.line } : { file: config.files[0]?.path ?? '', line: 1 },
  };
  if (resource) finding.resource = resource;
  const snippet = span ? snippetFor(span, config) : undefined;
  if (snippet) finding.modelSnippet = snippet;
  return finding;
}

/** The source text a span covers, whole lines, from the file content in the configuration. */
export function snippetFor(span: SourceSpan, config: Configuration): Snippet | undefined {
  const file = fileByPath(config.files, span.file);
  if (!file) return undefined;
  const lines = sourceLines(file.content);
  const start = Math.max(1, span.line);
  const end = Math.min(lines.length, Math.max(start, span.endLine), start + MAX_SNIPPET_LINES - 1);
  const code = lines.slice(start - 1, end).join('\n').trimEnd();
  if (!code.trim()) return undefined;
  return { file: file.path, line: start, language: file.language, code };
}

/** Same rule on the same resource (or the same location when there is none) → the first report wins. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.resource ?? `${f.location.file}:${f.location.line}`}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

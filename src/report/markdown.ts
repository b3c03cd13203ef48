/**
 * The failure-analysis document (MODEL_FAILURES.md form), shaped like the reviewers' analyses: an overview
 * sentence; the failure tier in rank order, one full section per failure (the model's code, the ideal's own code
 * as the fix, root cause, documentation, impact); one compact table of the observation tier; then a summary of
 * the failure tier (counts by impact level and fix category, knowledge gaps), notes and the training-quality
 * calculation. The JSON and SARIF reports keep every finding in full; this document is the short, ranked read.
 * Pure function of the AnalysisResult: deterministic.
 */
import { markdownLocation, type AnalysisResult, type MarkdownOrigin, type ScoreResult } from '../contracts/pipeline.js';
import { occurrenceCount, type Finding, type Snippet } from '../findings/types.js';
import type { RuleMeta } from '../contracts/check.js';
import type { Severity } from '../taxonomy/categories.js';
import { SEVERITIES, SEVERITY_RANK, categoryInfo, isCategoryId } from '../taxonomy/categories.js';
import { knowledgeGapOf, metaFor } from './metas.js';
import { rankOrder, tierOf } from './tiers.js';

/**
 * Longest code excerpt shown per snippet; the rest is elided with a marker line. The reviewers' excerpts are
 * mostly 5 to 20 lines: the point of a snippet is the offending (or fixing) lines, not the whole resource.
 */
export const MAX_SNIPPET_LINES = 15;
/** Places of a grouped failure listed before "and N more": enough to locate it, short enough to scan. */
export const MAX_OCCURRENCES_SHOWN = 8;
/** Knowledge gaps in the summary: the reviewers list three to six. */
export const MAX_KNOWLEDGE_GAPS = 5;

const LEVEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** CDKTF tasks are TypeScript: their fixes must not be shown as HCL. */
export function isTypeScriptTask(task: AnalysisResult['task']): boolean {
  return /cdktf/i.test(task.platform) || /^(ts|typescript)$/i.test(task.language);
}

function fenceLanguage(s: Snippet): string {
  const l = s.language.toLowerCase();
  if (l === 'ts' || l === 'typescript' || /\.tsx?$/.test(s.file)) return 'typescript';
  if (l === 'py' || l === 'python') return 'python';
  if (l === 'js' || l === 'javascript') return 'javascript';
  if (l === 'hcl' || l === 'tf' || /\.tf$/.test(s.file)) return 'hcl';
  return l || 'text';
}

/**
 * The language of a meta's `fixExample`. The field is documented as HCL, but a few metas (CDKTF import rules,
 * handler rules, documentation rules) carry TypeScript, Python or Markdown there; labelling those `hcl` would
 * be wrong, and showing them on the wrong platform misleading.
 */
export function exampleLanguage(code: string): 'typescript' | 'python' | 'markdown' | 'hcl' {
  if (/^[ \t]*(?:def \w+\(|from [\w.]+ import )/m.test(code)) return 'python';
  if (/^[ \t]*(?:import |export |const |let )|\bnew [A-Z]\w*\(this\b/m.test(code)) return 'typescript';
  if (/^#{2,6} \S/m.test(code) && !/^[ \t]*(?:resource|variable|data|provider|terraform|locals|output)\b[^\n{]*\{[ \t]*$/m.test(code)) return 'markdown';
  return 'hcl';
}

/**
 * The generic example shown when the ideal has no code for a finding. On a CDKTF task an HCL template would
 * teach the wrong language: only a TypeScript example (the meta's `fixExampleTs`, or a `fixExample` that is
 * TypeScript) or a platform-neutral one (Python handler code) is shown there; otherwise the prose fix stands alone.
 */
export function fixExampleFor(meta: RuleMeta, typescriptTask: boolean): { code: string; language: string } | undefined {
  if (typescriptTask) {
    if (meta.fixExampleTs) return { code: meta.fixExampleTs, language: 'typescript' };
    if (!meta.fixExample) return undefined;
    const l = exampleLanguage(meta.fixExample);
    return l === 'typescript' || l === 'python' ? { code: meta.fixExample, language: l } : undefined;
  }
  if (!meta.fixExample) return undefined;
  const l = exampleLanguage(meta.fixExample);
  return l === 'typescript' ? undefined : { code: meta.fixExample, language: l };
}

/** A fence longer than any backtick run inside the code, so code with ``` cannot break the document. */
function fenceFor(code: string): string {
  let longest = 0;
  for (const m of code.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function trimSnippet(code: string, maxLines = MAX_SNIPPET_LINES): string {
  const lines = code.trimEnd().split('\n');
  if (lines.length <= maxLines) return lines.join('\n');
  const elided = lines.length - maxLines;
  return [...lines.slice(0, maxLines), `… (${elided} more line${elided === 1 ? '' : 's'})`].join('\n');
}

/** Common leading indentation removed, so an excerpt from deep inside a stack reads at the left margin. */
function dedent(code: string): string {
  const lines = code.trimEnd().split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

/** `origins`: for a snippet of the model's code, where its files stand in the response's markdown. */
function codeBlock(s: Snippet, origins?: Origins): string[] {
  const code = trimSnippet(dedent(s.code));
  const fence = fenceFor(code);
  const md = markdownLocation(origins, s.file, s.line);
  const from = md ? ` (\`${md.file}\`, line ${md.line})` : '';
  return [`\`${s.file}\`, line ${s.line}${from}:`, '', `${fence}${fenceLanguage(s)}`, code, fence];
}

type Origins = Record<string, MarkdownOrigin> | undefined;

function plainBlock(code: string, language: string): string[] {
  const body = trimSnippet(code);
  const fence = fenceFor(body);
  return [`${fence}${language}`, body, fence];
}

/**
 * Messages of the diff stage quote before/after values cut at a fixed width ("…"). A cut value misquotes the
 * code (a half expression reads as the model's or the ideal's choice), and the snippets beside the message show
 * both sides in full, so a clause with a cut value keeps its "what changed" and drops the values.
 */
export function withoutTruncatedValues(message: string): string {
  // A clause ends at "; " (the next change) or at the message's closing period.
  return message
    .replace(/ changed from ((?:(?!; ).)*?)(?=; |\.$|$)/g, (m: string, tail: string) => (tail.includes('…') ? ' changed' : m))
    .replace(/ \((?:= |was )(?:(?!; ).)*?…\)/g, '');
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * Where a finding is: its resource, and its file and line, with the markdown line the code stands at when the
 * file was extracted from the response (`lib/main.tf:15` (`lib/MODEL_RESPONSE.md:140`)): the extracted file
 * exists nowhere else. Locations are always in the model's files (the diff places what the model lacks there too).
 */
function place(o: { resource?: string; location: { file: string; line: number } }, origins: Origins): string {
  // Task-level findings (no tests, no outputs) may have no file: the resource alone then says where.
  if (!o.location.file) return o.resource ? `\`${o.resource}\`` : 'the task as a whole';
  const md = o.location.line ? markdownLocation(origins, o.location.file, o.location.line) : null;
  const at = `\`${o.location.file}${o.location.line ? `:${o.location.line}` : ''}\`${md ? ` (\`${md.file}:${md.line}\`)` : ''}`;
  return o.resource ? `\`${o.resource}\` at ${at}` : at;
}

/** A grouped failure's places, compactly: the first few, then how many more (the JSON lists them all). */
function occurrenceList(f: Finding, origins: Origins): string[] {
  const occ = f.occurrences ?? [];
  const total = occurrenceCount(f);
  const out = [`**Occurrences** (${total} places):`, ''];
  for (const o of occ.slice(0, MAX_OCCURRENCES_SHOWN)) out.push(`- ${place(o, origins)}${o.message ? `: ${withoutTruncatedValues(o.message)}` : ''}`);
  if (total > MAX_OCCURRENCES_SHOWN) out.push(`- and ${total - MAX_OCCURRENCES_SHOWN} more`);
  return out;
}

function renderFailure(f: Finding, n: number, typescriptTask: boolean, origins: Origins): string[] {
  const meta = metaFor(f.ruleId);
  const out: string[] = [`### ${n}. ${f.title}`, '', `**Impact Level**: ${LEVEL[f.severity]}`, ''];
  out.push('**MODEL_RESPONSE Issue**:', withoutTruncatedValues(f.message), '');
  const grouped = (f.occurrences?.length ?? 0) > 1;
  if (f.modelSnippet) out.push(...codeBlock(f.modelSnippet, origins), '');
  else if (!grouped) out.push(`Location: ${place(f, origins)}.`, '');
  if (grouped) out.push(...occurrenceList(f, origins), '');
  out.push('**IDEAL_RESPONSE Fix**:');
  // The ideal's own code is the fix a reviewer shows; the generic template only stands in when it has none.
  if (f.idealSnippet) {
    if (meta?.fix) out.push(meta.fix, '');
    else out.push('');
    out.push(...codeBlock(f.idealSnippet), '');
  } else if (meta) {
    out.push(meta.fix, '');
    const ex = fixExampleFor(meta, typescriptTask);
    if (ex) out.push(...plainBlock(ex.code, ex.language), '');
  } else {
    out.push(isCategoryId(f.category) ? `Resolve the ${f.category} issue: ${categoryInfo(f.category).description}` : 'Resolve the issue described above.', '');
  }
  out.push('**Root Cause**:', meta?.rootCause ?? (isCategoryId(f.category) ? categoryInfo(f.category).description : 'Not recorded for this finding.'), '');
  if (meta?.docs) out.push(`**AWS Documentation Reference**: ${meta.docs}`, '');
  if (meta?.impact) out.push(`**Impact**: ${meta.impact}`, '');
  if (f.logExcerpt) out.push('**Log Excerpt**:', '', ...plainBlock(f.logExcerpt, 'text'), '');
  out.push(`**Category**: \`${f.category}\` (Category ${f.fixClass} fix); **Evidence**: ${f.evidence.join(', ')}; **Rule**: \`${f.ruleId}\``, '');
  return out;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Where an observation is: its resource, its place count when grouped, else its file and line. */
function observationWhere(f: Finding): string {
  const n = occurrenceCount(f);
  if (n > 1) return `${n} places`;
  if (f.resource) return `\`${cell(f.resource)}\``;
  if (!f.location.file) return '-';
  return `\`${cell(f.location.file)}${f.location.line ? `:${f.location.line}` : ''}\``;
}

function observationTable(obs: readonly Finding[]): string[] {
  const out = [
    '## Observations',
    '',
    `${obs.length} smaller finding${obs.length === 1 ? '' : 's'} below the failure tier (churn, best practices, details of a listed failure), one line each in rank order; the JSON and SARIF reports carry their details.`,
    '',
    '| Rank | Rule | Resource | Title |',
    '|---|---|---|---|',
  ];
  for (const f of obs) out.push(`| ${f.rank ?? '-'} | \`${cell(f.ruleId)}\` | ${observationWhere(f)} | ${cell(f.title)} |`);
  out.push('');
  return out;
}

function platformLabel(r: AnalysisResult): string {
  return r.task.language && !r.task.platform.includes(r.task.language) ? `${r.task.platform}, ${r.task.language}` : r.task.platform;
}

function countBySeverity(fs: readonly Finding[]): string {
  return SEVERITIES.map((s) => [s, fs.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`)
    .join(', ');
}

function overview(r: AnalysisResult, failures: readonly Finding[], observations: readonly Finding[]): string {
  const head = `This analysis compares the MODEL_RESPONSE of \`${r.task.path}\` (${platformLabel(r)}) with its IDEAL_RESPONSE and the project's conventions.`;
  if (!failures.length && !observations.length) {
    return `${head} No failures were found: the static checks, the model-versus-ideal comparison and the available logs raised nothing.`;
  }
  const obs = (after: string): string =>
    observations.length ? ` ${observations.length} smaller observation${observations.length === 1 ? ' is' : 's are'} listed in one table${after}.` : '';
  if (!failures.length) return `${head} No failures were found.${obs('')}`;
  const n = failures.length;
  return `${head} It documents ${n} failure${n === 1 ? '' : 's'} (${countBySeverity(failures)}), most significant first, each with the model's code, the ideal's fix, why the model got it wrong and where it is documented.${obs(' after them')}`;
}

/**
 * Impact-level headings (as the reviewers write them) only when they keep rank order: when the ranked failures
 * already run from critical to low. When the judge ranks a high failure above a critical one, one heading keeps
 * the document in rank order instead of regrouping it.
 */
function severityMonotone(failures: readonly Finding[]): boolean {
  return failures.every((f, i) => i === 0 || SEVERITY_RANK[failures[i - 1]!.severity] <= SEVERITY_RANK[f.severity]);
}

function failureSections(failures: readonly Finding[], typescriptTask: boolean, origins: Origins): string[] {
  const out: string[] = [];
  if (!failures.length) return out;
  const byLevel = severityMonotone(failures);
  if (!byLevel) out.push('## Failures', '', 'In rank order, most significant first.', '');
  let level: Severity | undefined;
  failures.forEach((f, i) => {
    if (byLevel && f.severity !== level) {
      level = f.severity;
      out.push(`## ${LEVEL[level]} Failures`, '');
    }
    out.push(...renderFailure(f, i + 1, typescriptTask, origins), '---', '');
  });
  return out;
}

function scoreSection(score: ScoreResult | null): string[] {
  const out: string[] = ['### Training Quality', ''];
  if (!score) {
    out.push('Not scored (no model response, or scoring was turned off).', '');
    return out;
  }
  const b = score.breakdown;
  out.push(`**Score**: ${score.trainingQuality}/10 (${score.trainingQuality >= 8 ? 'meets' : 'below'} the threshold of 8)`, '');
  out.push(`- Base score: ${b.base}`);
  out.push(`- Critical blocker: ${b.blocker ?? 'none'}`);
  if (!b.blocker) {
    out.push(`- Fix counts: Category A ${b.counts.A}, Category B ${b.counts.B}, Category C ${b.counts.C}`);
    out.push(`- Fix adjustment (failure tier): ${signed(b.fixAdjustment)}`);
    out.push(`- Complexity adjustment: ${signed(b.complexityAdjustment)}`);
  }
  out.push('', '| Step | Detail | Change |', '|---|---|---|');
  for (const s of b.steps) {
    const change = s.value !== undefined ? `= ${s.value}` : s.delta !== undefined ? signed(s.delta) : '';
    out.push(`| ${cell(s.step)} | ${cell(s.detail)} | ${change} |`);
  }
  out.push('');
  return out;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

/** Counts and knowledge gaps come from the failure tier only: observations are not what the task failed at. */
function summary(r: AnalysisResult, failures: readonly Finding[], observations: readonly Finding[]): string[] {
  const out: string[] = ['## Summary', ''];
  if (failures.length) {
    out.push(`- **Total failures**: ${failures.length} (${countBySeverity(failures)})`);
    if (observations.length) out.push(`- **Observations**: ${observations.length} (not counted as failures)`);
    out.push('', '### Failures by Impact Level', '');
    for (const s of SEVERITIES) {
      const of = failures.filter((f) => f.severity === s);
      if (!of.length) continue;
      const titles = [...new Set(of.map((f) => f.title))];
      const shown = titles.slice(0, 6).join('; ') + (titles.length > 6 ? `; and ${titles.length - 6} more` : '');
      out.push(`- **${LEVEL[s]}**: ${of.length} (${shown})`);
    }
    const classes = (['A', 'B', 'C'] as const).map((c) => `Category ${c}: ${failures.filter((f) => f.fixClass === c).length}`).join(', ');
    out.push('', '### Failures by Fix Category', '', `${classes}.`, '', '| Category | Fix class | Count |', '|---|---|---|');
    // Keyed by the finding's own fix class: a rule may override its category's default class.
    const byCat = new Map<string, number>();
    for (const f of failures) {
      const k = `${f.category}\u0000${f.fixClass}`;
      byCat.set(k, (byCat.get(k) ?? 0) + 1);
    }
    for (const [k, n] of [...byCat.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const [c, fc] = k.split('\u0000');
      out.push(`| \`${c}\` | ${fc} | ${n} |`);
    }
    out.push('', '### Primary Knowledge Gaps', '');
    const gaps: string[] = [];
    for (const f of failures) {
      const g = capitalize(knowledgeGapOf(f));
      if (!gaps.includes(g)) gaps.push(g);
    }
    gaps.slice(0, MAX_KNOWLEDGE_GAPS).forEach((g, i) => out.push(`${i + 1}. ${g}`));
    out.push('');
  } else if (observations.length) {
    out.push(`- **Total failures**: 0`, `- **Observations**: ${observations.length}`, '');
  }
  if (r.notes.length || r.warnings.length) {
    out.push('### Notes', '');
    for (const n of r.notes) out.push(`- ${n}`);
    for (const w of r.warnings) out.push(`- Warning: ${w}`);
    out.push('');
  }
  out.push(...scoreSection(r.score));
  return out;
}

export function renderMarkdown(r: AnalysisResult): string {
  const ranked = rankOrder(r.findings);
  const failures = ranked.filter((f) => tierOf(f) === 'failure');
  const observations = ranked.filter((f) => tierOf(f) === 'observation');
  const out: string[] = ['# Model Response Failures Analysis', '', overview(r, failures, observations), ''];
  out.push(...failureSections(failures, isTypeScriptTask(r.task), r.origins));
  if (observations.length) out.push(...observationTable(observations));
  out.push(...summary(r, failures, observations));
  out.push(`_Generated by ${r.tool.name} ${r.tool.version}._`, '');
  return out.join('\n');
}

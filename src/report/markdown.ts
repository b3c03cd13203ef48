/**
 * The failure-analysis document (MODEL_FAILURES.md form): overview, failures grouped by impact level, each with
 * the model's code, the ideal's fix, root cause, documentation and impact; then a summary with counts, knowledge
 * gaps, notes and the training-quality calculation. Pure function of the AnalysisResult: deterministic.
 */
import type { AnalysisResult, ScoreResult } from '../pipeline/types.js';
import type { Finding, Snippet } from '../findings/types.js';
import type { Severity } from '../taxonomy/categories.js';
import { SEVERITIES, categoryInfo, isCategoryId } from '../taxonomy/categories.js';
import { knowledgeGapOf, metaFor } from './metas.js';

/** Longest code excerpt shown per snippet; the rest is elided with a marker line. */
export const MAX_SNIPPET_LINES = 25;

const LEVEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

function fenceLanguage(s: Snippet): string {
  const l = s.language.toLowerCase();
  if (l === 'ts' || l === 'typescript') return 'typescript';
  if (l === 'py' || l === 'python') return 'python';
  if (l === 'js' || l === 'javascript') return 'javascript';
  if (l === 'hcl' || l === 'tf' || /\.tf$/.test(s.file)) return 'hcl';
  return l || 'text';
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

function codeBlock(s: Snippet): string[] {
  const code = trimSnippet(s.code);
  const fence = fenceFor(code);
  return [`\`${s.file}\`, line ${s.line}:`, '', `${fence}${fenceLanguage(s)}`, code, fence];
}

function plainBlock(code: string, language: string): string[] {
  const body = trimSnippet(code);
  const fence = fenceFor(body);
  return [`${fence}${language}`, body, fence];
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function categoryLabel(id: string): string {
  return isCategoryId(id) ? `\`${id}\` (Category ${categoryInfo(id).fixClass} fix)` : `\`${id}\``;
}

function renderFailure(f: Finding, n: number): string[] {
  const meta = metaFor(f.ruleId);
  const out: string[] = [`### ${n}. ${f.title}`, '', `**Impact Level**: ${LEVEL[f.severity]}`, ''];
  out.push('**MODEL_RESPONSE Issue**:', f.message, '');
  if (f.modelSnippet) out.push(...codeBlock(f.modelSnippet), '');
  else out.push(`Location: \`${f.location.file}\`${f.location.line ? `, line ${f.location.line}` : ''}${f.resource ? ` (\`${f.resource}\`)` : ''}.`, '');
  out.push('**IDEAL_RESPONSE Fix**:');
  if (f.idealSnippet) {
    if (meta?.fix) out.push(meta.fix, '');
    out.push(...codeBlock(f.idealSnippet), '');
  } else if (meta) {
    out.push(meta.fix, '');
    if (meta.fixExample) out.push(...plainBlock(meta.fixExample, 'hcl'), '');
  } else {
    out.push(isCategoryId(f.category) ? `Resolve the ${f.category} issue: ${categoryInfo(f.category).description}` : 'Resolve the issue described above.', '');
  }
  out.push('**Root Cause**:', meta?.rootCause ?? (isCategoryId(f.category) ? categoryInfo(f.category).description : 'Not recorded for this finding.'), '');
  if (meta?.docs) out.push(`**Documentation Reference**: ${meta.docs}`, '');
  if (meta?.impact) out.push(`**Impact**: ${meta.impact}`, '');
  if (f.logExcerpt) out.push('**Log Excerpt**:', '', ...plainBlock(f.logExcerpt, 'text'), '');
  out.push(`**Category**: ${categoryLabel(f.category)}; **Evidence**: ${f.evidence.join(', ')}; **Rule**: \`${f.ruleId}\``, '');
  return out;
}

function overview(r: AnalysisResult): string {
  const n = r.findings.length;
  const lang = r.task.language && !r.task.platform.includes(r.task.language) ? `${r.task.platform}, ${r.task.language}` : r.task.platform;
  if (n === 0) {
    return `This analysis compares the MODEL_RESPONSE of \`${r.task.path}\` (${lang}) with its IDEAL_RESPONSE and the project's conventions. No failures were found: the static checks, the model-versus-ideal comparison and the available logs raised nothing.`;
  }
  const counts = SEVERITIES.map((s) => [s, r.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`)
    .join(', ');
  const cats = new Set(r.findings.map((f) => f.category)).size;
  return `This analysis compares the MODEL_RESPONSE of \`${r.task.path}\` (${lang}) with its IDEAL_RESPONSE and the project's conventions. It documents ${n} failure${n === 1 ? '' : 's'} (${counts}) across ${cats} categor${cats === 1 ? 'y' : 'ies'}, each with the model's code, the fix, why the model got it wrong and where it is documented.`;
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
    out.push(`- MODEL_FAILURES adjustment: ${signed(b.fixAdjustment)}`);
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

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function summary(r: AnalysisResult): string[] {
  const out: string[] = ['## Summary', ''];
  if (r.findings.length) {
    out.push('### Failures by Impact Level', '');
    for (const s of SEVERITIES) {
      const of = r.findings.filter((f) => f.severity === s);
      if (!of.length) continue;
      const titles = [...new Set(of.map((f) => f.title))];
      const shown = titles.slice(0, 6).join('; ') + (titles.length > 6 ? `; and ${titles.length - 6} more` : '');
      out.push(`- **${LEVEL[s]}**: ${of.length} (${shown})`);
    }
    out.push('', '### Failures by Category', '', '| Category | Fix class | Count |', '|---|---|---|');
    const byCat = new Map<string, number>();
    for (const f of r.findings) byCat.set(f.category, (byCat.get(f.category) ?? 0) + 1);
    for (const [c, n] of [...byCat.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      out.push(`| \`${c}\` | ${isCategoryId(c) ? categoryInfo(c).fixClass : '?'} | ${n} |`);
    }
    out.push('', '### Primary Knowledge Gaps', '');
    const gaps: string[] = [];
    for (const f of r.findings) {
      const g = knowledgeGapOf(f);
      if (!gaps.includes(g)) gaps.push(g);
    }
    gaps.slice(0, 10).forEach((g, i) => out.push(`${i + 1}. ${capitalize(g)}`));
    out.push('');
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
  const out: string[] = ['# Model Response Failures Analysis', '', overview(r), ''];
  let n = 0;
  for (const s of SEVERITIES) {
    const of = r.findings.filter((f) => f.severity === s);
    if (!of.length) continue;
    out.push(`## ${LEVEL[s]} Failures`, '');
    for (const f of of) {
      n += 1;
      out.push(...renderFailure(f, n), '---', '');
    }
  }
  out.push(...summary(r));
  out.push(`_Generated by ${r.tool.name} ${r.tool.version}._`, '');
  return out.join('\n');
}

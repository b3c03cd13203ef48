/**
 * Checks each claimed failure of a written analysis against iacjudge's own findings and the two responses:
 * - supported: a finding of the same category, or a finding naming an identifier the claim names;
 * - unsupported: the code does not bear the claim out (the "wrong" code the claim quotes is still in the ideal,
 *   or the "fixed" code it quotes was already in the model);
 * - unconfirmed: checkable, but neither confirmed nor contradicted;
 * - not-checkable: tests, documentation, style, process, or no category at all.
 * Also lists the findings the analysis never mentions.
 */
import type { AnalysisResult } from '../contracts/pipeline.js';
import type { Finding } from '../findings/types.js';
import type { CategoryId } from '../taxonomy/categories.js';
import type { Claim, ClaimSnippet } from './parse.js';
import { classifyClaim, NOT_CHECKABLE } from './classify.js';

export type ClaimStatus = 'supported' | 'unsupported' | 'unconfirmed' | 'not-checkable';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['supported', 'unsupported', 'unconfirmed', 'not-checkable'];

export interface ClaimCheck {
  claim: Claim;
  category: CategoryId | null;
  status: ClaimStatus;
  reason: string;
  /** `ruleId` (and resource) of the findings that support the claim. */
  evidence: string[];
}

export interface VerifyReport {
  task: string;
  claims: ClaimCheck[];
  /** Findings whose category and identifiers the analysis never mentions. */
  unmentioned: Finding[];
  counts: Record<ClaimStatus, number>;
}

export interface ResponseTexts {
  model: string;
  ideal: string;
}

/** Identifiers specific enough to match findings: `skip_final_snapshot`, `aws_s3_bucket.logs`, `provider.tf`. */
function specificIdentifiers(claim: Claim): string[] {
  return claim.identifiers
    .map((i) => i.trim())
    .filter((i) => i.length >= 6 && /^[\w.\-/:${}[\]*]+$/.test(i) && /[_.]/.test(i));
}

function describe(f: Finding): string {
  return f.resource ? `${f.ruleId} on ${f.resource}` : `${f.ruleId} at ${f.location.file}:${f.location.line}`;
}

function normalizeLines(code: string): string[] {
  return code
    .split('\n')
    .map((l) => l.replace(/(?<!\s)\s+#[^]*$|^\s*#[^]*$|(?<!\s)\s*\/\/[^]*$/, '').replace(/\s+/g, ' ').trim())
    .filter((l) => l.length >= 4 && !/^[{}[\]()]+,?$/.test(l));
}

/** Every meaningful line of the snippet occurs in the text (order-free), with at least two such lines. */
function containsSnippet(text: string, snippet: ClaimSnippet): boolean {
  const lines = normalizeLines(snippet.code);
  if (lines.length < 2) return false;
  const have = new Set(normalizeLines(text));
  return lines.every((l) => have.has(l));
}

function contradiction(claim: Claim, texts: ResponseTexts): string | null {
  for (const s of claim.snippets) {
    if (s.side === 'model' && containsSnippet(texts.ideal, s) && containsSnippet(texts.model, s)) {
      return 'the code the claim calls wrong is unchanged in the ideal response';
    }
    if (s.side === 'ideal' && containsSnippet(texts.model, s)) {
      return 'the code the claim presents as the fix is already in the model response';
    }
  }
  return null;
}

export function checkClaim(claim: Claim, findings: Finding[], texts: ResponseTexts): ClaimCheck {
  const { category } = classifyClaim(claim);
  if (!category || NOT_CHECKABLE.has(category)) {
    return { claim, category, status: 'not-checkable', reason: category ? `${category} claims are not visible in the code` : 'no category recognized', evidence: [] };
  }
  const sameCategory = findings.filter((f) => f.category === category);
  const ids = specificIdentifiers(claim);
  const byIdentifier = findings.filter(
    (f) => f.category !== category && ids.some((id) => (f.resource ?? '').includes(id) || f.message.includes(id) || f.ruleId === id),
  );
  if (sameCategory.length || byIdentifier.length) {
    const support = [...sameCategory, ...byIdentifier];
    return {
      claim,
      category,
      status: 'supported',
      reason: sameCategory.length ? `${sameCategory.length} ${category} finding${sameCategory.length === 1 ? '' : 's'}` : 'a finding names the same identifier',
      evidence: [...new Set(support.map(describe))].slice(0, 5),
    };
  }
  const contra = contradiction(claim, texts);
  if (contra) return { claim, category, status: 'unsupported', reason: contra, evidence: [] };
  return { claim, category, status: 'unconfirmed', reason: `no ${category} finding`, evidence: [] };
}

function mentioned(f: Finding, doc: string, categories: Set<string>): boolean {
  if (categories.has(f.category)) return true;
  const lower = doc.toLowerCase();
  if (f.resource) {
    const name = f.resource.split('.').pop() ?? '';
    if (lower.includes(f.resource.toLowerCase()) || (name.length >= 5 && lower.includes(name.toLowerCase()))) return true;
  }
  return false;
}

export function verifyAnalysis(claims: Claim[], result: AnalysisResult, texts: ResponseTexts, document: string): VerifyReport {
  const checks = claims.map((c) => checkClaim(c, result.findings, texts));
  const categories = new Set(checks.map((c) => c.category).filter((c): c is CategoryId => c !== null));
  const unmentioned = result.findings.filter((f) => !mentioned(f, document, categories));
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, checks.filter((c) => c.status === s).length])) as Record<ClaimStatus, number>;
  return { task: result.task.path, claims: checks, unmentioned, counts };
}

export function renderVerifyText(r: VerifyReport): string {
  const out: string[] = [];
  const n = r.claims.length;
  out.push(
    `${r.task}: ${n} claimed failure${n === 1 ? '' : 's'}: ${r.counts.supported} supported, ${r.counts.unsupported} unsupported, ${r.counts.unconfirmed} unconfirmed, ${r.counts['not-checkable']} not checkable`,
    '',
  );
  for (const c of r.claims) {
    const sev = c.claim.severity ? ` [${c.claim.severity}]` : '';
    out.push(`  ${c.status.padEnd(13)} #${c.claim.index}${sev} ${c.claim.title} (${c.category ?? 'unclassified'})`);
    out.push(`                ${c.reason}${c.evidence.length ? `: ${c.evidence.join(', ')}` : ''}`);
  }
  out.push('', `Findings the analysis does not mention: ${r.unmentioned.length}`);
  for (const f of r.unmentioned) out.push(`  ${f.severity.padEnd(8)} ${f.category.padEnd(20)} ${f.resource ?? `${f.location.file}:${f.location.line}`}  ${f.title}`);
  return out.join('\n') + '\n';
}

export function verifyJson(r: VerifyReport): string {
  const json = {
    task: r.task,
    counts: r.counts,
    claims: r.claims.map((c) => ({
      index: c.claim.index,
      title: c.claim.title,
      line: c.claim.line,
      severity: c.claim.severity,
      claimedCategory: c.claim.claimedCategory,
      category: c.category,
      status: c.status,
      reason: c.reason,
      evidence: c.evidence,
      identifiers: c.claim.identifiers,
    })),
    unmentioned: r.unmentioned.map((f) => ({ ruleId: f.ruleId, category: f.category, severity: f.severity, title: f.title, location: f.location, ...(f.resource ? { resource: f.resource } : {}) })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

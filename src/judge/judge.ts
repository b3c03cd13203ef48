/**
 * The judge: merge → what the ideal keeps → group by root cause → significance → tier → rank.
 *
 * The failure tier is what a reviewer would list: findings whose check has named documented failures often
 * enough on the dev corpus (weighted by severity and evidence), that the reviewer's own ideal does not keep,
 * that are not churn, at most MAX_FAILURES of them. Everything else is an observation: still in the JSON with
 * all its occurrences, one line in the document.
 * Rank: the failure tier first, in the reviewer's order (blockers, security, requirements, operations,
 * conventions; then severity, then significance); observations after it by significance.
 */
import type { Finding } from '../findings/types.js';
import type { Task } from '../contracts/task.js';
import type { Configuration } from '../model/types.js';
import type { RuleMeta } from '../contracts/check.js';
import { mergeFindings, compareFindings } from '../findings/merge.js';
import { allMetas } from '../rules/catalog-meta.js';
import { diffRuleMetas } from '../diff/findings.js';
import { schemaRuleMetas } from '../schema/metas.js';
import { CLASS_ORDER, compareBySeverity, significance, significanceClass } from './significance.js';
import { foldInto, foldRootCausePairs, foldSameConcern, groupByCheck, resourcesOf } from './group.js';

export interface JudgeInput {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
  /** Static findings of the model's fired rules, run on the ideal. */
  idealFindings?: Finding[];
  /** Whether the ideal is partial (shows some blocks only) and its renames of model addresses. */
  idealCoverage?: { partial: boolean; renames: Record<string, string> };
}

/**
 * Thresholds of the tier, with their reason (calibrated on the dev corpus with `npm run eval:headline`, never
 * per task): a finding joins the failure tier when its significance (check precision × severity × evidence
 * weight) reaches FAILURE_THRESHOLD; at most MAX_FAILURES, the most significant, are listed (a reviewer lists
 * about 8; the goal is a median of at most 12).
 */
export const TIER_CALIBRATION = {
  FAILURE_THRESHOLD: 0.15,
  MAX_FAILURES: 10,
} as const;

let metaIndex: Map<string, RuleMeta> | null = null;
function metaOf(ruleId: string): RuleMeta | undefined {
  if (!metaIndex) {
    metaIndex = new Map();
    for (const m of [...schemaRuleMetas, ...diffRuleMetas, ...allMetas()]) metaIndex.set(m.id, m);
  }
  return metaIndex.get(ruleId);
}

/** Block addresses of a configuration (`aws_s3_bucket.logs`), to tell a resource the partial ideal shows. */
function addressesOf(config: Configuration | null): Set<string> {
  const out = new Set<string>();
  for (const b of config?.blocks ?? []) {
    if (b.kind === 'resource' && b.labels.length >= 2) out.add(`${b.labels[0]}.${b.labels[1]}`);
    else if (b.kind === 'data' && b.labels.length >= 2) out.add(`data.${b.labels[0]}.${b.labels[1]}`);
  }
  return out;
}

/**
 * Static findings the ideal keeps: the same check fires on the ideal on the same resource (through the diff's
 * renames). Whole-configuration findings (no block address) count only when the ideal is complete: a partial
 * ideal lacks files by construction. Findings the diff or a log also establishes are never "kept".
 */
export function keptByIdeal(findings: readonly Finding[], input: JudgeInput): Set<Finding> {
  const kept = new Set<Finding>();
  if (!input.ideal || !input.idealFindings) return kept;
  const partial = input.idealCoverage?.partial ?? false;
  const renames = input.idealCoverage?.renames ?? {};
  const idealAddresses = addressesOf(input.ideal);
  const idealKeys = new Set<string>();
  const idealRules = new Set<string>();
  for (const f of input.idealFindings) {
    idealRules.add(f.ruleId);
    if (f.resource) idealKeys.add(`${f.ruleId}\u0000${f.resource}`);
  }
  for (const f of findings) {
    if (f.evidence.includes('diff') || f.evidence.includes('log') || !f.evidence.includes('static')) continue;
    const resource = f.resource ? renames[f.resource] ?? f.resource : undefined;
    const isBlock = resource !== undefined && idealAddresses.has(resource);
    if (isBlock) {
      if (idealKeys.has(`${f.ruleId}\u0000${resource}`)) kept.add(f);
    } else if (!partial && idealRules.has(f.ruleId)) {
      kept.add(f);
    }
  }
  return kept;
}

function isChurn(f: Finding): boolean {
  const onCode = f.evidence.includes('static') || f.evidence.includes('log');
  return !onCode && metaOf(f.ruleId)?.defaultTier === 'observation';
}

function compareFailures(a: JudgedGroup, b: JudgedGroup): number {
  return (
    CLASS_ORDER.indexOf(significanceClass(a.finding)) - CLASS_ORDER.indexOf(significanceClass(b.finding)) ||
    compareBySeverity(a.finding, b.finding) ||
    b.significance - a.significance ||
    compareFindings(a.finding, b.finding)
  );
}

function compareObservations(a: JudgedGroup, b: JudgedGroup): number {
  return b.significance - a.significance || compareBySeverity(a.finding, b.finding) || compareFindings(a.finding, b.finding);
}

/** The contract's field order (JSON readers and golden files see a stable shape). */
function inContractOrder(f: Finding): Finding {
  const out: Finding = {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    evidence: f.evidence,
    fixClass: f.fixClass,
    tier: f.tier!,
    rank: f.rank!,
    title: f.title,
    message: f.message,
    location: f.location,
  };
  if (f.resource !== undefined) out.resource = f.resource;
  if (f.occurrences && f.occurrences.length > 1) out.occurrences = f.occurrences;
  if (f.modelSnippet) out.modelSnippet = f.modelSnippet;
  if (f.idealSnippet) out.idealSnippet = f.idealSnippet;
  if (f.logExcerpt) out.logExcerpt = f.logExcerpt;
  return out;
}

export interface JudgedGroup {
  finding: Finding;
  significance: number;
  /** The reviewer's ideal keeps this finding (the same check fires on the same resource of the ideal). */
  kept: boolean;
  /** Diff-only churn (a check whose meta says observation). */
  churn: boolean;
}

/** Merge, what the ideal keeps, grouping by root cause and significance: everything but the tier. */
export function groupForJudging(findings: Finding[], input: JudgeInput): JudgedGroup[] {
  const merged = mergeFindings(findings);
  const kept = keptByIdeal(merged, input);
  const groups = groupByCheck(merged, (f) => (kept.has(f) ? 'kept' : 'fixed'));
  const keptLeads = new Set(groups.filter((g) => g.split === 'kept').map((g) => g.finding));
  const grouped = foldSameConcern(foldRootCausePairs(groups.map((g) => g.finding)), (a, b) => keptLeads.has(a) === keptLeads.has(b));
  return grouped.map((f) => ({ finding: f, significance: significance(f), kept: keptLeads.has(f), churn: isChurn(f) }));
}

/** Tier and rank over prepared groups; findings in rank order and in the contract's field order. */
export function tierAndRank(groups: JudgedGroup[]): Finding[] {
  let judged = groups;
  const ranked = judged
    .filter((j) => !j.kept && !j.churn && j.significance >= TIER_CALIBRATION.FAILURE_THRESHOLD)
    .sort((a, b) => b.significance - a.significance || compareFindings(a.finding, b.finding));
  // Never one root cause twice in the tier: a candidate whose lead resource a selected failure already reports
  // in the same category folds into it.
  const inTier = new Set<JudgedGroup>();
  const concern = new Map<string, JudgedGroup>();
  const folded = new Set<JudgedGroup>();
  for (const j of ranked) {
    if (inTier.size >= TIER_CALIBRATION.MAX_FAILURES) break;
    const resources = [...resourcesOf(j.finding)];
    // Keyed by the lead resource: a grouped finding whose lead is already reported in its category is that concern.
    const host = j.finding.resource ? concern.get(`${j.finding.category}\u0000${j.finding.resource}`) : undefined;
    if (host) {
      foldInto(host.finding, j.finding);
      folded.add(j);
      continue;
    }
    inTier.add(j);
    for (const r of resources) if (!concern.has(`${j.finding.category}\u0000${r}`)) concern.set(`${j.finding.category}\u0000${r}`, j);
  }
  judged = judged.filter((j) => !folded.has(j));
  for (const j of judged) j.finding.tier = inTier.has(j) ? 'failure' : 'observation';
  const failures = judged.filter((j) => inTier.has(j)).sort(compareFailures);
  const observations = judged.filter((j) => !inTier.has(j)).sort(compareObservations);
  return [...failures, ...observations].map((j, i) => {
    const f = j.finding;
    f.rank = i + 1;
    return inContractOrder(f);
  });
}

export function judgeFindings(findings: Finding[], input: JudgeInput): Finding[] {
  return tierAndRank(groupForJudging(findings, input));
}

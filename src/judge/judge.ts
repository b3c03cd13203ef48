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
import { toSnippet } from '../diff/snippet.js';
import { attrExpr, blockAddress, preventDestroyBlock, staticBool } from '../model/query.js';
import { camelToSnake } from '../model/names.js';
import { CLASS_ORDER, compareBySeverity, establishedOnCode, significance, significanceClass, type SignificanceClass } from './significance.js';
import { foldInto, foldOccurrences, occurrencesOf, foldRootCausePairs, foldSameConcern, groupByCheck, resourcesOf } from './group.js';
import type { Occurrence } from '../findings/types.js';

export interface JudgeInput {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
  /** Static findings of the model's fired rules, run on the ideal. */
  idealFindings?: Finding[];
  /** Whether the ideal is partial (shows some blocks only) and its renames of model addresses. */
  idealCoverage?: { partial: boolean; renames: Record<string, string>; /** Model files a partial ideal does not show (their blocks count as unchanged). */ unshownFiles?: string[] };
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

/**
 * Categories whose findings fail `terraform validate` or `tsc`: listed from the code whatever the check's
 * precision (critical/high), and the only ones a difference from the ideal alone may list (a validate error
 * the ideal fixed).
 */
const VALIDATE_BLOCKER_CATEGORIES = new Set<string>(['syntax', 'schema', 'reference']);

let metaIndex: Map<string, RuleMeta> | null = null;
function metaOf(ruleId: string): RuleMeta | undefined {
  if (!metaIndex) {
    metaIndex = new Map();
    for (const m of [...schemaRuleMetas, ...diffRuleMetas, ...allMetas()]) metaIndex.set(m.id, m);
  }
  return metaIndex.get(ruleId);
}

/** A resource type (`aws_cloudtrail`) or a provider configuration (`provider.aws`, `provider:archive`) as a finding's resource. */
const WHOLE_TYPE_OR_PROVIDER = /^(?:aws_[a-z0-9_]+|provider[.:][\w.-]+)$/;

/**
 * The type part of a resource or data address (`aws_s3_bucket.logs` → `aws_s3_bucket`, `data.aws_iam_policy.x` →
 * `data.aws_iam_policy`); undefined for inputs, outputs, modules and providers, whose "type" says nothing.
 */
function typeOfAddress(address: string): string | undefined {
  if (/^(?:var|output|module|provider|local)\./.test(address)) return undefined;
  return address.slice(0, address.lastIndexOf('.'));
}

/** Block addresses of a configuration (`aws_s3_bucket.logs`, `var.x`), to tell a block the partial ideal shows. */
function addressesOf(config: Configuration | null): Set<string> {
  const kinds = new Set(['resource', 'data', 'variable', 'output']);
  return new Set((config?.blocks ?? []).filter((b) => kinds.has(b.kind)).map(blockAddress));
}

/**
 * Whether an input the model lacks is named nowhere: not referenced by the model and not in the ideal's text. A
 * finding about it (no suffix input) is then one the ideal shares; a reference to an undeclared input is not.
 */
function neverNamed(name: string, input: JudgeInput): boolean {
  const word = new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}([^A-Za-z0-9_]|$)`);
  const referenced = (input.model?.files ?? []).some((f) => f.content.includes(`var.${name}`));
  return !referenced && !(input.ideal?.files ?? []).some((f) => word.test(f.content));
}

/** Both responses hold the same code: the same file texts, whatever the files are called. */
function sameCode(model: Configuration | null, ideal: Configuration | null): boolean {
  if (!model || !ideal || model.files.length === 0) return false;
  const texts = (c: Configuration): string => c.files.map((f) => f.content.trim()).sort().join('\u0000');
  return texts(model) === texts(ideal);
}

/**
 * Static findings the ideal keeps: the same check fires on the ideal on the same resource (through the diff's
 * renames). Whole-configuration findings (no block address) count only when the ideal is complete: a partial
 * ideal lacks files by construction. A finding about a variable neither response declares (no suffix input) is
 * kept: the ideal did not add it either. Findings a log also establishes are never "kept"; nor are those the diff
 * also establishes, unless the same check fires on the same block of the ideal.
 */
export function keptByIdeal(findings: readonly Finding[], input: JudgeInput): Set<Finding> {
  const kept = new Set<Finding>();
  if (!input.ideal || !input.idealFindings) return kept;
  // An ideal that repeats the model's code word for word was never corrected: sharing its findings says nothing.
  if (sameCode(input.model, input.ideal)) return kept;
  const partial = input.idealCoverage?.partial ?? false;
  const renames = input.idealCoverage?.renames ?? {};
  const idealAddresses = addressesOf(input.ideal);
  const modelAddresses = addressesOf(input.model);
  const idealKeys = new Set<string>();
  const idealRules = new Set<string>();
  const idealTypeKeys = new Set<string>();
  const idealMessages = new Set<string>();
  for (const f of input.idealFindings) {
    idealRules.add(f.ruleId);
    if (f.resource) {
      idealKeys.add(`${f.ruleId}\u0000${f.resource}`);
      idealMessages.add(`${f.ruleId}\u0000${f.resource}\u0000${f.message}`);
    }
    const type = f.resource && idealAddresses.has(f.resource) ? typeOfAddress(f.resource) : undefined;
    if (type) idealTypeKeys.add(`${f.ruleId}\u0000${type}`);
  }
  for (const f of findings) {
    if (f.evidence.includes('log') || !f.evidence.includes('static')) continue;
    // What stops a deployment outright is the model's failure whatever the ideal does.
    if (metaOf(f.ruleId)?.blocker) continue;
    const resource = f.resource ? renames[f.resource] ?? f.resource : undefined;
    const isBlock = resource !== undefined && idealAddresses.has(resource);
    // The same check firing on the same block of the ideal: the ideal keeps the concern. Where the diff also
    // touched the block, only when the ideal's finding says the same thing (it edited a neighbouring argument, e.g.
    // a reworded final snapshot name beside the same `skip_final_snapshot = false`; not a replication that now
    // waits for one bucket's versioning but still not the other's).
    if (isBlock && idealKeys.has(`${f.ruleId}\u0000${resource}`) && (!f.evidence.includes('diff') || idealMessages.has(`${f.ruleId}\u0000${resource}\u0000${f.message.split(f.resource!).join(resource)}`))) {
      kept.add(f);
      continue;
    }
    if (f.evidence.includes('diff')) continue;
    const modelType = resource !== undefined && modelAddresses.has(resource) ? typeOfAddress(resource) : undefined;
    if (isBlock) {
      // The ideal shows the block without the finding: the ideal fixed it.
    } else if (resource?.startsWith('var.') && !modelAddresses.has(resource) && neverNamed(resource.slice(4), input)) {
      kept.add(f);
    } else if (resource !== undefined && WHOLE_TYPE_OR_PROVIDER.test(resource) && idealKeys.has(`${f.ruleId}\u0000${resource}`)) {
      // A finding on a resource type or a provider as a whole (`aws_cloudtrail`, `provider.aws`) the ideal repeats:
      // even a partial ideal shows it has the same gap. Backend, tests and file findings are not read this way: a
      // partial ideal leaves out the files that would hold them.
      kept.add(f);
    } else if (modelType !== undefined && idealTypeKeys.has(`${f.ruleId}\u0000${modelType}`)) {
      // A block the ideal restructured away (a module's bucket, a renamed function) whose counterpart of the same
      // type has the same finding in the ideal: the reviewer accepted the pattern.
      kept.add(f);
    } else if (resource?.startsWith('file:')) {
      // A finding on one file (imports the compiler rejects) is the ideal's too only in the same file: the same
      // check on another file is another problem.
      if (idealKeys.has(`${f.ruleId}\u0000${resource}`)) kept.add(f);
    } else if (!partial && idealRules.has(f.ruleId)) {
      kept.add(f);
    }
  }
  return kept;
}

/** Settings that keep a resource from being destroyed, with the value that protects it. */
const PROTECTIVE_SETTINGS: [string, boolean][] = [
  ['force_destroy', false],
  ['skip_final_snapshot', false],
  ['deletion_protection', true],
  ['deletion_protection_enabled', true],
];

/**
 * A destroyability finding on a block the reviewer's ideal protects on purpose (`force_destroy = false` written
 * out, `prevent_destroy`, deletion protection on): the reviewer wants it kept, so "blocks destroy" is not the
 * model's failure (read against the code: judged noise, and its "fix" cited the ideal's protection).
 */
function idealProtects(f: Finding, input: JudgeInput): boolean {
  if (f.category !== 'destroyability' || !f.resource || !input.ideal) return false;
  const address = input.idealCoverage?.renames[f.resource] ?? f.resource;
  const block = input.ideal.blocks.find((b) => b.kind === 'resource' && blockAddress(b) === address);
  if (!block) return false;
  return preventDestroyBlock(block) !== undefined || PROTECTIVE_SETTINGS.some(([name, value]) => staticBool(attrExpr(block, name)) === value);
}

/**
 * Categories of hardening a resource the reviewer deleted no longer needs. Not exposure, permissions, secrets or
 * deprecations: there the removal is the fix (a public policy dropped, WAF Classic replaced by WAFv2).
 */
const HARDENING_CATEGORIES = new Set(['encryption', 'logging', 'monitoring', 'backup-recovery', 'tagging', 'lifecycle-cost', 'high-availability', 'scaling', 'destroyability', 'naming']);

/**
 * A finding on a resource whose type the ideal drops altogether (a delivery stream nothing feeds), where the ideal
 * shows the model's file: the reviewer removed the resource, so hardening it is not what the reviewer lists. What
 * fails a deployment stays.
 */
function typeDroppedByIdeal(f: Finding, input: JudgeInput): boolean {
  if (!input.ideal || !input.idealCoverage || !f.resource || !HARDENING_CATEGORIES.has(f.category) || listedWhateverPrecision(f)) return false;
  const type = typeOfAddress(f.resource);
  if (!type || !/^(?:data\.)?aws_/.test(type)) return false;
  const block = (input.model?.blocks ?? []).find((b) => blockAddress(b) === f.resource);
  if (!block) return false;
  // A partial ideal says nothing of the files it does not show.
  if (input.idealCoverage.partial && (input.idealCoverage.unshownFiles ?? [block.span.file]).includes(block.span.file)) return false;
  return !input.ideal.blocks.some((b) => (b.kind === 'resource' || b.kind === 'data') && typeOfAddress(blockAddress(b)) === type);
}

/**
 * Findings that are observations by design, whatever their significance:
 *  - a check whose meta says so (churn, best practice no reviewer lists), unless a deploy log shows it;
 *  - a failure only the task's written analysis claims (`claim` evidence alone);
 *  - a check gated on the prompt (meta `promptGate`) when the prompt does not ask for what it checks and the
 *    ideal does not add it either (meta `idealGate`), or one whose finding the prompt asks for (meta `promptRequires`);
 *  - a destroyability finding on a block the ideal protects on purpose, hardening of a resource type the ideal
 *    deletes (idealProtects, typeDroppedByIdeal);
 *  - a check whose meta says `failureNeedsIdealChange` when the ideal's change does not show it (dev corpus:
 *    destroyability findings established on the code alone named a documented failure 1 time in 19);
 *  - a difference from the ideal that nothing but the diff establishes, outside the validate-blocker categories
 *    (syntax, schema, reference): read against the code on 36 dev tasks, 5 of 17 diff-only security items and
 *    fewer of the rest were real defects (churn, tuning, usernames, a different but valid design); a static
 *    rule or a log on the same resource carries the diff as evidence instead.
 */
function isChurn(f: Finding, input: JudgeInput): boolean {
  if (f.evidence.includes('log')) return false;
  if (idealProtects(f, input) || typeDroppedByIdeal(f, input)) return true;
  const meta = metaOf(f.ruleId);
  const prompt = input.task.prompt;
  if (meta?.promptGate && prompt !== null && !meta.promptGate.test(prompt)) {
    const idealGate = meta.idealGate;
    const idealOpens = idealGate !== undefined && (input.ideal?.files ?? []).some((file) => idealGate.test(file.content));
    if (!idealOpens) return true;
  }
  if (meta?.promptRequires && prompt !== null && promptAsksFor(prompt, meta.promptRequires)) return true;
  // A failure only the written analysis asserts: the code does not show it, so iacjudge does not list it.
  if (f.evidence.every((e) => e === 'claim')) return true;
  if (meta?.defaultTier === 'observation') return true;
  if (meta?.failureNeedsIdealChange && input.ideal && !f.evidence.includes('diff')) return true;
  const diffOnly = !f.evidence.includes('static');
  return diffOnly && !VALIDATE_BLOCKER_CATEGORIES.has(f.category);
}

/** Words that turn a sentence's request around ("no deletion protection enabled", "set it to false"). */
const NEGATION = /\b(?:no|not|never|without|disabled?|false|off|destroyable|destroy)\b/i;

/** Whether one sentence of the prompt matches `pattern` and negates nothing (see meta `promptRequires`). */
function promptAsksFor(prompt: string, pattern: RegExp): boolean {
  return prompt.split(/(?<=[.!?;])\s+|\n+/).some((sentence) => pattern.test(sentence) && !NEGATION.test(sentence));
}

/** The check that finds a response answering another task. */
const OFF_TASK_CHECK = 'response-off-task';

/**
 * In a response that answers another task, a finding on a resource of a type the reference does not build is part
 * of the wrong answer: the off-task failure is the reviewer's item, and the details of code nobody asked for are
 * observations (read against the code: a key pair and an engine version of the off-task stack judged noise). What
 * fails `terraform validate` or `tsc` stays a failure.
 */
function onOffTaskCode(f: Finding, idealTypes: ReadonlySet<string>): boolean {
  if (f.ruleId === OFF_TASK_CHECK || VALIDATE_BLOCKER_CATEGORIES.has(f.category) || !f.resource) return false;
  // A whole resource type (`aws_cloudwatch_composite_alarm`, the reference's type the model lacks) is the task's own.
  if (WHOLE_TYPE_OR_PROVIDER.test(f.resource)) return false;
  const type = typeOfAddress(f.resource);
  if (!type || !/^aws_/.test(type)) return false;
  return !idealTypes.has(type);
}

/**
 * The class a failure is ranked in: a check whose meta says the deployment stops (blocker, applyFailure) ranks
 * with the blockers whatever its category (a reference cycle fails plan); a low-severity finding of a blocker
 * category does not stop anything (a reserved concurrency that may exceed a quota) and ranks with operations.
 */
function rankClass(f: Finding): SignificanceClass {
  const meta = metaOf(f.ruleId);
  if (meta?.blocker || meta?.applyFailure) return 'blocker';
  const cls = significanceClass(f);
  return cls === 'blocker' && f.severity === 'low' ? 'operations' : cls;
}

function compareFailures(a: JudgedGroup, b: JudgedGroup): number {
  return (
    CLASS_ORDER.indexOf(rankClass(a.finding)) - CLASS_ORDER.indexOf(rankClass(b.finding)) ||
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
  const grouped = foldSameConcern(foldRootCausePairs(groups.map((g) => g.finding)), (a, b) => keptLeads.has(a) === keptLeads.has(b) && !distinctHardErrors(a, b));
  // The reference's resource types, read once: in an off-task answer, findings on types it never builds are observations.
  const idealTypes = input.ideal && merged.some((f) => f.ruleId === OFF_TASK_CHECK) ? new Set(input.ideal.blocks.filter((b) => b.kind === 'resource').map((b) => b.labels[0] ?? '')) : null;
  return grouped.map((f) => ({ finding: f, significance: significance(f), kept: keptLeads.has(f), churn: isChurn(f, input) || (idealTypes !== null && onOffTaskCode(f, idealTypes)) }));
}


/**
 * A deploy blocker established on the model's code (it fails `terraform validate` or `tsc`) is listed: the dev
 * corpus' precision undercounts these checks because reviewers describe them by file and error, not by the
 * argument's name.
 */
function listedWhateverPrecision(f: Finding): boolean {
  return criticalSecurity(f) || (establishedOnCode(f) && (stopsDeployment(f) || metaOf(f.ruleId)?.listedOnCode === true));
}

/**
 * A finding whose check says the deployment stops (blocker or applyFailure metas) or that `terraform validate` or
 * `tsc` rejects (a critical or high finding of a validate-blocker category).
 */
function stopsDeployment(f: Pick<Finding, 'ruleId' | 'category' | 'severity'>): boolean {
  const meta = metaOf(f.ruleId);
  if (meta?.blocker === true || meta?.applyFailure === true) return true;
  return VALIDATE_BLOCKER_CATEGORIES.has(f.category) && (f.severity === 'critical' || f.severity === 'high');
}

/**
 * What is listed even when the reviewer's ideal keeps it: an apply that fails outright (blocker metas). Anything
 * else the ideal keeps, the reviewer accepted: a literal password or a wide policy the ideal repeats is not what a
 * reviewer lists (judged as noise on the dev corpus), and schema, syntax and reference findings the ideal shares
 * are more likely a gap of the bundled schema than of both responses.
 */
function listedWhateverIdeal(f: Finding): boolean {
  return establishedOnCode(f) && metaOf(f.ruleId)?.blocker === true;
}

/** Critical security on the code (a literal secret, `*` on `*`, data open to the world): listed whatever its precision. */
function criticalSecurity(f: Finding): boolean {
  return establishedOnCode(f) && f.severity === 'critical' && significanceClass(f) === 'security';
}

/**
 * Two findings of different checks that each stop the deployment on their own (stopsDeployment) or leave the resource
 * unable to work (meta `brokenResource`): a retired engine version and a backtrack window the engine does not
 * support, or a conditional in a module's providers map and an input the module does not declare, or a log bucket
 * that refuses CloudFront's ACLs and an origin the distribution cannot read, are two errors a reviewer lists, even
 * on one block in one category.
 */
export function distinctHardErrors(a: Pick<Finding, 'ruleId' | 'category' | 'severity'>, b: Pick<Finding, 'ruleId' | 'category' | 'severity'>): boolean {
  const hard = (f: Pick<Finding, 'ruleId' | 'category' | 'severity'>): boolean => stopsDeployment(f) || metaOf(f.ruleId)?.brokenResource === true;
  return a.ruleId !== b.ruleId && hard(a) && hard(b);
}

/** Words that name too much to tie two findings to one argument. */
const GENERIC_ARGUMENTS = new Set(['name', 'tags', 'id', 'arn', 'true', 'false', 'null', 'type', 'value', 'enabled', 'description', 'count', 'for_each', 'depends_on', 'provider']);

/** Argument names a finding quotes (`vpc`, "stage_name", `retry_policy.maximum_event_age` → both parts). */
function argumentsNamed(f: Finding): Set<string> {
  const out = new Set<string>();
  const texts = [f.message, ...(f.occurrences ?? []).map((o) => o.message ?? '')];
  for (const t of texts) {
    for (const m of t.matchAll(/[`"]([A-Za-z_][A-Za-z0-9_.]*)/g)) {
      // Snake case: a TypeScript check names `defaultTags` where the diff names `default_tags`.
      for (const part of m[1]!.split('.')) if (part.length >= 3 && !GENERIC_ARGUMENTS.has(part) && !/^(aws|var|local|data|module)$/.test(part)) out.add(camelToSnake(part));
    }
  }
  return out;
}

function resourceTypes(f: Finding): Set<string> {
  const out = new Set<string>();
  for (const r of resourcesOf(f)) {
    const m = /^(?:data\.)?(aws_[a-z0-9_]+)/.exec(r);
    if (m) out.add(m[1]!);
    // A provider block is its own kind: two findings on `provider.aws` meet like two on one resource type.
    else if (r.startsWith('provider.')) out.add(r);
  }
  return out;
}

function shares<T>(a: Set<T>, b: Set<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Tier and rank over prepared groups; findings in rank order and in the contract's field order. */
export function tierAndRank(groups: JudgedGroup[]): Finding[] {
  let judged = groups;
  const priority = (j: JudgedGroup) => (listedWhateverPrecision(j.finding) ? Math.max(j.significance, TIER_CALIBRATION.FAILURE_THRESHOLD) : j.significance);
  const ranked = judged
    .filter((j) => (!j.kept || listedWhateverIdeal(j.finding)) && !j.churn && (j.significance >= TIER_CALIBRATION.FAILURE_THRESHOLD || listedWhateverPrecision(j.finding)))
    // Findings established on the code are placed first: a difference only the diff shows then folds into the
    // failure the code shows, whatever their measured precisions.
    // Then what stops validate, plan or apply (and critical security) before the rest: with the tier full, a
    // measured-precision item never takes the place of a hard error.
    .sort(
      (a, b) =>
        Number(establishedOnCode(b.finding)) - Number(establishedOnCode(a.finding)) ||
        Number(listedWhateverPrecision(b.finding)) - Number(listedWhateverPrecision(a.finding)) ||
        priority(b) - priority(a) ||
        compareFindings(a.finding, b.finding),
    );
  // Never one root cause twice in the tier. A candidate folds into a selected failure when it reports the same
  // category on that failure's lead resource, or names the same argument on the same resource type (a removed
  // argument reported by the schema, by a deprecation rule and by the ideal's change is one failure).
  const inTier = new Set<JudgedGroup>();
  const concern = new Map<string, JudgedGroup>();
  const folded = new Set<JudgedGroup>();
  for (const j of ranked) {
    if (inTier.size >= TIER_CALIBRATION.MAX_FAILURES) break;
    const diffOnly = !establishedOnCode(j.finding);
    // A grouped candidate may share its root cause with a selected failure in some occurrences only (`stage_name`
    // on the deployment, beside a deprecated `data.aws_region` read): those fold, the rest is tried again.
    let placed = false;
    for (let attempt = 0; attempt < 4 && !placed; attempt++) {
      const types = resourceTypes(j.finding);
      const args = argumentsNamed(j.finding);
      const sameConcern = j.finding.resource ? concern.get(`${j.finding.category}\u0000${j.finding.resource}`) : undefined;
      const byConcern = sameConcern && !distinctHardErrors(sameConcern.finding, j.finding) ? sameConcern : undefined;
      // The ideal's change in a category the tier already reports on the code is that failure's fix.
      // A schema error is its own failure on another resource type (a list written as an object on the cache is not
      // the autoscaling group's removed argument), so there the types must meet too. Not so for references: the
      // declaration the ideal adds fixes the undeclared reference the code shows, wherever it is read.
      const byCategory = byConcern
        ? undefined
        : diffOnly
          ? [...inTier].find(
              (h) =>
                h.finding.category === j.finding.category &&
                h.finding.evidence.includes('static') &&
                (j.finding.category !== 'schema' || shares(types, resourceTypes(h.finding))),
            )
          : undefined;
      const byArgument =
        byConcern || byCategory || !args.size ? undefined : [...inTier].find((h) => shares(types, resourceTypes(h.finding)) && shares(args, argumentsNamed(h.finding)));
      const host = byConcern ?? byCategory ?? byArgument;
      if (!host) break;
      const alone = (o: Occurrence): Finding => ({ ...j.finding, resource: o.resource, message: o.message ?? j.finding.message, occurrences: undefined });
      const take = byCategory
        ? () => true
        : byConcern
          ? (o: Occurrence) => o.resource !== undefined && resourcesOf(host.finding).has(o.resource)
          : (o: Occurrence) => shares(resourceTypes(alone(o)), resourceTypes(host.finding)) && shares(argumentsNamed(alone(o)), argumentsNamed(host.finding));
      if (!occurrencesOf(j.finding).some(take)) {
        // The whole group matched, no single occurrence does: it folds whole.
        foldInto(host.finding, j.finding);
        placed = true;
      } else placed = foldOccurrences(host.finding, j.finding, take);
      if (placed) folded.add(j);
    }
    if (placed) continue;
    const resources = [...resourcesOf(j.finding)];
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

/**
 * "IDEAL_RESPONSE Fix" shows the ideal's own code: a failure that carries no ideal snippet yet gets the ideal's
 * block at the failure's resource (through the diff's renames), when the ideal has that block.
 */
function attachIdealBlocks(findings: Finding[], input: JudgeInput): void {
  if (!input.ideal) return;
  const renames = input.idealCoverage?.renames ?? {};
  const byAddress = new Map<string, NonNullable<JudgeInput['ideal']>['blocks'][number]>();
  for (const b of input.ideal.blocks) if (b.kind === 'resource' || b.kind === 'data' || b.kind === 'variable') byAddress.set(blockAddress(b), b);
  for (const f of findings) {
    if (f.tier !== 'failure' || f.idealSnippet || !f.resource) continue;
    const block = byAddress.get(renames[f.resource] ?? f.resource);
    const snippet = block ? toSnippet(input.ideal, block.span) : undefined;
    if (snippet) f.idealSnippet = snippet;
  }
}

export function judgeFindings(findings: Finding[], input: JudgeInput): Finding[] {
  const judged = tierAndRank(groupForJudging(findings, input));
  attachIdealBlocks(judged, input);
  return judged;
}

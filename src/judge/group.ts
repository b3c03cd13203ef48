/**
 * Grouping by root cause: a failure is one problem with all its occurrences.
 *  1. One check firing on many resources is one failure listing them (the missing environment suffix on 25
 *     resources, six undeclared provider inputs, nine outputs the ideal adds).
 *  2. Checks that report one root cause twice fold into the more significant one (ROOT_CAUSE_PAIRS).
 *  3. A finding on one resource whose category another failure already reports on that resource folds into it
 *     (deletion protection and a required final snapshot on one database are one destroyability failure).
 * Nothing is lost: every folded finding stays as an occurrence, with its own message when it differs.
 */
import type { Finding, Occurrence } from '../findings/types.js';
import { EVIDENCE_KINDS, SEVERITY_RANK } from '../taxonomy/categories.js';
import { compareFindings } from '../findings/merge.js';
import { establishedOnCode } from './significance.js';
import { MODULE_WITHOUT_VARIABLES_TITLE } from '../rules/reference/module-input-mismatch.js';
import { allMetas } from '../rules/catalog-meta.js';

/**
 * Pairs of checks whose findings are one root cause when both fire: the second folds into the first.
 * `scope: 'task'` folds every finding of the second check; `'resource'` only those on a resource of the first;
 * `'file'` only those in the first's file; `'cut'` every finding, when the first stands in a code file (a cut-off
 * response whose cut copy is the one analyzed, not one recovered from an earlier complete copy); `'mentions'` those
 * whose resource type's service the first's message names (a CloudTrail class the compiler rejects, and then "no
 * trail"); `'after'` those in the first's file at or below its line (what a parser reads after an unclosed block);
 * `'replaces'` those on a resource type of the first's service whose name shares a word with the argument the first
 * rejects (`throttle_settings` on `aws_api_gateway_stage`, and then "no aws_api_gateway_method_settings");
 * `'names-host-type'` those whose message names a resource type the first reports missing ("no aws_flow_log
 * captures this VPC's traffic" under "the response has no aws_flow_log").
 */
type FoldScope = 'task' | 'resource' | 'file' | 'cut' | 'mentions' | 'after' | 'replaces' | 'names-host-type';

/** What a response cut off mid-file lacks after the cut: missing blocks, outputs, permissions, declarations. */
const MISSING_AFTER_CUT = [
  'resource-type-missing-vs-reference',
  'module-source-missing',
  'diff-missing-resource',
  'diff-missing-resource-type',
  'diff-missing-resource-prompt',
  'no-outputs',
  'diff-output',
  'no-alarms-when-requested',
  'requested-logging-missing',
  'requested-encryption-missing',
  'requested-s3-lifecycle-missing',
  'diff-iam-missing-permission',
  'diff-iam-actions-added',
  'undeclared-reference',
  'diff-undeclared-reference-fixed',
  'diff-declaration-added-for-reference',
] as const;

/**
 * What the block a response stops in reads as wrong because its text ends mid-way: a half-written argument name,
 * required or destroy-time arguments never reached, a variable whose default the cut never reached, a module call
 * whose inputs the cut never reached. Values written in full before the cut stay their own findings.
 */
const CUT_BLOCK_ABSENCES = ['schema-unknown-argument', 'schema-missing-required', 'schema-block-as-attribute', 'schema-wrong-type', 'final-snapshot-required', 'variable-without-default', 'module-input-mismatch'] as const;

/** What a CDKTF class the compiler rejects leaves missing from the model (its block maps to no resource). */
const MISSING_AFTER_UNKNOWN_CLASS = [
  'resource-type-missing-vs-reference',
  'requested-logging-missing',
  'requested-encryption-missing',
  'no-alarms-when-requested',
  'diff-missing-resource',
  'diff-missing-resource-type',
  'diff-missing-resource-prompt',
] as const;

/**
 * Categories whose checks mostly report what a block lacks (no encryption setting, no logging, no tags): on the
 * block a response stops in, what the cut never reached (read against the code: `storage_encrypted` "not set" on a
 * database whose text ends at its ninth line was judged false).
 */
const ABSENCE_CATEGORIES = new Set(['encryption', 'logging', 'monitoring', 'backup-recovery', 'tagging', 'destroyability', 'high-availability', 'scaling', 'lifecycle-cost', 'optional-feature']);
const CUT_BLOCK_ABSENCE_CHECKS = allMetas()
  .filter((m) => ABSENCE_CATEGORIES.has(m.category))
  .map((m) => m.id)
  .sort();

/** What a module folder the response never delivers leaves missing: the resources the reference declares there. */
const MISSING_IN_ABSENT_MODULE = ['resource-type-missing-vs-reference', 'diff-missing-resource', 'diff-missing-resource-type', 'diff-missing-resource-prompt'] as const;

/**
 * `hostMessage`: with scope 'resource', only the host's occurrences whose message matches fold the other check's
 * findings on their resource (an invented code argument is why the function has no package; another unknown argument
 * on that function is not); with scope 'task', only a host whose message matches folds.
 */
/**
 * `hostMessage`: the pair holds only for a host whose message (on the folded resource, for scope 'resource') matches;
 * `foldedMessage` (scopes 'task', 'file', 'cut'): only the folded check's occurrences whose message matches fold.
 */
export const ROOT_CAUSE_PAIRS: readonly { host: string; folded: string; scope: FoldScope; why: string; hostMessage?: RegExp; foldedMessage?: RegExp }[] = [
  { host: 'response-truncated', folded: 'syntax-error', scope: 'file', why: 'the cut leaves the last block of the file unclosed' },
  ...MISSING_AFTER_CUT.map((folded) => ({ host: 'response-truncated', folded, scope: 'cut' as const, why: 'what the response lacks after the cut is the cut' })),
  ...[...CUT_BLOCK_ABSENCES, ...CUT_BLOCK_ABSENCE_CHECKS].map((folded) => ({ host: 'response-truncated', folded, scope: 'resource' as const, why: 'the block the response stops in is incomplete' })),
  ...MISSING_IN_ABSENT_MODULE.map((folded) => ({ host: 'module-source-missing', folded, scope: 'mentions' as const, why: 'the resources of a module folder the response never delivers are that folder' })),
  { host: 'lb-access-logs-bucket-policy-missing', folded: 'resource-type-missing-vs-reference', scope: 'mentions', why: 'the ELB account data source the reference declares is what the missing bucket policy needs' },
  { host: 'lb-access-logs-bucket-policy-missing', folded: 'alb-access-logs-kms-bucket', scope: 'task', why: 'one access-log bucket that Elastic Load Balancing cannot write to: its policy and its encryption are fixed together (or the logs pointed elsewhere)' },
  ...[...MISSING_AFTER_CUT, 'schema-missing-required', 'backend-missing'].map((folded) => ({ host: 'response-without-infrastructure', folded, scope: 'task' as const, why: 'what a response of snippets lacks is the files it never gives' })),
  { host: 'missing-suffix-variable', folded: 'name-without-suffix', scope: 'task', why: 'without a suffix input no name can carry the suffix' },
  ...(['diff-name-suffix', 'diff-local-suffix'] as const).map((folded) => ({
    host: 'missing-suffix-variable',
    folded,
    scope: 'task' as const,
    why: "the names and the naming prefix the ideal gives the suffix are the names the missing suffix input leaves without one",
  })),
  { host: 'unguarded-optional-feature', folded: 'variable-without-default', scope: 'mentions', why: 'the inputs an always-created optional feature needs are that feature' },
  { host: 'unguarded-optional-feature', folded: 'external-resource-input', scope: 'mentions', why: 'an existing resource an always-created optional feature needs (its certificate) is that feature' },
  { host: 'module-input-mismatch', folded: 'undeclared-reference', scope: 'mentions', why: 'a module folder without its variables file is both the call passing inputs it cannot receive and the references inside it' },
  {
    host: 'module-input-mismatch',
    folded: 'undeclared-reference',
    scope: 'task',
    hostMessage: /declares no variable at all/,
    foldedMessage: /declares no variable at all/,
    why: 'module folders delivered without their variables files are one failure, whether or not the root module passes a folder inputs',
  },
  { host: 'module-input-mismatch', folded: 'module-output-undeclared', scope: 'mentions', why: 'one incomplete module folder: the call passes inputs it does not declare and reads outputs it does not declare' },
  { host: 'provider-input-undeclared', folded: 'undeclared-reference', scope: 'mentions', why: 'the inputs the provider reads and the stack never declares are one missing variables file' },
  { host: 'undeclared-reference', folded: 'provider-input-undeclared', scope: 'mentions', why: 'a stack that declares none of the inputs it reads lacks its variables file; the provider\'s input is one of them' },
  {
    host: 'undeclared-reference',
    folded: 'provider-input-undeclared',
    scope: 'task',
    hostMessage: /declares no variable at all/,
    why: 'a response with no variables file at all: the input the provider file reads is one more of the variables it never declares',
  },
  { host: 'lambda-runtime-deprecated', folded: 'deprecated-value', scope: 'resource', why: 'the deprecated value is the runtime' },
  { host: 's3-acl-without-ownership-controls', folded: 'cloudfront-log-bucket-acls-disabled', scope: 'resource', why: 'one log bucket without ownership controls: the ACL it sets and the ACL CloudFront needs are fixed together' },
  { host: 'lambda-runtime-create-blocked', folded: 'deprecated-value', scope: 'resource', why: 'the deprecated value is the runtime' },
  ...(['deprecated-argument', 'schema-removed'] as const).map((folded) => ({
    host: 'apigw-stage-created-twice',
    folded,
    scope: 'mentions' as const,
    why: "the deployment's deprecated stage_name is what creates the stage twice",
  })),
  { host: 'ts-use-before-declaration', folded: 'ts-shadowed-import', scope: 'resource', why: 'a local that shadows an import and reads itself in its initializer is one naming mistake' },
  { host: 'lambda-reserved-concurrency-over-quota', folded: 'lambda-reserved-concurrency', scope: 'task', why: 'the reservations that exceed the quota are the reservations' },
  { host: 'lambda-package-missing', folded: 'cdktf-lambda-package-missing', scope: 'resource', why: 'one missing deployment package' },
  { host: 'lambda-package-missing', folded: 'lambda-function-without-package', scope: 'resource', why: 'one missing deployment package' },
  {
    host: 'schema-unknown-argument',
    folded: 'lambda-function-without-package',
    scope: 'resource',
    hostMessage: /^aws_lambda_function has no (?:argument|block) "(?:[a-z_]*code[a-z_]*|zip_?file|inline[a-z_]*|source)"/,
    why: 'the code argument the model invented (inline_code, code) is why the function has no deployment package',
  },
  { host: 'backend-uses-variables', folded: 'backend-local', scope: 'task', why: 'one backend configuration' },
  { host: 'backend-missing', folded: 's3-backend-without-locking', scope: 'task', why: 'one backend configuration' },
  { host: 'schema-removed', folded: 'deprecated-vs-reference', scope: 'resource', why: 'a removed argument is also deprecated' },
  { host: 'schema-removed', folded: 'deprecated-argument', scope: 'resource', why: 'a removed argument is also deprecated' },
  { host: 'cdktf-unknown-export', folded: 'schema-unknown-resource-type', scope: 'task', why: 'a class the provider does not export maps to no resource type' },
  { host: 'variable-without-default', folded: 'external-resource-input', scope: 'resource', why: 'one input the deployment cannot supply' },
  { host: 'variable-without-default', folded: 'resource-type-missing-vs-reference', scope: 'mentions', why: 'the model takes as an input (var.sns_topic_arn) what the reference creates (aws_sns_topic)' },
  { host: 'lookup-of-preexisting-resource', folded: 'resource-type-missing-vs-reference', scope: 'mentions', why: 'the model looks up (data.aws_lb) what the reference creates (aws_lb)' },
  { host: 'schema-removed', folded: 'resource-type-missing-vs-reference', scope: 'mentions', why: 'the resource the reference declares replaces the removed argument (stage_name → aws_api_gateway_stage)' },
  { host: 'schema-unknown-argument', folded: 'resource-type-missing-vs-reference', scope: 'replaces', why: 'the resource the reference declares is where the argument the model invented belongs (throttle_settings → aws_api_gateway_method_settings)' },
  { host: 'deprecated-vs-reference', folded: 'resource-type-missing-vs-reference', scope: 'mentions', why: 'the type the reference uses is the replacement of the deprecated one the model wrote (WAF Classic for WAFv2)' },
  ...MISSING_AFTER_UNKNOWN_CLASS.map((folded) => ({ host: 'cdktf-unknown-export', folded, scope: 'mentions' as const, why: 'a resource whose class does not compile is the resource reported missing' })),
  ...(['schema-missing-required', 'schema-unknown-argument', 'undeclared-reference'] as const).map((folded) => ({
    host: 'syntax-error',
    folded,
    scope: 'after' as const,
    why: 'what the parser reads after a syntax error (a block cut or left unclosed) is a consequence of it',
  })),
  ...(['requested-logging-missing', 'requested-encryption-missing', 'no-alarms-when-requested'] as const).flatMap((folded) =>
    (['resource', 'names-host-type'] as const).map((scope) => ({
      host: 'resource-type-missing-vs-reference',
      folded,
      scope,
      why: 'the service the task asks for and the resource type the reference declares are one missing resource (aws_cloudtrail, aws_flow_log)',
    })),
  ),
  // Last: the missing resources above have gathered what they host first.
  ...(['resource-type-missing-vs-reference', 'requested-logging-missing', 'requested-encryption-missing', 'no-alarms-when-requested'] as const).map((folded) => ({
    host: 'response-off-task',
    folded,
    scope: 'task' as const,
    why: 'what a response that answers another task lacks of the reference and of the task is the task it did not answer',
  })),
];

/**
 * Words that name a finding's resource type in another finding's message: the type without `aws_` and
 * separators (`aws_api_gateway_stage` → `apigatewaystage`), and its service when that is a distinctive word
 * (`aws_cloudtrail` → `cloudtrail`, `aws_wafv2_web_acl` → `wafv2`; not `api` or `sns`).
 */
function typeWords(f: Finding): string[] {
  const m = /^(?:data\.)?aws_([a-z0-9_]+?)(?:\.|$)/.exec(f.resource ?? '');
  if (!m) return [];
  const words = [m[1]!.replace(/_/g, '')];
  const service = m[1]!.split('_')[0]!;
  if (service.length >= 5) words.push(service);
  return words;
}

/** `aws_sns_topic` → ["sns", "topic"]. */
function typeTokens(f: Finding): string[] {
  const m = /^(?:data\.)?aws_([a-z0-9_]+?)(?:\.|$)/.exec(f.resource ?? '');
  return m ? m[1]!.split('_') : [];
}

function containsRun(hay: string[], needle: string[]): boolean {
  if (!needle.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((t, j) => hay[i + j] === t)) return true;
  return false;
}

/**
 * Whether the host names the folded finding's resource type: in its messages (distinctive words only), or as
 * a run of its resource address (`var.sns_topic_arn` and `data.aws_lb.alb` name `aws_sns_topic` and `aws_lb`).
 */
function mentions(host: Finding, folded: Finding): boolean {
  const words = typeWords(folded).filter((w) => w.length >= 4);
  const texts = [host.message, ...(host.occurrences ?? []).map((o) => o.message ?? '')];
  const wordsOf = (): Set<string> => new Set(texts.flatMap((t) => t.split(/[^A-Za-z0-9_.-]+/)).map((t) => t.replace(/\.$/, '')));
  // An input (`var.zone_id`) is mentioned by its address, word for word.
  if (folded.resource?.startsWith('var.')) return wordsOf().has(folded.resource);
  // A module output (`module.iam.role_arn`) the call reads from a folder that lacks its files altogether (the
  // host says the folder declares no variable) is that incomplete folder again.
  if (folded.resource?.startsWith('module.')) {
    if (host.title !== MODULE_WITHOUT_VARIABLES_TITLE) return false;
    const call = folded.resource.split('.')[1] ?? '';
    // ... whether the host holds the call (it passes inputs) or the folder's references (`lib/modules/<call>:variable`).
    return [...resourcesOf(host)].some((r) => (r.startsWith('module.') && folded.resource!.startsWith(`${r}.`)) || r.endsWith(`/${call}:variable`));
  }
  // "References to variables a folder never declares" (`lib:variable`): mentioned when the host names each of them.
  if (folded.resource?.endsWith(':variable')) {
    // ... or names the folder itself (`./modules/api-gateway` for `lib/modules/api-gateway:variable`).
    const folder = folded.resource.slice(0, -':variable'.length).split('/').slice(-2).join('/');
    if (folder.includes('/') && texts.some((t) => t.includes(`./${folder} `) || t.includes(`/${folder} `))) return true;
    const named = [...(folded.message.match(/\bvar\.[A-Za-z0-9_-]+/g) ?? [])];
    const seen = wordsOf();
    return named.length > 0 && named.every((v) => seen.has(v));
  }
  const inText = texts.some((t) => {
    const flat = t.toLowerCase().replace(/[-_]/g, '');
    return words.some((w) => flat.includes(w));
  });
  if (inText) return true;
  // The type, or its first two words (`aws_sns_topic_subscription` under `var.sns_topic_arn`: the topic's parts).
  const tokens = typeTokens(folded).slice(0, 2);
  return [...resourcesOf(host)].some((r) => containsRun(r.toLowerCase().split(/[._]/), tokens));
}

/**
 * Whether the argument or block the host rejects (the first quoted name of its message) is carried by the folded
 * finding's resource type in the same service: the two types share their first word, and a word of the argument
 * of five letters or more names the folded type but not the host's.
 */
function replaces(host: Finding, folded: Finding): boolean {
  const hostTokens = typeTokens(host);
  const foldedTokens = typeTokens(folded);
  if (!hostTokens.length || hostTokens[0] !== foldedTokens[0]) return false;
  const argument = /"([a-z0-9_]+)"/.exec(host.message)?.[1];
  if (!argument) return false;
  return argument.split('_').some((w) => w.length >= 5 && foldedTokens.includes(w) && !hostTokens.includes(w));
}

/** Whether the folded finding's message names, word for word, a resource type the host reports (`aws_flow_log`). */
function namesHostType(host: Finding, folded: Finding): boolean {
  const words = new Set(folded.message.split(/[^a-z0-9_]+/));
  return [...resourcesOf(host)].some((r) => /^aws_[a-z0-9_]+$/.test(r) && words.has(r));
}

function occurrenceOf(f: Finding, leadMessage: string): Occurrence {
  const o: Occurrence = { location: { ...f.location } };
  if (f.resource) o.resource = f.resource;
  if (f.message !== leadMessage) o.message = f.message;
  return o;
}

function unionEvidence(a: Finding['evidence'], b: Finding['evidence']): Finding['evidence'] {
  const s = new Set([...a, ...b]);
  return EVIDENCE_KINDS.filter((k) => s.has(k));
}

export function occurrencesOf(f: Finding): Occurrence[] {
  return f.occurrences ?? [occurrenceOf(f, f.message)];
}

/** Occurrence identity: resource, place and message. */
function occurrenceKey(o: Occurrence): string {
  return `${o.resource ?? ''}\u0000${o.location.file}:${o.location.line}\u0000${o.message ?? ''}`;
}

/**
 * The keys of a host's occurrence list, kept while the same list grows: folding n findings one by one into one
 * host rebuilt the set each time (quadratic: 8,000 buckets with one finding each took 13 s in the judge).
 */
const SEEN_KEYS = new WeakMap<Occurrence[], { size: number; keys: Set<string> }>();

function seenKeys(occ: Occurrence[]): Set<string> {
  const cached = SEEN_KEYS.get(occ);
  if (cached && cached.size === occ.length) return cached.keys;
  const keys = new Set(occ.map(occurrenceKey));
  SEEN_KEYS.set(occ, { size: occ.length, keys });
  return keys;
}

/** Folds `other` into `host`: occurrences appended (deduplicated), evidence united, snippets kept when missing. */
export function foldInto(host: Finding, other: Finding): void {
  const occ = occurrencesOf(host);
  const seen = seenKeys(occ);
  // A single finding's occurrence keeps its message whenever it differs from the host's.
  const incoming = other.occurrences ?? [occurrenceOf(other, host.message)];
  for (const o of incoming) {
    const withMessage: Occurrence = other.ruleId !== host.ruleId && !o.message ? { ...o, message: other.message } : o;
    const key = occurrenceKey(withMessage);
    if (seen.has(key)) continue;
    seen.add(key);
    occ.push(withMessage);
  }
  SEEN_KEYS.set(occ, { size: occ.length, keys: seen });
  host.occurrences = occ;
  host.evidence = unionEvidence(host.evidence, other.evidence);
  if (SEVERITY_RANK[other.severity] < SEVERITY_RANK[host.severity]) host.severity = other.severity;
  host.modelSnippet ??= other.modelSnippet;
  host.idealSnippet ??= other.idealSnippet;
  host.logExcerpt ??= other.logExcerpt;
}

/** Resources a (possibly grouped) finding covers. */
export function resourcesOf(f: Finding): Set<string> {
  const out = new Set<string>();
  if (f.resource) out.add(f.resource);
  for (const o of f.occurrences ?? []) if (o.resource) out.add(o.resource);
  return out;
}

/**
 * Step 1: one finding per check (per `split` key, so findings the ideal keeps never join ones it fixed).
 * The lead is the most severe occurrence, then the first in document order.
 */
export function groupByCheck(findings: readonly Finding[], split: (f: Finding) => string): { finding: Finding; split: string }[] {
  const groups = new Map<string, Finding[]>();
  const splits = new Map<string, string>();
  for (const f of findings) {
    const part = split(f);
    const key = `${f.ruleId}\u0000${part}`;
    splits.set(key, part);
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const out: { finding: Finding; split: string }[] = [];
  for (const [key, g] of groups) {
    const sorted = [...g].sort(compareFindings);
    const lead: Finding = { ...sorted[0]!, evidence: [...sorted[0]!.evidence] };
    if (sorted.length > 1) {
      lead.occurrences = [occurrenceOf(sorted[0]!, lead.message)];
      for (const f of sorted.slice(1)) foldInto(lead, f);
    }
    out.push({ finding: lead, split: splits.get(key)! });
  }
  return out;
}

/**
 * Moves the occurrences of `f` that `take` selects into a new finding (returned), leaving the rest in `f`:
 * 'all' or 'none' when there is nothing to split. Messages stay explicit, so a new lead never relabels them.
 */
function splitOccurrences(f: Finding, take: (o: Occurrence) => boolean): Finding | 'all' | 'none' {
  const occ = occurrencesOf(f).map((o) => ({ ...o, message: o.message ?? f.message }));
  const taken = occ.filter(take);
  if (!taken.length) return 'none';
  if (taken.length === occ.length) return 'all';
  const takenSet = new Set(taken);
  const rest = occ.filter((o) => !takenSet.has(o));
  const asFinding = (list: Occurrence[]): Finding => {
    const lead = list[0]!;
    const out: Finding = { ...f, location: { ...lead.location }, message: lead.message!, occurrences: undefined };
    if (lead.resource) out.resource = lead.resource;
    else delete out.resource;
    if (list.length > 1) out.occurrences = list.map((o) => (o.message === lead.message ? { ...o, message: undefined } : o)).map(({ message, ...o }) => (message ? { ...o, message } : o));
    return out;
  };
  const moved = asFinding(taken);
  Object.assign(f, asFinding(rest));
  if (!f.occurrences) delete f.occurrences;
  return moved;
}

/**
 * Folds the occurrences of `folded` that `take` selects into `host`; true when that was all of them (the caller
 * then drops `folded`).
 */
export function foldOccurrences(host: Finding, folded: Finding, take: (o: Occurrence) => boolean): boolean {
  const part = splitOccurrences(folded, take);
  if (part === 'none') return false;
  foldInto(host, part === 'all' ? folded : part);
  return part === 'all';
}

/** Step 2: the ROOT_CAUSE_PAIRS. */
export function foldRootCausePairs(findings: Finding[]): Finding[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const dropped = new Set<Finding>();
  for (const pair of ROOT_CAUSE_PAIRS) {
    const hosts = (byRule.get(pair.host) ?? []).filter((f) => !dropped.has(f));
    if (!hosts.length) continue;
    for (const folded of byRule.get(pair.folded) ?? []) {
      if (dropped.has(folded)) continue;
      // A grouped finding's occurrences sit on several resources, lines and types: 'resource', 'after' and
      // 'mentions' fold only the occurrences in their scope, leaving the rest as the check's own finding.
      if (pair.scope === 'resource' || pair.scope === 'after') {
        const hostMessage = pair.hostMessage;
        const scopeOf = (h: Finding, o: Occurrence): boolean =>
          pair.scope === 'resource'
            ? o.resource !== undefined &&
              (hostMessage ? occurrencesOf(h).some((ho) => ho.resource === o.resource && hostMessage.test(ho.message ?? h.message)) : resourcesOf(h).has(o.resource))
            : h.location.file === o.location.file && o.location.line >= h.location.line;
        const inScope = (o: Occurrence): boolean => hosts.some((h) => scopeOf(h, o));
        const host = hosts.find((h) => occurrencesOf(folded).some((o) => inScope(o) && (pair.scope !== 'resource' || scopeOf(h, o))));
        if (host && foldOccurrences(host, folded, inScope)) dropped.add(folded);
        continue;
      }
      if (pair.scope === 'mentions' || pair.scope === 'replaces' || pair.scope === 'names-host-type') {
        const related = pair.scope === 'mentions' ? mentions : pair.scope === 'replaces' ? replaces : namesHostType;
        const at = (o: Occurrence): Finding => ({ ...folded, resource: o.resource, message: o.message ?? folded.message, occurrences: undefined });
        const host = hosts.find((h) => occurrencesOf(folded).some((o) => related(h, at(o))));
        if (host && foldOccurrences(host, folded, (o) => related(host, at(o)))) dropped.add(folded);
        continue;
      }
      const host =
        pair.scope === 'task'
          ? hosts.find((h) => !pair.hostMessage || pair.hostMessage.test(h.message))
          : pair.scope === 'file'
            ? hosts.find((h) => h.location.file === folded.location.file)
            : hosts.find((h) => !/\.(md|markdown)$/i.test(h.location.file));
      if (!host) continue;
      const foldedMessage = pair.foldedMessage;
      if (foldedMessage) {
        // Only the occurrences whose message matches fold; the rest stay the check's own finding.
        if (foldOccurrences(host, folded, (o) => foldedMessage.test(o.message ?? folded.message))) dropped.add(folded);
        continue;
      }
      foldInto(host, folded);
      dropped.add(folded);
    }
  }
  return findings.filter((f) => !dropped.has(f));
}

/** Which finding hosts a concern: established on the code (static, log) before diff-only, then severity. */
function hostOrder(a: Finding, b: Finding): number {
  const onCode = (f: Finding) => (establishedOnCode(f) ? 0 : 1);
  return onCode(a) - onCode(b) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareFindings(a, b);
}

/**
 * Step 3: a single-resource finding whose category another finding already reports on that resource folds into
 * it (the host comes first in hostOrder). `sameSide` keeps findings the ideal keeps apart from ones it fixed.
 * Independent of the precision table, so the table's generator sees the same groups the judge ranks.
 */
export function foldSameConcern(findings: Finding[], sameSide: (a: Finding, b: Finding) => boolean): Finding[] {
  const out: Finding[] = [];
  const owner = new Map<string, Finding>();
  for (const f of [...findings].sort(hostOrder)) {
    const resources = [...resourcesOf(f)];
    const host = resources.length === 1 ? owner.get(`${f.category}\u0000${resources[0]}`) : undefined;
    if (host && sameSide(host, f)) {
      foldInto(host, f);
      continue;
    }
    out.push(f);
    for (const r of resources) {
      const k = `${f.category}\u0000${r}`;
      if (!owner.has(k)) owner.set(k, f);
    }
  }
  return out;
}

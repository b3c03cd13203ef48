/**
 * Questions the attribution heuristics ask about a change: does it narrow an IAM policy, does the ideal add
 * the suffix to a name, does a count hang on an enable flag, was a data source replaced by a resource...
 */
import type { Block, Configuration, Expr } from '../model/types.js';
import type { Conventions } from '../contracts/conventions.js';
import type { DiffChange } from './types.js';
import { exprToText, literalValue, referencesIn, referenceTarget, walkExpr } from '../model/query.js';
import { policyDocumentStatements, policyStatements, type PolicyStatement } from '../rules/util/policy.js';
import { mentionsSuffix } from '../rules/util/suffix.js';
import { appendAll } from '../io/arrays.js';

export interface AttributionContext {
  model: Configuration;
  ideal: Configuration;
  /** The task prompt, lower-cased ('' when unknown). */
  prompt: string;
  conventions: Conventions;
  /** Every change of the diff, for heuristics that look at a change's neighbours. */
  changes: readonly DiffChange[];
}

export const modelExpr = (c: DiffChange): Expr | undefined => c.model?.expr;
export const idealExpr = (c: DiffChange): Expr | undefined => c.ideal?.expr;
export const lastKey = (c: DiffChange): string => c.path[c.path.length - 1] ?? '';

// ---- IAM policies ----

export interface PolicyDelta {
  /** Allowed actions the ideal grants that the model did not (and no model wildcard covered). */
  addedActions: string[];
  removedActions: string[];
  /** The model allowed `*` actions or resources that the ideal no longer does. */
  narrowedWildcards: boolean;
  principalsChanged: boolean;
  /** Both sides parsed as policy documents. */
  readable: boolean;
}

function statementsOf(c: DiffChange, which: 'model' | 'ideal', x: AttributionContext): PolicyStatement[] {
  const s = c[which];
  const config = which === 'model' ? x.model : x.ideal;
  if (!s) return [];
  if (c.path.length === 0 || c.blockType === 'aws_iam_policy_document') {
    if (s.block.kind === 'data' && s.block.labels[0] === 'aws_iam_policy_document') return policyDocumentStatements(s.block, config);
    const out: PolicyStatement[] = [];
    for (const a of s.block.attributes) if (/policy$/.test(a.name)) appendAll(out, policyStatements(a.expr, config));
    return out;
  }
  return s.expr ? policyStatements(s.expr, config) : [];
}

function wildcardMatch(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (!p.includes('*')) return p === a;
  const parts = p.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const at = a.indexOf(part, pos);
    if (at < 0 || (i === 0 && at !== 0)) return false;
    pos = at + part.length;
  }
  return parts[parts.length - 1] === '' || a.endsWith(parts[parts.length - 1]!);
}

const hasWildcard = (stmts: PolicyStatement[]) =>
  stmts.some((s) => s.effect === 'Allow' && (s.actions.some((a) => a === '*' || a.endsWith(':*')) || s.resources.some((r) => r === '*')));

const allowed = (st: PolicyStatement[]) => [...new Set(st.filter((s) => s.effect === 'Allow').flatMap((s) => s.actions))];

/**
 * The model side holds a policy the statement reader could not read (an interpolated heredoc, a policy built
 * in code): nothing can be said about what it lacks, so no action counts as added.
 */
function modelPolicyUnread(c: DiffChange, m: PolicyStatement[]): boolean {
  if (m.length || !c.model) return false;
  if (c.kind === 'attribute-changed' || c.kind === 'attribute-removed') return !!c.model.expr;
  if (c.path.length === 0) return c.model.block.attributes.some((a) => /policy$/.test(a.name)) || c.model.block.blocks.some((b) => b.type === 'statement');
  return false;
}

export function policyDelta(c: DiffChange, x: AttributionContext): PolicyDelta {
  const m = statementsOf(c, 'model', x);
  const i = statementsOf(c, 'ideal', x);
  const ma = allowed(m);
  const ia = allowed(i);
  // Missing permissions are actions the ideal allows that no model action (wildcards included) covers; where
  // the model grants more than the ideal, that is least privilege, never a missing permission.
  const addedActions = modelPolicyUnread(c, m) ? [] : ia.filter((a) => !ma.some((p) => wildcardMatch(p, a)));
  const removedActions = ma.filter((a) => !ia.some((p) => wildcardMatch(p, a)));
  const principals = (st: PolicyStatement[]) =>
    JSON.stringify(st.flatMap((s) => s.principals.map((p) => `${p.type}:${[...p.identifiers].sort().join(',')}`)).sort());
  return {
    addedActions,
    removedActions,
    narrowedWildcards: hasWildcard(m) && !hasWildcard(i),
    principalsChanged: principals(m) !== principals(i),
    readable: m.length > 0 || i.length > 0,
  };
}

const allowedByConfig = new WeakMap<Configuration, string[]>();

/** Every action any policy of a configuration allows (IAM and resource policies, policy documents). */
export function configAllowedActions(config: Configuration): string[] {
  let out = allowedByConfig.get(config);
  if (out) return out;
  const st: PolicyStatement[] = [];
  for (const b of config.blocks) {
    if (b.kind === 'data' && b.labels[0] === 'aws_iam_policy_document') appendAll(st, policyDocumentStatements(b, config));
    else if (b.kind === 'resource') for (const a of b.attributes) if (/policy$/.test(a.name)) appendAll(st, policyStatements(a.expr, config));
  }
  out = allowed(st);
  allowedByConfig.set(config, out);
  return out;
}

/** A block's policies allow a wildcard action (`*`, `s3:*`). */
export function grantsWildcardAction(b: Block, config: Configuration): boolean {
  const st =
    b.kind === 'data' && b.labels[0] === 'aws_iam_policy_document'
      ? policyDocumentStatements(b, config)
      : b.attributes.filter((a) => /policy$/.test(a.name)).flatMap((a) => policyStatements(a.expr, config));
  return st.some((x) => x.effect === 'Allow' && x.actions.some((a) => a === '*' || a.endsWith(':*')));
}

/**
 * A policy block only the ideal has grants nothing the model does not already allow somewhere (the ideal split
 * or renamed a policy). `broader`: some model action that covers them is a wildcard.
 */
export function addedPolicyCovered(c: DiffChange, x: AttributionContext): { covered: boolean; broader: boolean } {
  if (c.kind !== 'block-added' || !c.ideal) return { covered: false, broader: false };
  const b = c.ideal.block;
  const st =
    b.kind === 'data' && b.labels[0] === 'aws_iam_policy_document'
      ? policyDocumentStatements(b, x.ideal)
      : b.attributes.filter((a) => /policy$/.test(a.name)).flatMap((a) => policyStatements(a.expr, x.ideal));
  const ia = allowed(st);
  if (!ia.length) return { covered: false, broader: false };
  const ma = configAllowedActions(x.model);
  const covering = ia.map((a) => ma.filter((p) => wildcardMatch(p, a)));
  if (covering.some((ps) => !ps.length)) return { covered: false, broader: false };
  return { covered: true, broader: covering.some((ps) => ps.every((p) => p.includes('*'))) };
}

// ---- names, flags, references ----

export function idealAddsSuffix(c: DiffChange, x: AttributionContext): boolean {
  const i = idealExpr(c);
  if (!i) return false;
  const m = modelExpr(c);
  return mentionsSuffix(i, x.conventions, x.ideal) && !(m && mentionsSuffix(m, x.conventions, x.model));
}

export function mentionsSuffixIn(e: Expr | undefined, config: Configuration, conventions: Conventions): boolean {
  return !!e && mentionsSuffix(e, conventions, config);
}

const FLAG_NAME = /(^|_)(enable|enabled|create|use|deploy|include|is|has|with)(_|$)/i;

/** `count = var.enable_x ? 1 : 0`, `for_each = var.create ? ... : {}`, `count = local.use_https ? 1 : 0`. */
export function isFlagGuard(e: Expr | undefined): boolean {
  if (!e) return false;
  let flag = false;
  walkExpr(e, (n) => {
    if (n.kind === 'conditional') flag = true;
    if (n.kind === 'reference' && (n.parts[0] === 'var' || n.parts[0] === 'local') && FLAG_NAME.test(n.parts[1] ?? '')) flag = true;
    if (n.kind === 'opaque' && /\b(enable|create|use)[A-Z_]/.test(n.text)) flag = true;
  });
  return flag;
}

/** Whether a variable/local name reads as a feature flag. */
export function isFlagName(name: string): boolean {
  return FLAG_NAME.test(name) || /Enabled$|^enable[A-Z]/.test(name);
}

/** Targets an expression references that the configuration does not declare (var/local/resource/data). */
export function undeclaredTargets(e: Expr | undefined, config: Configuration): string[] {
  if (!e || config.platform.startsWith('cdktf')) return [];
  const out: string[] = [];
  for (const r of referencesIn(e)) {
    const t = referenceTarget(r.parts);
    if (t && !t.startsWith('module.') && !config.symbols.has(t)) out.push(t);
  }
  return out;
}

/** The ideal stops referencing something the model references but never declares. */
export function fixesReference(c: DiffChange, x: AttributionContext): boolean {
  const broken = undeclaredTargets(modelExpr(c), x.model);
  if (!broken.length) return false;
  const still = new Set(undeclaredTargets(idealExpr(c), x.ideal));
  return broken.some((t) => !still.has(t));
}

/** A rename to a name the model already references without declaring it (var.region → var.aws_region). */
export function renameFixesReference(c: DiffChange, x: AttributionContext): boolean {
  const to = c.ideal?.address;
  if (!to || x.model.symbols.has(to)) return false;
  return x.model.references.some((r) => r.target === to);
}

/** An identifier chain of program code (`vpcId`, `this.vpc.id`, `[sg.id]`), with no literal in it. */
function isCodeIdentifier(e: Expr): boolean {
  if (e.kind === 'tuple') return e.items.length > 0 && e.items.every(isCodeIdentifier);
  if (e.kind === 'reference') return !['var', 'local', 'data'].includes(e.parts[0] ?? '');
  return e.kind === 'opaque' && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\w+\])*!?$/.test(e.text.trim());
}

/** Resource references with the name (and index) blanked: `aws_route_table.private[0].id` → `aws_route_table.*.id`. */
function blankResourceNames(text: string): string {
  return text.replace(/\b([a-z][a-z0-9]*_[a-z0-9_]+)\.[A-Za-z_][\w-]*(\[[^\]]*\])?/g, '$1.*');
}

/**
 * Both sides point at a resource of the same type and attribute, only another one of that type
 * (`aws_route_table.private.id` → `aws_route_table.private_2.id`): a consequence of the ideal's own layout.
 */
export function retargetsSameType(c: DiffChange, x: AttributionContext): boolean {
  const m = modelExpr(c);
  const i = idealExpr(c);
  if (c.kind !== 'attribute-changed' || !m || !i) return false;
  // CDKTF: `this.vpc.id` → `vpcId`, `config.subnetId` → `subnet.id` are the program's own variables; their
  // names say how the code is organized, not what deploys.
  if (x.model.platform.startsWith('cdktf') && isCodeIdentifier(m) && isCodeIdentifier(i)) return true;
  if (!hasReference(m) || !hasReference(i)) return false;
  const mt = exprToText(m);
  const it = exprToText(i);
  const blank = blankResourceNames(mt);
  return mt !== it && blank === blankResourceNames(it) && blank !== mt && !/\b(var|local|data)\.\*/.test(blank);
}

// ---- literals ----

/** A region, or an availability zone (the region and a letter). */
const REGION = /\b(us|eu|ap|sa|ca|me|af|il|mx)-(east|west|north|south|central|northeast|southeast|northwest|southwest)-\d[a-z]?\b/;
const ACCOUNT = /(^|[^0-9])\d{12}([^0-9]|$)/;

export function isStatic(e: Expr | undefined): boolean {
  if (!e) return false;
  let dynamic = false;
  walkExpr(e, (n) => {
    if (n.kind === 'reference' || n.kind === 'call' || n.kind === 'opaque') dynamic = true;
  });
  return !dynamic;
}

export function hasReference(e: Expr | undefined): boolean {
  if (!e) return false;
  let ref = false;
  walkExpr(e, (n) => {
    if (n.kind === 'reference' || (n.kind === 'opaque' && /[A-Za-z_]\.[A-Za-z_]/.test(n.text))) ref = true;
  });
  return ref;
}

/** A literal the ideal replaced by a variable, local, data source or resource attribute. */
export function literalToReference(c: DiffChange): boolean {
  return c.kind === 'attribute-changed' && isStatic(modelExpr(c)) && hasReference(idealExpr(c));
}

/** The literal looks like a region, an account id or an AZ. */
export function looksEnvironmentSpecific(e: Expr | undefined): boolean {
  if (!e) return false;
  let hit = false;
  walkExpr(e, (n) => {
    if (n.kind === 'literal' && typeof n.value === 'string' && (REGION.test(n.value) || ACCOUNT.test(n.value))) hit = true;
  });
  return hit;
}

export function literalText(e: Expr | undefined): string {
  const v = literalValue(e);
  return v === undefined || v === null ? '' : String(v);
}

/** Any string literal inside an expression matches. */
export function anyLiteral(e: Expr | undefined, re: RegExp): boolean {
  if (!e) return false;
  let hit = false;
  walkExpr(e, (n) => {
    if (n.kind === 'literal' && typeof n.value === 'string' && re.test(n.value)) hit = true;
    if (n.kind === 'opaque' && re.test(n.text)) hit = true;
  });
  return hit;
}

// ---- resources vs data sources, prompt ----

/** Data sources that read the account/region/partition or build documents: not external dependencies. */
export const SELF_DATA = /^(aws_caller_identity|aws_region|aws_partition|aws_availability_zones|aws_iam_policy_document|archive_file|aws_default_tags|aws_elb_service_account|aws_canonical_user_id|aws_ami|aws_ssm_parameter|template_file|local_file|aws_service_principal|aws_billing_service_account|aws_cloudfront_log_delivery_canonical_user_id|aws_ec2_managed_prefix_list|aws_prefix_list|aws_iam_policy|aws_ip_ranges)$/;

/** Stem of a type for loose comparison: aws_subnets → subnet, aws_ecr_repository → ecr_repository. */
export function typeStem(type: string): string {
  return type.replace(/^aws_/, '').replace(/s$/, '');
}

/**
 * The ideal creates a resource the model looked up or demanded as an input: a data source of the same type
 * disappears, or a model variable named after it (`vpc_id`, `ecr_repository_url`) does.
 */
export function replacesExternal(c: DiffChange, x: AttributionContext): boolean {
  if (c.kind !== 'block-added' || c.blockKind !== 'resource') return false;
  const stem = typeStem(c.blockType);
  if (x.model.blocks.some((b) => b.kind === 'resource' && b.labels[0] === c.blockType)) return false;
  if (x.model.blocks.some((b) => b.kind === 'data' && typeStem(b.labels[0] ?? '') === stem)) return true;
  const words = stem.split('_');
  const key = words.length > 1 ? stem : `${stem}_`;
  return x.model.blocks.some((b) => b.kind === 'variable' && (b.labels[0] ?? '').toLowerCase().includes(key) && /(_id|_ids|_arn|_url|_name)$/.test(b.labels[0] ?? ''));
}

/** Service word of a resource type (`aws_sqs_queue` → `sqs`), and a few spellings prompts use. */
const SERVICE_WORDS: Record<string, string[]> = {
  apigatewayv2: ['api gateway', 'http api', 'websocket'],
  api: ['api gateway'],
  lb: ['load balancer', 'alb', 'nlb'],
  alb: ['load balancer', 'alb'],
  db: ['rds', 'database', 'aurora', 'postgres', 'mysql'],
  rds: ['rds', 'aurora', 'database'],
  cloudwatch: ['cloudwatch', 'alarm', 'monitor', 'log'],
  sfn: ['step function', 'state machine'],
  cognito: ['cognito', 'user pool', 'authentication'],
  elasticache: ['elasticache', 'redis', 'memcached', 'cache'],
  cloudfront: ['cloudfront', 'cdn'],
  wafv2: ['waf', 'firewall'],
  ecs: ['ecs', 'fargate', 'container'],
  ecr: ['ecr', 'container registry', 'image'],
  kinesis: ['kinesis', 'stream'],
  msk: ['msk', 'kafka'],
  efs: ['efs', 'file system'],
  sns: ['sns', 'notification', 'topic'],
  sqs: ['sqs', 'queue'],
  iam: ['iam', 'role', 'permission'],
  vpc: ['vpc', 'network'],
  ec2: ['ec2', 'instance'],
  instance: ['ec2', 'instance'],
  autoscaling: ['auto scaling', 'autoscaling', 'asg'],
  route53: ['route53', 'route 53', 'dns', 'domain'],
  acm: ['acm', 'certificate', 'https', 'tls'],
  secretsmanager: ['secret'],
  ssm: ['parameter store', 'ssm'],
  glue: ['glue'],
  athena: ['athena'],
  backup: ['backup'],
  eks: ['eks', 'kubernetes'],
  opensearch: ['opensearch', 'elasticsearch'],
  elasticsearch: ['elasticsearch', 'opensearch'],
  guardduty: ['guardduty'],
  config: ['aws config', 'config rule', 'compliance'],
  cloudtrail: ['cloudtrail', 'audit'],
  lambda: ['lambda', 'function', 'serverless'],
  dynamodb: ['dynamodb', 'table'],
  s3: ['s3', 'bucket'],
  kms: ['kms', 'encrypt'],
  xray: ['x-ray', 'xray', 'tracing'],
  events: ['eventbridge', 'event'],
  scheduler: ['eventbridge scheduler', 'schedule'],
  appautoscaling: ['auto scaling', 'autoscaling', 'scaling'],
  codepipeline: ['codepipeline', 'pipeline'],
  codebuild: ['codebuild', 'build'],
  dms: ['dms', 'migration'],
  transfer: ['transfer family', 'sftp'],
  sagemaker: ['sagemaker'],
  redshift: ['redshift'],
  neptune: ['neptune'],
  docdb: ['documentdb', 'docdb'],
  mq: ['amazon mq', 'rabbitmq', 'activemq'],
  networkfirewall: ['network firewall'],
  shield: ['shield'],
  fsx: ['fsx'],
  batch: ['aws batch', 'batch job'],
  pipes: ['eventbridge pipes', 'pipe'],
  appsync: ['appsync', 'graphql'],
  amplify: ['amplify'],
  ses: ['ses', 'email'],
  datasync: ['datasync'],
  globalaccelerator: ['global accelerator'],
  servicediscovery: ['service discovery', 'cloud map'],
  appmesh: ['app mesh'],
  lakeformation: ['lake formation'],
  timestreamwrite: ['timestream'],
  memorydb: ['memorydb'],
  iot: ['iot'],
  imagebuilder: ['image builder'],
  ssoadmin: ['sso', 'identity center'],
  organizations: ['organization'],
  securityhub: ['security hub'],
  inspector2: ['inspector'],
  macie2: ['macie'],
  emr: ['emr'],
};

export function serviceOf(type: string): string {
  const m = /^aws_([a-z0-9]+)/.exec(type);
  return m ? m[1]! : type;
}

export function promptMentionsService(type: string, prompt: string): boolean {
  if (!prompt) return false;
  const svc = serviceOf(type);
  const words = SERVICE_WORDS[svc] ?? [svc.replace(/_/g, ' ')];
  // A type outside `aws_*` is analyzed text: escaped, or `(` in a label throws and fails the diff stage.
  return words.some((w) => (w.length <= 3 ? new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(prompt) : prompt.includes(w)));
}

/** The model has no resource of this type at all. */
export function modelLacksType(type: string, x: AttributionContext): boolean {
  return !x.model.blocks.some((b) => b.kind === 'resource' && b.labels[0] === type);
}

/** Another change in the same diff (e.g. a removed `managed_policy_arns` next to an added attachment). */
export function diffHas(x: AttributionContext, pred: (c: DiffChange) => boolean): boolean {
  return x.changes.some(pred);
}

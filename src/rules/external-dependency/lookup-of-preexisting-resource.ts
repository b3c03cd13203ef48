import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { allAttributes, attrExpr, blockAddress, dataSources, referencesIn, referenceTarget, staticBool, staticString } from '../../model/query.js';
import { isGuarded } from '../util/variables.js';
import { localModuleCalls, type LocalModuleCall } from '../util/modules.js';
import { dirname } from '../util/files.js';
import type { Expr } from '../../model/types.js';

/** Data sources that read infrastructure which must already exist in the account. */
const LOOKUP_TYPES = new Set([
  'aws_vpc',
  'aws_vpcs',
  'aws_subnet',
  'aws_subnets',
  'aws_subnet_ids',
  'aws_security_group',
  'aws_security_groups',
  'aws_internet_gateway',
  'aws_nat_gateway',
  'aws_route_table',
  'aws_ecr_repository',
  'aws_ecr_image',
  'aws_acm_certificate',
  'aws_route53_zone',
  'aws_ssm_parameter',
  'aws_secretsmanager_secret',
  'aws_secretsmanager_secret_version',
  'aws_kms_key',
  'aws_kms_alias',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_lb',
  'aws_lb_target_group',
  'aws_db_subnet_group',
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_s3_bucket',
  'aws_ecs_cluster',
  'aws_eks_cluster',
  'aws_key_pair',
  'aws_sns_topic',
  'aws_sqs_queue',
  'aws_dynamodb_table',
  'aws_lambda_function',
  'aws_cognito_user_pools',
  'aws_efs_file_system',
  'aws_elasticache_cluster',
  'aws_vpc_endpoint',
  'aws_ec2_transit_gateway',
]);

/** Lookups of things AWS itself provides in every account/region. */
function providedByAws(block: Block): boolean {
  const type = block.labels[0];
  const text = (k: string): string => staticString(attrExpr(block, k)) ?? '';
  if (type === 'aws_ssm_parameter') return leadingText(attrExpr(block, 'name')).startsWith('/aws/service/');
  if (type === 'aws_kms_key' || type === 'aws_kms_alias') return /^alias\/aws\//.test(text('key_id') || text('name'));
  if (type === 'aws_iam_role') return /^AWSServiceRole/.test(text('name'));
  if (type === 'aws_iam_policy') return /:aws:policy\//.test(text('arn'));
  return false;
}

/**
 * The fixed text a string starts with: the whole literal, or a template's literal parts up to its first
 * interpolation (`"/aws/service/bottlerocket/aws-k8s-${var.v}/..."` starts with `/aws/service/bottlerocket/aws-k8s-`).
 */
function leadingText(e: Expr | undefined): string {
  if (e?.kind !== 'template') return staticString(e) ?? '';
  let out = '';
  for (const part of e.parts) {
    if (part.kind !== 'literal' || typeof part.value !== 'string') break;
    out += part.value;
  }
  return out;
}

/** A data source that reads a resource this stack creates (by reference) is not an external dependency. */
function readsOwnResource(block: Block): boolean {
  return allAttributes(block).some(({ attribute }) => readsCreated(attribute.expr));
}

/** Whether an expression reads something the configuration creates: a managed resource or a module's output. */
function readsCreated(expr: Expr): boolean {
  return referencesIn(expr).some((r) => {
    const t = referenceTarget(r.parts);
    return t !== undefined && !t.startsWith('var.') && !t.startsWith('local.') && !t.startsWith('data.');
  });
}

/**
 * A lookup in a child module keyed by its inputs (`data "aws_vpc" { id = var.vpc_id }`) that a caller fills with
 * something the stack creates (`vpc_id = module.vpc.vpc_id`): it reads the stack's own resource.
 */
function fedByCaller(calls: readonly LocalModuleCall[], block: Block): boolean {
  const inputs = new Set<string>();
  for (const { attribute } of allAttributes(block)) {
    for (const r of referencesIn(attribute.expr)) {
      const t = referenceTarget(r.parts);
      if (t?.startsWith('var.')) inputs.add(t.slice(4));
    }
  }
  if (!inputs.size) return false;
  const dir = dirname(block.span.file);
  return calls.some(
    (call) =>
      call.childDir === dir &&
      [...inputs].some((name) => {
        const passed = attrExpr(call.block, name);
        return passed !== undefined && readsCreated(passed);
      }),
  );
}

/** Words a prompt uses for a looked-up type beyond the type's own words (`aws_lb` is "load balancer"). */
const TYPE_WORDS: Record<string, string[]> = {
  aws_lb: ['load balancer', 'alb', 'nlb'],
  aws_lb_target_group: ['target group'],
  aws_route53_zone: ['hosted zone', 'zone', 'domain'],
  aws_acm_certificate: ['certificate', 'cert'],
  aws_db_instance: ['database', 'rds'],
  aws_rds_cluster: ['database', 'aurora', 'cluster'],
};

/** Words naming the looked-up type: its own words of three letters or more, singular, and TYPE_WORDS. */
function typeWords(type: string): string[] {
  const own = type
    .replace(/^aws_/, '')
    .split('_')
    .filter((w) => w.length >= 3 && w !== 'ids' && w !== 'version')
    .map((w) => w.replace(/s$/, ''));
  return [...own, ...(TYPE_WORDS[type] ?? [])];
}

/**
 * Whether the task itself asks to use an existing one of this type ("use the existing VPC", "data sources for
 * existing VPC and subnet lookups", "pull the VPC ID from Parameter Store"): the lookup is then what was asked (read
 * against the code: judged noise, and once judged wrong).
 */
function promptAsksForExisting(prompt: string | null, type: string): boolean {
  if (!prompt) return false;
  const text = prompt.toLowerCase();
  const words = typeWords(type);
  for (const m of text.matchAll(EXISTING_WORDS)) {
    // The sentence around the word: 40 characters before it, 60 after, not across a full stop or a line.
    const from = Math.max(0, m.index - 40);
    const before = text.slice(from, m.index);
    const after = text.slice(m.index, m.index + m[0].length + 60);
    const window = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1) + after.split(/[.\n]/)[0];
    if (words.some((w) => hasWord(window, w) || hasWord(window, `${w}s`))) return true;
  }
  return false;
}

/** The task asks for the account's default VPC ("use the default VPC", "VPC: use default"). */
const DEFAULT_VPC_ASKED = /default[- ]vpc|\bvpc\b[^.\n]{0,15}\bdefault\b/i;

/**
 * A lookup of the default VPC (`default = true`) or of its default subnets (`default_for_az = true`, a
 * `default-for-az` filter, or a `vpc-id` filter that reads a default-VPC lookup).
 */
function readsDefaultVpc(d: Block, byAddress: ReadonlyMap<string, Block>): boolean {
  const type = d.labels[0] ?? '';
  if (type === 'aws_vpc') return staticBool(attrExpr(d, 'default')) === true;
  if (!PART_OF_VPC.has(type)) return false;
  if (staticBool(attrExpr(d, 'default_for_az')) === true) return true;
  const isDefaultVpc = (e: Expr | undefined): boolean =>
    !!e && referencesIn(e).some((r) => {
      const target = referenceTarget(r.parts);
      const vpc = target ? byAddress.get(target) : undefined;
      return vpc?.labels[0] === 'aws_vpc' && staticBool(attrExpr(vpc, 'default')) === true;
    });
  if (isDefaultVpc(attrExpr(d, 'vpc_id'))) return true;
  return d.blocks.some((f) => f.type === 'filter' && (staticString(attrExpr(f, 'name')) === 'default-for-az' || (staticString(attrExpr(f, 'name')) === 'vpc-id' && isDefaultVpc(attrExpr(f, 'values')))));
}

/** Words that ask for something that already exists. */
const EXISTING_WORDS = /\b(?:existing|pre-existing|data sources?|look ?ups?|already exists?|from (?:the )?(?:aws )?(?:ssm|(?:systems manager )?parameter store))\b/g;

/** Types whose lookup follows from an existing VPC the task asks for: its subnets are read, not created. */
const PART_OF_VPC = new Set(['aws_subnet', 'aws_subnets', 'aws_subnet_ids', 'aws_route_table', 'aws_route_tables']);

/** Whether `word` occurs in `text` as a whole word (no letter or digit on either side). */
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const left = i === 0 ? '' : text[i - 1]!;
    const right = text[i + word.length] ?? '';
    if (!/[a-z0-9]/.test(left) && !/[a-z0-9]/.test(right)) return true;
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'lookup-of-preexisting-resource',
    category: 'external-dependency',
    severity: 'critical',
    fixClass: 'B',
    title: 'Stack looks up pre-existing infrastructure',
    rootCause: 'The model assumes a VPC, subnets, zone, certificate, repository or parameter already exists and reads it with a data source instead of creating it.',
    fix: 'Create the dependency in the stack (VPC and subnets, ECR repository, secret, key) so every deployment runs in isolation.',
    fixExample: 'resource "aws_vpc" "main" {\n  cidr_block           = "10.0.0.0/16"\n  enable_dns_hostnames = true\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/data-sources',
    knowledgeGap: 'Self-sufficiency: every deployment runs in isolation, no pre-existing resources',
    impact: 'Plan fails in an account where the looked-up resource does not exist (or silently binds to an unrelated one).',
  },
  check(ctx) {
    if (!ctx.conventions.selfSufficient) return;
    const calls = localModuleCalls(ctx.config);
    const byAddress = new Map(dataSources(ctx.config).map((b) => [blockAddress(b), b]));
    for (const d of dataSources(ctx.config)) {
      const type = d.labels[0] ?? '';
      if (!LOOKUP_TYPES.has(type) || providedByAws(d) || readsOwnResource(d) || isGuarded(d) || fedByCaller(calls, d)) continue;
      if (promptAsksForExisting(ctx.task.prompt, type)) continue;
      if (PART_OF_VPC.has(type) && promptAsksForExisting(ctx.task.prompt, 'aws_vpc')) continue;
      // The default VPC (and its default subnets) exists in most accounts: a weaker dependency than a named VPC, and
      // none at all where the task asks for the default VPC (read against the code: judged wrong).
      const defaultVpc = readsDefaultVpc(d, byAddress);
      if (defaultVpc && ctx.task.prompt && DEFAULT_VPC_ASKED.test(ctx.task.prompt)) continue;
      const what = type.replace(/^aws_/, '').replace(/_ids$/, 's').replace(/_/g, ' ');
      ctx.report({
        block: d,
        resource: blockAddress(d),
        severity: defaultVpc ? 'medium' : undefined,
        message: defaultVpc
          ? `${blockAddress(d)} depends on the account's default VPC${type === 'aws_vpc' ? '' : ' and its default subnets'}.`
          : `${blockAddress(d)} reads ${/s$/.test(what) ? what : `a ${what}`} that must already exist.`,
      });
    }
  },
};

import type { Block, Configuration } from '../../model/types.js';
import { attrExpr } from '../../model/query.js';
import { literalText } from '../util/b-s3.js';
import type { Rule } from '../types.js';
import { basename } from '../util/files.js';

/** Helpers that carry no infrastructure of their own: their absence is a style choice, not a missing resource. */
const HELPER_TYPE = /^(random_|null_|time_|terraform_data$|archive_|local_|tls_|external$|http$|template_)/;
/** Data sources that only read the caller's context; the model may get the same values another way. */
const CONTEXT_DATA = new Set(['aws_caller_identity', 'aws_region', 'aws_partition', 'aws_availability_zones', 'aws_iam_policy_document', 'aws_default_tags']);
/** Type aliases the AWS provider accepts for the same resource. */
const ALIASES: Record<string, string> = { aws_alb: 'aws_lb', aws_alb_listener: 'aws_lb_listener', aws_alb_listener_rule: 'aws_lb_listener_rule', aws_alb_target_group: 'aws_lb_target_group', aws_alb_target_group_attachment: 'aws_lb_target_group_attachment' };

function canonical(type: string): string {
  return ALIASES[type] ?? type;
}

/** `aws_api_gateway_stage` → `api_gateway`; `aws_s3_bucket_policy` → `s3`. */
function service(type: string): string {
  if (VPC_TYPE.test(type)) return 'vpc';
  if (EC2_TYPE.test(type)) return 'ec2';
  if (/^aws_(lb|alb)(_|$)/.test(type)) return 'elb';
  const rest = type.replace(/^aws_/, '');
  if (rest.startsWith('api_gateway_')) return 'api_gateway';
  return rest.split('_')[0] ?? rest;
}

/** EC2 networking types whose names do not start with the service: all part of the VPC. */
const VPC_TYPE = /^aws_(vpc|subnet|route|route_table|internet_gateway|egress_only_internet_gateway|nat_gateway|eip|network_acl|security_group|default_(vpc|subnet|route_table|security_group|network_acl)|network_interface|flow_log)(_|$)/;
/** EC2 compute types named after their object, not the service. */
const EC2_TYPE = /^aws_(instance|key_pair|launch_template|launch_configuration|ami|ebs_volume|volume_attachment|placement_group|ec2_[a-z_]+)$/;

/**
 * Types without which the service the model did declare cannot work (an API with methods but no integration or
 * deployment serves nothing; a function nothing may invoke): missing one is a defect even when the prompt names
 * only the service. Any other type the reference adds beside a service the model has is a design difference.
 */
const COMPANION_TYPES = new Set([
  'aws_api_gateway_integration',
  'aws_api_gateway_deployment',
  'aws_api_gateway_stage',
  'aws_apigatewayv2_integration',
  'aws_apigatewayv2_route',
  'aws_apigatewayv2_stage',
  'aws_lambda_permission',
  'aws_lb_listener',
  'aws_lb_target_group',
  'aws_iam_role',
  'aws_db_subnet_group',
  'aws_elasticache_subnet_group',
  'aws_route_table_association',
  'aws_s3_bucket_policy',
  'aws_lambda_event_source_mapping',
  'aws_ecs_task_definition',
  'aws_cloudwatch_event_target',
]);

/** Words a prompt uses for a service whose type prefix it rarely writes. */
const PROMPT_WORDS: Record<string, string[]> = {
  ec2: ['ec2', 'instance', 'instances', 'server', 'servers', 'bastion'],
  elb: ['load balancer', 'alb', 'nlb', 'elb'],
  route53: ['route 53', 'route53', 'dns', 'hosted zone'],
  cloudwatch: ['cloudwatch', 'alarm', 'alarms', 'dashboard', 'monitoring'],
  sns: ['sns', 'notification', 'notifications'],
  kms: ['kms', 'customer managed key', 'customer-managed key'],
  wafv2: ['waf'],
  cloudfront: ['cloudfront', 'cdn'],
  dynamodb: ['dynamodb', 'dynamo'],
};

/**
 * Log groups Lambda creates on its own on the first invocation (`/aws/lambda/<function>`): the reference managing
 * them (retention, destroy) is lambda-without-log-group's concern, not a missing piece of the service.
 */
function lambdaLogGroupsOnly(type: string, blocks: Block[]): boolean {
  if (type !== 'aws_cloudwatch_log_group') return false;
  return blocks.every((b) => literalText(attrExpr(b, 'name')).startsWith('/aws/lambda/'));
}

/** Where to point for something absent: the model file named like the reference's, else the first code file. */
function anchorFile(config: Configuration, referenceFile: string): string {
  const base = basename(referenceFile);
  const same = config.files.find((f) => basename(f.path) === base);
  return (same ?? config.files.find((f) => /\.(tf|ts)$/.test(f.path)) ?? config.files[0])?.path ?? '';
}

function typedBlocks(config: Configuration): Map<string, Block[]> {
  const out = new Map<string, Block[]>();
  for (const b of config.blocks) {
    if (b.kind !== 'resource' && b.kind !== 'data') continue;
    const type = b.labels[0];
    if (!type || HELPER_TYPE.test(type)) continue;
    if (b.kind === 'data' && CONTEXT_DATA.has(type)) continue;
    const key = `${b.kind === 'data' ? 'data.' : ''}${canonical(type)}`;
    out.set(key, [...(out.get(key) ?? []), b]);
  }
  return out;
}

/**
 * Whether the task's prompt names a service (`wafv2` → "waf", `api_gateway` → "api gateway"): a whole service the
 * reference adds but the prompt never asked for is the reviewer's design choice, not the model's omission.
 */
/**
 * Services named by a common English word ("backups" of a database, "config" values, "events"): the prompt asks
 * for the service only when it names the product.
 */
const PRODUCT_WORDS: Record<string, string[]> = {
  backup: ['aws backup', 'backup plan', 'backup plans', 'backup vault', 'backup vaults'],
  config: ['aws config', 'config rule', 'config rules', 'config recorder', 'configuration recorder', 'conformance pack'],
  events: ['eventbridge', 'event bridge', 'cloudwatch events', 'event rule', 'event rules', 'event bus'],
  batch: ['aws batch', 'batch job', 'batch jobs', 'batch compute'],
  transfer: ['transfer family', 'sftp'],
};

/**
 * Phrases that contain a service's prompt word without asking for the service: "server-side encryption" and
 * "serverless" are no EC2 servers, an "RDS instance" or "cache instance" is no EC2 instance.
 */
const NOT_THE_SERVICE: Record<string, RegExp> = {
  ec2: /server-side|serverless|\b(?:rds|db|database|aurora|cluster|reader|writer|replica|redis|cache|elasticache|broker|notebook|sagemaker)\s+(?:db\s+)?instances?\b/g,
};

function promptMentions(prompt: string | null, svc: string): boolean {
  if (!prompt) return false;
  const noise = NOT_THE_SERVICE[svc];
  const text = noise ? prompt.toLowerCase().replace(noise, ' ') : prompt.toLowerCase();
  const product = PRODUCT_WORDS[svc];
  const words = product ?? [svc, svc.replace(/_/g, ' '), svc.replace(/v\d+$/, ''), svc.replace(/_/g, ''), ...(PROMPT_WORDS[svc] ?? [])].filter((w) => w.length >= 2);
  return words.some((w) => new RegExp(`(^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|$)`).test(text));
}

export const rule: Rule = {
  meta: {
    id: 'resource-type-missing-vs-reference',
    category: 'missing-resource',
    severity: 'medium',
    fixClass: 'B',
    title: 'Resource the reference needs is missing',
    rootCause: 'The model leaves out supporting resources (policies, roles, account settings, repositories) that the stack needs to deploy and work.',
    fix: 'Declare the missing resources, as the reference does, and wire them to the resources that depend on them.',
    fixExample: 'resource "aws_s3_bucket_policy" "config" {\n  bucket = aws_s3_bucket.config.id\n  policy = data.aws_iam_policy_document.config_delivery.json\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs',
    knowledgeGap: 'The supporting resources an AWS service needs to work end to end',
    impact: 'Deployment fails or the service runs without a piece it needs (no permissions, no delivery target, no logging role).',
  },
  check(ctx) {
    if (!ctx.ideal) return;
    const model = typedBlocks(ctx.config);
    // Nothing parsed on the model side: a front-end problem, not a finding.
    if (!model.size) return;
    const modelServices = new Set([...model.keys()].map((k) => service(k.replace(/^data\./, ''))));
    for (const [key, blocks] of typedBlocks(ctx.ideal)) {
      if (model.has(key)) continue;
      const isData = key.startsWith('data.');
      const type = key.replace(/^data\./, '');
      const svc = service(type);
      const serviceMissing = !modelServices.has(svc);
      const asked = promptMentions(ctx.task.prompt, svc);
      const names = blocks.slice(0, 3).map((b) => b.labels[1] ?? b.construct?.id ?? '?');
      const anchor = anchorFile(ctx.config, blocks[0]!.span.file);
      ctx.report({
        span: { file: anchor, line: 1, column: 1, endLine: 1, endColumn: 1 },
        resource: key,
        // A whole service missing is high only when the prompt asks for it; a piece the model's own service needs
        // to work is medium; anything else the reference adds (a service nobody asked for, a variant of a design)
        // is low: the reviewer's choice, not the model's omission.
        severity: isData || lambdaLogGroupsOnly(type, blocks) ? 'low' : serviceMissing ? (asked ? 'high' : 'low') : COMPANION_TYPES.has(type) ? 'medium' : 'low',
        message: `The reference declares ${isData ? 'data source ' : ''}${type} (${names.join(', ')}${blocks.length > 3 ? ', ...' : ''}); the response has no ${isData ? 'data source' : 'resource'} of that type${serviceMissing ? ` and nothing of the ${svc} service at all` : ''}.`,
      });
    }
  },
};

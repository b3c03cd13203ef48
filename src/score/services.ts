/**
 * AWS service names (as tasks list them in metadata `aws_services`) mapped to the Terraform resource-type
 * prefixes that implement them. Used by the missing-services blocker and the service count of the complexity step.
 * Unknown names are not guessed: they never count as missing.
 */
import type { Block, Configuration } from '../model/types.js';
import { attrExpr, nestedBlocks, staticBool, staticString } from '../model/query.js';

export interface ServiceEntry {
  /** Stable key, used in breakdown text. */
  key: string;
  /** Lower-case names and aliases as written in metadata (after normalization). */
  names: string[];
  /** Resource or data-source type prefixes (`aws_lambda_`) or exact types (`aws_eip`). */
  prefixes: string[];
  /** Extra evidence inside other resources (e.g. X-Ray tracing switched on in a Lambda). */
  alsoIf?: (config: Configuration) => boolean;
  /** Support services (IAM, KMS, logs) do not make a stack multi-service on their own. */
  support?: boolean;
}

function anyResource(config: Configuration, pred: (b: Block) => boolean): boolean {
  return config.blocks.some((b) => (b.kind === 'resource' || b.kind === 'data') && pred(b));
}

function xrayEnabled(config: Configuration): boolean {
  return anyResource(config, (b) => {
    const type = b.labels[0] ?? '';
    if (type === 'aws_lambda_function') {
      return nestedBlocks(b, 'tracing_config').some((t) => staticString(attrExpr(t, 'mode')) === 'Active');
    }
    if (type === 'aws_api_gateway_stage') return staticBool(attrExpr(b, 'xray_tracing_enabled')) === true;
    if (type === 'aws_sfn_state_machine') {
      return nestedBlocks(b, 'tracing_configuration').some((t) => staticBool(attrExpr(t, 'enabled')) === true);
    }
    return false;
  });
}

export const SERVICES: ServiceEntry[] = [
  { key: 'api-gateway', names: ['api gateway', 'apigateway', 'api gateway v2', 'http api', 'rest api'], prefixes: ['aws_api_gateway_', 'aws_apigatewayv2_'] },
  { key: 'lambda', names: ['lambda', 'lambda@edge'], prefixes: ['aws_lambda_'] },
  { key: 'dynamodb', names: ['dynamodb', 'dynamo db', 'dynamodb streams'], prefixes: ['aws_dynamodb_'] },
  { key: 's3', names: ['s3', 's3 bucket', 's3 buckets', 'simple storage service'], prefixes: ['aws_s3_', 'aws_s3control_'] },
  { key: 'iam', names: ['iam', 'iam role', 'iam roles', 'iam policy', 'iam policies', 'identity and access management'], prefixes: ['aws_iam_'], support: true },
  { key: 'kms', names: ['kms', 'key management service'], prefixes: ['aws_kms_'], support: true },
  { key: 'cloudwatch-logs', names: ['cloudwatch logs', 'cloudwatch log group', 'cloudwatch loggroup', 'cloudwatch log groups', 'log groups'], prefixes: ['aws_cloudwatch_log_'], support: true },
  { key: 'cloudwatch-alarms', names: ['cloudwatch alarms', 'cloudwatch alarm'], prefixes: ['aws_cloudwatch_metric_alarm', 'aws_cloudwatch_composite_alarm'] },
  { key: 'eventbridge', names: ['eventbridge', 'cloudwatch events', 'eventbridge scheduler', 'eventbridge rules'], prefixes: ['aws_cloudwatch_event_', 'aws_scheduler_', 'aws_pipes_'] },
  { key: 'cloudwatch', names: ['cloudwatch', 'cloudwatch dashboard', 'cloudwatch dashboards', 'cloudwatch metrics'], prefixes: ['aws_cloudwatch_'] },
  { key: 'xray', names: ['x-ray', 'xray', 'aws x-ray'], prefixes: ['aws_xray_'], alsoIf: xrayEnabled },
  { key: 'sns', names: ['sns', 'simple notification service'], prefixes: ['aws_sns_'] },
  { key: 'sqs', names: ['sqs', 'simple queue service'], prefixes: ['aws_sqs_'] },
  { key: 'step-functions', names: ['step functions', 'stepfunctions', 'sfn'], prefixes: ['aws_sfn_'] },
  { key: 'rds', names: ['rds', 'aurora', 'rds aurora', 'aurora postgresql', 'aurora mysql', 'rds postgresql', 'rds mysql', 'amazon rds', 'aurora serverless', 'db subnet group'], prefixes: ['aws_db_', 'aws_rds_'] },
  { key: 'vpc', names: ['vpc', 'amazon vpc'], prefixes: ['aws_vpc', 'aws_default_vpc'] },
  { key: 'subnet', names: ['subnet', 'subnets'], prefixes: ['aws_subnet', 'aws_default_subnet'] },
  { key: 'internet-gateway', names: ['internet gateway', 'internetgateway', 'igw'], prefixes: ['aws_internet_gateway', 'aws_egress_only_internet_gateway'] },
  { key: 'nat-gateway', names: ['nat gateway', 'natgateway', 'nat gateways', 'nat'], prefixes: ['aws_nat_gateway'] },
  { key: 'eip', names: ['elastic ip', 'eip', 'elastic ips'], prefixes: ['aws_eip'] },
  { key: 'route-table', names: ['route table', 'route tables', 'routetable'], prefixes: ['aws_route_table', 'aws_route', 'aws_default_route_table'] },
  { key: 'security-group', names: ['security group', 'security groups', 'securitygroup'], prefixes: ['aws_security_group', 'aws_vpc_security_group_', 'aws_default_security_group'] },
  { key: 'network-acl', names: ['network acls', 'network acl', 'nacl', 'nacls'], prefixes: ['aws_network_acl', 'aws_default_network_acl'] },
  { key: 'vpc-flow-logs', names: ['vpc flow logs', 'flow logs'], prefixes: ['aws_flow_log'] },
  { key: 'vpc-endpoints', names: ['vpc endpoints', 'vpc endpoint', 'privatelink'], prefixes: ['aws_vpc_endpoint'] },
  { key: 'vpc-peering', names: ['vpc peering'], prefixes: ['aws_vpc_peering_connection'] },
  { key: 'transit-gateway', names: ['transit gateway'], prefixes: ['aws_ec2_transit_gateway'] },
  { key: 'vpn', names: ['vpn gateway', 'vpn', 'site-to-site vpn'], prefixes: ['aws_vpn_', 'aws_customer_gateway'] },
  {
    key: 'ec2',
    names: ['ec2', 'amazon ec2', 'ec2 instances', 'ec2 instance'],
    prefixes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_ec2_', 'aws_ami', 'aws_key_pair', 'aws_autoscaling_group', 'aws_spot_', 'aws_eip', 'aws_security_group', 'aws_vpc', 'aws_subnet'],
  },
  { key: 'launch-template', names: ['launch template', 'ec2 launch template'], prefixes: ['aws_launch_template', 'aws_launch_configuration'] },
  { key: 'ebs', names: ['ebs', 'elastic block store'], prefixes: ['aws_ebs_', 'aws_volume_attachment', 'aws_instance', 'aws_launch_template'] },
  { key: 'auto-scaling', names: ['auto scaling', 'autoscaling', 'auto scaling group', 'auto scaling groups', 'asg', 'application auto scaling', 'ec2 auto scaling'], prefixes: ['aws_autoscaling_', 'aws_appautoscaling_'] },
  { key: 'load-balancer', names: ['alb', 'application load balancer', 'elb', 'elastic load balancing', 'load balancer', 'nlb', 'network load balancer', 'elastic load balancer', 'elbv2'], prefixes: ['aws_lb', 'aws_alb', 'aws_elb'] },
  { key: 'target-group', names: ['target group', 'target groups'], prefixes: ['aws_lb_target_group', 'aws_alb_target_group'] },
  { key: 'route53', names: ['route53', 'route 53', 'amazon route 53'], prefixes: ['aws_route53'] },
  { key: 'cloudfront', names: ['cloudfront', 'amazon cloudfront'], prefixes: ['aws_cloudfront_'] },
  { key: 'acm', names: ['acm', 'certificate manager'], prefixes: ['aws_acm_', 'aws_acmpca_'] },
  { key: 'waf', names: ['waf', 'wafv2', 'waf v2', 'aws waf'], prefixes: ['aws_wafv2_', 'aws_waf_', 'aws_wafregional_'] },
  { key: 'shield', names: ['shield', 'aws shield'], prefixes: ['aws_shield_'] },
  { key: 'secrets-manager', names: ['secrets manager', 'secretsmanager'], prefixes: ['aws_secretsmanager_'] },
  { key: 'ssm', names: ['ssm', 'systems manager', 'ssm parameter store', 'parameter store', 'systems manager parameter store'], prefixes: ['aws_ssm_'] },
  { key: 'cloudtrail', names: ['cloudtrail'], prefixes: ['aws_cloudtrail'] },
  { key: 'config', names: ['config', 'aws config'], prefixes: ['aws_config_'] },
  { key: 'guardduty', names: ['guardduty'], prefixes: ['aws_guardduty_'] },
  { key: 'security-hub', names: ['security hub', 'securityhub'], prefixes: ['aws_securityhub_'] },
  { key: 'inspector', names: ['inspector', 'inspector v2'], prefixes: ['aws_inspector'] },
  { key: 'macie', names: ['macie'], prefixes: ['aws_macie'] },
  { key: 'ecs', names: ['ecs', 'fargate', 'ecs fargate', 'elastic container service'], prefixes: ['aws_ecs_'] },
  { key: 'ecr', names: ['ecr', 'elastic container registry'], prefixes: ['aws_ecr_', 'aws_ecrpublic_'] },
  { key: 'eks', names: ['eks', 'elastic kubernetes service'], prefixes: ['aws_eks_'] },
  { key: 'elasticache', names: ['elasticache', 'elasticache redis', 'redis'], prefixes: ['aws_elasticache_'] },
  { key: 'efs', names: ['efs', 'elastic file system'], prefixes: ['aws_efs_'] },
  { key: 'kinesis', names: ['kinesis', 'kinesis data streams', 'kinesis streams'], prefixes: ['aws_kinesis_'] },
  { key: 'firehose', names: ['kinesis firehose', 'kinesis data firehose', 'firehose'], prefixes: ['aws_kinesis_firehose_'] },
  { key: 'glue', names: ['glue', 'aws glue'], prefixes: ['aws_glue_'] },
  { key: 'athena', names: ['athena'], prefixes: ['aws_athena_'] },
  { key: 'quicksight', names: ['quicksight'], prefixes: ['aws_quicksight_'] },
  { key: 'cognito', names: ['cognito', 'cognito user pools'], prefixes: ['aws_cognito_'] },
  { key: 'codepipeline', names: ['codepipeline'], prefixes: ['aws_codepipeline'] },
  { key: 'codebuild', names: ['codebuild'], prefixes: ['aws_codebuild_'] },
  { key: 'codecommit', names: ['codecommit'], prefixes: ['aws_codecommit_'] },
  { key: 'codedeploy', names: ['codedeploy'], prefixes: ['aws_codedeploy_'] },
  { key: 'backup', names: ['aws backup', 'backup'], prefixes: ['aws_backup_'] },
  { key: 'ses', names: ['ses', 'simple email service'], prefixes: ['aws_ses', 'aws_sesv2_'] },
  { key: 'opensearch', names: ['opensearch', 'elasticsearch'], prefixes: ['aws_opensearch_', 'aws_elasticsearch_'] },
  { key: 'redshift', names: ['redshift'], prefixes: ['aws_redshift'] },
  { key: 'msk', names: ['msk', 'managed streaming for kafka'], prefixes: ['aws_msk_'] },
  { key: 'sagemaker', names: ['sagemaker'], prefixes: ['aws_sagemaker_'] },
  { key: 'appsync', names: ['appsync'], prefixes: ['aws_appsync_'] },
  { key: 'organizations', names: ['organizations', 'aws organizations'], prefixes: ['aws_organizations_'] },
  { key: 'cloudformation', names: ['cloudformation'], prefixes: ['aws_cloudformation_'] },
  { key: 'batch', names: ['batch', 'aws batch'], prefixes: ['aws_batch_'] },
  { key: 'neptune', names: ['neptune'], prefixes: ['aws_neptune_'] },
  { key: 'docdb', names: ['documentdb', 'docdb'], prefixes: ['aws_docdb_'] },
  { key: 'global-accelerator', names: ['global accelerator'], prefixes: ['aws_globalaccelerator_'] },
  { key: 'lake-formation', names: ['lake formation'], prefixes: ['aws_lakeformation_'] },
  { key: 'timestream', names: ['timestream'], prefixes: ['aws_timestream'] },
  { key: 'iot', names: ['iot', 'iot core'], prefixes: ['aws_iot_'] },
  { key: 'datasync', names: ['datasync'], prefixes: ['aws_datasync_'] },
  { key: 'dms', names: ['dms', 'database migration service'], prefixes: ['aws_dms_'] },
  { key: 'transfer', names: ['transfer family'], prefixes: ['aws_transfer_'] },
  { key: 'emr', names: ['emr'], prefixes: ['aws_emr_'] },
  { key: 'mq', names: ['amazon mq'], prefixes: ['aws_mq_'] },
];

const BY_NAME = new Map<string, ServiceEntry>();
for (const s of SERVICES) for (const n of s.names) BY_NAME.set(n, s);

/** The text outside parentheses (a plain scan: a run of "(" costs linear time, unlike a backtracking pattern). */
function withoutParentheses(text: string): string {
  let out = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth += 1;
    else if (ch === ')' && depth > 0) {
      depth -= 1;
      if (depth === 0) out += ' ';
    } else if (depth === 0) out += ch;
  }
  return out;
}

/** Lower-case, without "AWS"/"Amazon" and parenthetical remarks: "Amazon RDS (PostgreSQL)" → "rds". */
export function normalizeServiceName(name: string): string {
  return withoutParentheses(name)
    .toLowerCase()
    .replace(/\b(aws|amazon)\b/g, ' ')
    .replace(/[_\s]+/g, ' ')
    .trim();
}

/** The table entry for a metadata service name; undefined when unknown (unknown names are never "missing"). */
export function serviceForName(name: string): ServiceEntry | undefined {
  const n = normalizeServiceName(name);
  if (!n) return undefined;
  const exact = BY_NAME.get(n);
  if (exact) return exact;
  // "RDS PostgreSQL 15" → "rds postgresql", then "rds": drop trailing words one at a time.
  const words = n.split(' ');
  for (let k = words.length - 1; k >= 1; k--) {
    const hit = BY_NAME.get(words.slice(0, k).join(' '));
    if (hit) return hit;
  }
  return undefined;
}

/** metadata.aws_services may be a list or a comma-separated string. */
export function requiredServiceNames(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string').map((s) => s.trim()).filter(Boolean);
  if (typeof raw === 'string') return raw.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
  return [];
}

/**
 * Names that are ordinary words in a prompt ("backup the data", "config files", "batch jobs", "glue code") or
 * that prompts name to exclude ("not CloudFormation"): in a prompt they count only as "AWS <name>" / "Amazon <name>".
 */
const PROSE_WORDS = new Set(['config', 'backup', 'batch', 'glue', 'nat', 'inspector', 'organizations', 'cloudformation', 'shield', 'subnet', 'subnets', 'transfer family', 'iot', 'sfn', 'rest api', 'http api', 'ebs', 'redis', 'elasticsearch', 'log groups']);

function proseText(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9@-]+/g, ' ')} `;
}

/**
 * Services a prompt names, as table entries (first name found per entry, in table order). Matching is on whole
 * words of the lower-cased text (a trailing plural "s" allowed), by plain substring search.
 */
export function promptServices(prompt: string): { entry: ServiceEntry; name: string }[] {
  const text = proseText(prompt);
  const out: { entry: ServiceEntry; name: string }[] = [];
  for (const entry of SERVICES) {
    for (const raw of entry.names) {
      const name = proseText(raw).trim();
      const words = PROSE_WORDS.has(raw) ? [`aws ${name}`, `amazon ${name}`] : [name];
      if (words.some((w) => text.includes(` ${w} `) || text.includes(` ${w}s `))) {
        out.push({ entry, name: raw });
        break;
      }
    }
  }
  return out;
}

function typeMatches(type: string, prefix: string): boolean {
  // A prefix ending in `_` covers a family; otherwise the exact type or its `_`-suffixed relatives (aws_lb → aws_lb_listener).
  return prefix.endsWith('_') ? type.startsWith(prefix) : type === prefix || type.startsWith(prefix + '_');
}

/** Resource and data-source types a configuration declares. */
export function declaredTypes(config: Configuration): Set<string> {
  const out = new Set<string>();
  for (const b of config.blocks) if ((b.kind === 'resource' || b.kind === 'data') && b.labels[0]) out.add(b.labels[0]);
  return out;
}

export function serviceImplemented(entry: ServiceEntry, config: Configuration, types = declaredTypes(config)): boolean {
  for (const t of types) if (entry.prefixes.some((p) => typeMatches(t, p))) return true;
  return entry.alsoIf?.(config) ?? false;
}

/** Specific entries first so `aws_cloudwatch_log_group` is "cloudwatch-logs", not "cloudwatch". */
const BY_PREFIX_LENGTH = SERVICES.flatMap((s) => s.prefixes.map((p) => ({ p, s })))
  .filter(({ s }) => s.key !== 'ec2' && s.key !== 'ebs')
  .sort((a, b) => b.p.length - a.p.length || (a.s.key < b.s.key ? -1 : 1));

/** The service a resource type belongs to: a table entry, else the type's first word (`aws_foo_bar` → `foo`). */
export function serviceOfType(type: string): string {
  for (const { p, s } of BY_PREFIX_LENGTH) if (typeMatches(type, p)) return groupKey(s.key);
  if (/^aws_(instance|launch_template|launch_configuration|ami|key_pair|spot_|ebs_|volume_attachment)/.test(type)) return 'ec2';
  const m = /^aws_([a-z0-9]+)/.exec(type);
  return m ? m[1]! : type.split('_')[0] ?? type;
}

/** Networking pieces are one service (VPC); several CloudWatch flavours are one service for counting. */
function groupKey(key: string): string {
  if (['subnet', 'internet-gateway', 'nat-gateway', 'eip', 'route-table', 'security-group', 'network-acl', 'vpc-flow-logs', 'vpc-endpoints', 'vpc-peering'].includes(key)) return 'vpc';
  if (key === 'target-group') return 'load-balancer';
  if (key === 'cloudwatch-alarms') return 'cloudwatch';
  if (key === 'launch-template') return 'ec2';
  return key;
}

export function isSupportService(key: string): boolean {
  return SERVICES.some((s) => s.key === key && s.support === true);
}

/**
 * AWS services as the rules see them: the service a resource type belongs to (`aws_lb_listener` → `elb`,
 * `aws_subnet` → `vpc`) and whether a task's prompt names it, by its product name or only by a common word.
 * Shared by the checks that compare the services of the model, the reference and the prompt.
 */

/** `aws_api_gateway_stage` → `api_gateway`; `aws_s3_bucket_policy` → `s3`. */
export function serviceOfType(type: string): string {
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
 * Names a prompt uses for a service whose type prefix it rarely writes: the product (`route 53`, `cloudwatch`), and
 * common words that often mean it but may mean something else (`notifications` may be EventBridge's, `dns` a
 * record in an existing zone, `monitoring` a metric). Only the product asks for the whole service.
 */
const PROMPT_WORDS: Record<string, { product: string[]; generic?: string[] }> = {
  ec2: { product: ['ec2'], generic: ['instance', 'instances', 'server', 'servers', 'bastion'] },
  elb: { product: ['load balancer', 'alb', 'nlb', 'elb'] },
  route53: { product: ['route 53', 'route53', 'hosted zone'], generic: ['dns'] },
  cloudwatch: { product: ['cloudwatch'], generic: ['alarm', 'alarms', 'dashboard', 'monitoring'] },
  sns: { product: ['sns', 'simple notification service'], generic: ['notification', 'notifications'] },
  kms: { product: ['kms', 'customer managed key', 'customer-managed key'] },
  wafv2: { product: ['waf'] },
  cloudfront: { product: ['cloudfront'], generic: ['cdn'] },
  dynamodb: { product: ['dynamodb', 'dynamo'] },
};

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

/**
 * How the task's prompt names a service (`wafv2` → "waf", `api_gateway` → "api gateway"): by its product name, only
 * by a common word, or not at all. A whole service the reference adds but the prompt never asked for is the
 * reviewer's design choice, not the model's omission.
 */
export function promptNamesService(prompt: string | null, svc: string): 'product' | 'word' | undefined {
  if (!prompt) return undefined;
  const noise = NOT_THE_SERVICE[svc];
  const text = noise ? prompt.toLowerCase().replace(noise, ' ') : prompt.toLowerCase();
  const says = (words: string[]) => words.filter((w) => w.length >= 2).some((w) => new RegExp(`(^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|$)`).test(text));
  const product = PRODUCT_WORDS[svc] ?? [svc, svc.replace(/_/g, ' '), svc.replace(/v\d+$/, ''), svc.replace(/_/g, ''), ...(PROMPT_WORDS[svc]?.product ?? [])];
  if (says(product)) return 'product';
  return says(PROMPT_WORDS[svc]?.generic ?? []) ? 'word' : undefined;
}

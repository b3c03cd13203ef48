import type { Rule } from '../types.js';
import type { Configuration } from '../../model/types.js';

/**
 * A response that implements another task: its resource types and the reference's barely meet, and the prompt
 * names the reference's services rather than the response's. Reviewers list "completely different task" first and
 * judge nothing else of that code (dev corpus: every tf-hcl task whose model and reference share at most a fifth of
 * their resource types both ways, with at least 5 and 8 types, was documented as the wrong task, except one whose
 * reference was the mismatched file; the prompt tells the two apart).
 */

/** At least this many resource types on each side before the overlap means anything. */
const MIN_MODEL_TYPES = 5;
const MIN_IDEAL_TYPES = 8;
/** At most this share of either side's types in common. */
const MAX_SHARED = 0.2;

/** Words a prompt uses for a service whose type token says something else (`aws_lb_*` is "load balancer"). */
const TOKEN_WORDS: Record<string, string[]> = {
  lb: ['load balancer', 'alb', 'elb', 'nlb'],
  alb: ['load balancer', 'alb'],
  elb: ['load balancer', 'elb'],
  db: ['rds', 'database', 'aurora', 'postgres', 'mysql'],
  rds: ['rds', 'aurora', 'database'],
  instance: ['ec2', 'instance'],
  launch: ['ec2', 'launch template', 'auto scaling', 'autoscaling'],
  autoscaling: ['auto scaling', 'autoscaling', 'asg'],
  appautoscaling: ['auto scaling', 'autoscaling'],
  sfn: ['step functions', 'state machine'],
  cloudwatch: ['cloudwatch', 'alarm', 'dashboard'],
  apigatewayv2: ['api gateway', 'http api', 'websocket'],
  api: ['api gateway', 'rest api'],
  cloudfront: ['cloudfront', 'cdn'],
  wafv2: ['waf'],
  elasticache: ['elasticache', 'redis', 'memcached'],
  opensearch: ['opensearch', 'elasticsearch'],
  ecs: ['ecs', 'fargate', 'container'],
  eks: ['eks', 'kubernetes'],
  efs: ['efs', 'file system'],
  sns: ['sns', 'notification'],
  sqs: ['sqs', 'queue'],
  s3: ['s3', 'bucket'],
  kms: ['kms', 'encryption key'],
  iam: ['iam', 'role', 'policy'],
  vpc: ['vpc', 'network'],
  subnet: ['subnet'],
  nat: ['nat'],
  route53: ['route 53', 'route53', 'dns'],
  secretsmanager: ['secrets manager', 'secret'],
  ssm: ['ssm', 'parameter store', 'systems manager'],
  xray: ['x-ray', 'xray', 'tracing'],
  glue: ['glue'],
  athena: ['athena'],
  kinesis: ['kinesis', 'stream'],
  lambda: ['lambda', 'function'],
  dynamodb: ['dynamodb', 'table'],
};

/** Service token of a resource type: `aws_kinesis_stream` → `kinesis`, `aws_lb_target_group` → `lb`. */
function tokenOf(type: string): string {
  return type.replace(/^aws_/, '').split('_')[0] ?? type;
}

function resourceTypes(config: Configuration): Set<string> {
  const out = new Set<string>();
  for (const b of config.blocks) if (b.kind === 'resource' && b.labels[0]?.startsWith('aws_')) out.add(b.labels[0]);
  return out;
}

/** How many of the tokens the prompt names (as whole words, through TOKEN_WORDS for the less obvious ones). */
function promptHits(prompt: string, tokens: Set<string>): number {
  const text = ` ${prompt.toLowerCase().replace(/[^a-z0-9@-]+/g, ' ')} `;
  let hits = 0;
  for (const token of tokens) if ((TOKEN_WORDS[token] ?? [token]).some((w) => text.includes(` ${w} `) || text.includes(` ${w}s `))) hits += 1;
  return hits;
}

/** Up to six service tokens of a type set, in a stable order, for the message. */
function serviceList(types: Set<string>): string {
  const tokens = [...new Set([...types].map(tokenOf))].sort();
  return tokens.slice(0, 6).join(', ') + (tokens.length > 6 ? ', ...' : '');
}

export const rule: Rule = {
  meta: {
    id: 'response-off-task',
    category: 'missing-resource',
    severity: 'critical',
    fixClass: 'A',
    title: 'Response implements a different task',
    rootCause: 'The model answered another prompt (a reused or confused response): the services it builds are not the ones the task asks for.',
    fix: 'Answer the task\'s prompt: build the services it names, in its region and layout.',
    fixExample: '# Start from the prompt\'s list of services and write a resource for each, e.g.\nresource "aws_kinesis_stream" "events" {\n  name        = "events-${var.environment_suffix}"\n  shard_count = 1\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/resources/syntax',
    knowledgeGap: 'Reading the task before writing the configuration',
    impact: 'Nothing the task asks for is deployed; the response has no training value for this prompt.',
    blocker: true,
  },
  check(ctx) {
    const prompt = ctx.task.prompt;
    if (!ctx.ideal || !prompt) return;
    const model = resourceTypes(ctx.config);
    const ideal = resourceTypes(ctx.ideal);
    if (model.size < MIN_MODEL_TYPES || ideal.size < MIN_IDEAL_TYPES) return;
    const shared = [...model].filter((t) => ideal.has(t)).length;
    if (shared / model.size > MAX_SHARED || shared / ideal.size > MAX_SHARED) return;
    // The prompt decides which side is on task: a reference that is the mismatched file leaves the model alone.
    const modelOnly = new Set([...model].filter((t) => !ideal.has(t)).map(tokenOf));
    const idealOnly = new Set([...ideal].filter((t) => !model.has(t)).map(tokenOf));
    const idealNamed = promptHits(prompt, idealOnly);
    const modelNamed = promptHits(prompt, modelOnly);
    if (idealNamed <= modelNamed) return;
    ctx.report({
      span: { file: ctx.task.model?.origin ?? 'lib/MODEL_RESPONSE.md', line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: 'response',
      message: `The response builds another system (${serviceList(model)}): ${shared} of its ${model.size} resource types appear in the reference, which builds ${serviceList(ideal)}; the prompt names ${idealNamed} of the reference's services and ${modelNamed} of the response's.`,
    });
  },
};

import type { Rule } from '../types.js';
import type { Configuration } from '../../model/types.js';
import { promptNamesService, serviceOfType } from '../util/aws-services.js';

/**
 * A response that implements another task: its resource types and the reference's barely meet, and the prompt
 * names the reference's services rather than the response's. Reviewers list "completely different task" first and
 * judge nothing else of that code (dev corpus: the tf-hcl tasks whose model and reference share at most a quarter of
 * their resource types beyond the network and IAM scaffolding were documented as the wrong task; the prompt tells
 * them from a reference that is itself the mismatched file).
 */

/**
 * Scaffolding nearly every stack declares (network, IAM, keys, log groups): shared by any two answers, it says
 * nothing about whether they build the same system, so the comparison leaves it out.
 */
const SCAFFOLDING = new Set([
  'aws_vpc', 'aws_subnet', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_eip', 'aws_route_table', 'aws_route_table_association',
  'aws_route', 'aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule',
  'aws_default_security_group', 'aws_network_acl', 'aws_flow_log', 'aws_iam_role', 'aws_iam_role_policy', 'aws_iam_role_policy_attachment',
  'aws_iam_policy', 'aws_iam_instance_profile', 'aws_kms_key', 'aws_kms_alias', 'aws_cloudwatch_log_group',
]);

/** At least this many resource types beyond the scaffolding on each side before the overlap means anything. */
const MIN_MODEL_TYPES = 3;
const MIN_IDEAL_TYPES = 4;
/**
 * At most this share of either side's types in common (dev corpus: every tf-hcl pair at or below 0.17 is an answer
 * to another task; the next pair shares 0.56).
 */
const MAX_SHARED = 0.25;

/** The AWS resource types a configuration declares, scaffolding left out. */
function systemTypes(config: Configuration): Set<string> {
  const out = new Set<string>();
  for (const b of config.blocks) if (b.kind === 'resource' && b.labels[0]?.startsWith('aws_') && !SCAFFOLDING.has(b.labels[0])) out.add(b.labels[0]);
  return out;
}

/** How many of these services the prompt names (by product or common word, as resource-type-missing-vs-reference reads it). */
function promptHits(prompt: string, services: Set<string>): number {
  return [...services].filter((svc) => promptNamesService(prompt, svc) !== undefined).length;
}

/** Up to six services of a type set, in a stable order, for the message. */
function serviceList(types: Set<string>): string {
  const services = [...new Set([...types].map(serviceOfType))].sort();
  return services.slice(0, 6).join(', ') + (services.length > 6 ? ', ...' : '');
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
    const model = systemTypes(ctx.config);
    const ideal = systemTypes(ctx.ideal);
    if (model.size < MIN_MODEL_TYPES || ideal.size < MIN_IDEAL_TYPES) return;
    const shared = [...model].filter((t) => ideal.has(t)).length;
    if (shared / model.size > MAX_SHARED || shared / ideal.size > MAX_SHARED) return;
    // The prompt decides which side is on task: a reference that is the mismatched file leaves the model alone.
    const modelOnly = new Set([...model].filter((t) => !ideal.has(t)).map(serviceOfType));
    const idealOnly = new Set([...ideal].filter((t) => !model.has(t)).map(serviceOfType));
    const idealNamed = promptHits(prompt, idealOnly);
    const modelNamed = promptHits(prompt, modelOnly);
    if (idealNamed <= modelNamed) return;
    ctx.report({
      span: { file: ctx.task.model?.origin ?? 'lib/MODEL_RESPONSE.md', line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: 'response',
      message: `The response builds another system (${serviceList(model)}): beyond network and IAM scaffolding, ${shared} of its ${model.size} resource types appear in the reference, which builds ${serviceList(ideal)}; the prompt names ${idealNamed} of the reference's services and ${modelNamed} of the response's.`,
    });
  },
};

import type { Block, Configuration } from '../../model/types.js';
import { attrExpr } from '../../model/query.js';
import { canonicalResourceType as canonical } from '../../model/names.js';
import { literalText } from '../util/b-s3.js';
import type { Rule } from '../types.js';
import { basename } from '../util/files.js';
import { promptNamesService, serviceOfType } from '../util/aws-services.js';

/** Helpers that carry no infrastructure of their own: their absence is a style choice, not a missing resource. */
const HELPER_TYPE = /^(random_|null_|time_|terraform_data$|archive_|local_|tls_|external$|http$|template_)/;
/** Data sources that only read the caller's context; the model may get the same values another way. */
const CONTEXT_DATA = new Set(['aws_caller_identity', 'aws_region', 'aws_partition', 'aws_availability_zones', 'aws_iam_policy_document', 'aws_default_tags']);

/**
 * Types without which a resource the model did declare cannot work (an API with methods but no integration or
 * deployment serves nothing; a function nothing may invoke), each with the types it completes: missing one is a
 * defect when the model has what it completes, even when the prompt names only the service. Any other type the
 * reference adds beside a service the model has is a design difference (an event target for a rule only the
 * reference declares is part of that rule's design).
 */
const COMPANION_OF: Record<string, RegExp> = {
  aws_api_gateway_integration: /^aws_api_gateway_(rest_api|method)$/,
  aws_api_gateway_deployment: /^aws_api_gateway_(rest_api|method)$/,
  aws_api_gateway_stage: /^aws_api_gateway_(rest_api|deployment)$/,
  aws_apigatewayv2_integration: /^aws_apigatewayv2_(api|route)$/,
  aws_apigatewayv2_route: /^aws_apigatewayv2_api$/,
  aws_apigatewayv2_stage: /^aws_apigatewayv2_api$/,
  aws_lambda_permission: /^aws_lambda_function$/,
  aws_lb_listener: /^aws_lb$/,
  aws_lb_target_group: /^aws_lb(_listener)?$/,
  aws_iam_role: /^aws_/,
  aws_db_subnet_group: /^aws_(db_instance|rds_cluster)$/,
  aws_elasticache_subnet_group: /^aws_elasticache_(cluster|replication_group)$/,
  aws_route_table_association: /^aws_route_table$/,
  aws_s3_bucket_policy: /^aws_s3_bucket$/,
  aws_lambda_event_source_mapping: /^aws_lambda_function$/,
  aws_ecs_task_definition: /^aws_ecs_service$/,
  aws_cloudwatch_event_target: /^aws_cloudwatch_event_rule$/,
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
    const modelServices = new Set([...model.keys()].map((k) => serviceOfType(k.replace(/^data\./, ''))));
    for (const [key, blocks] of typedBlocks(ctx.ideal)) {
      if (model.has(key)) continue;
      const isData = key.startsWith('data.');
      const type = key.replace(/^data\./, '');
      const svc = serviceOfType(type);
      const serviceMissing = !modelServices.has(svc);
      const asked = promptNamesService(ctx.task.prompt, svc);
      const companion = COMPANION_OF[type];
      const completesModel = companion !== undefined && [...model.keys()].some((k) => !k.startsWith('data.') && companion.test(k));
      const names = blocks.slice(0, 3).map((b) => b.labels[1] ?? b.construct?.id ?? '?');
      const anchor = anchorFile(ctx.config, blocks[0]!.span.file);
      ctx.report({
        span: { file: anchor, line: 1, column: 1, endLine: 1, endColumn: 1 },
        resource: key,
        // A whole service missing is high when the prompt names the product, medium when only a common word may mean
        // it; a piece a resource of the model needs to work is medium; anything else the reference adds (a service
        // nobody asked for, a variant of a design) is low: the reviewer's choice, not the model's omission.
        severity: isData || lambdaLogGroupsOnly(type, blocks) ? 'low' : serviceMissing ? (asked === 'product' ? 'high' : asked === 'word' ? 'medium' : 'low') : completesModel ? 'medium' : 'low',
        message: `The reference declares ${isData ? 'data source ' : ''}${type} (${names.join(', ')}${blocks.length > 3 ? ', ...' : ''}); the response has no ${isData ? 'data source' : 'resource'} of that type${serviceMissing ? ` and nothing of the ${svc} service at all` : ''}.`,
      });
    }
  },
};

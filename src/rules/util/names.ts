/** Name-like attributes of resources: what the naming and service-limit rules read. */
import type { Block, Expr, SourceSpan } from '../../model/types.js';
import { attr, attrExpr } from '../../model/query.js';

/** Attributes that give a resource its AWS-side name (unique per account/region). */
export const NAME_ATTRIBUTES = [
  'name',
  'name_prefix',
  'bucket',
  'bucket_prefix',
  'function_name',
  'table_name',
  'role_name',
  'cluster_identifier',
  'identifier',
  'identifier_prefix',
  'db_subnet_group_name',
  'alarm_name',
  'dashboard_name',
  'topic_name',
  'queue_name',
  'repository_name',
  'cluster_name',
  'domain_name_prefix',
  'replication_group_id',
  'cluster_id',
  'user_pool_name',
  'stream_name',
  'state_machine_name',
  'secret_name',
  'key_name',
  'rule_name',
  'log_group_name',
  'api_name',
  'pipeline_name',
  'project_name',
  'family',
] as const;

/**
 * Resource types whose `name` is not an AWS-side unique name (listener rules, record sets, attachments,
 * API Gateway paths) — a missing suffix there causes no collision.
 */
const NAME_IS_NOT_UNIQUE = new Set([
  'aws_route53_record',
  'aws_route53_zone',
  'aws_api_gateway_resource',
  'aws_api_gateway_model',
  'aws_api_gateway_stage',
  'aws_apigatewayv2_stage',
  'aws_api_gateway_authorizer',
  'aws_apigatewayv2_authorizer',
  'aws_cognito_user_group',
  'aws_cognito_resource_server',
  'aws_cognito_user_pool_client',
  'aws_cognito_identity_provider',
  'aws_ssm_parameter',
  'aws_acm_certificate',
  'aws_lambda_alias',
  'aws_glue_catalog_table',
  'aws_wafv2_ip_set',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_ecs_task_definition',
  'aws_cloudwatch_log_stream',
  'aws_cloudwatch_log_metric_filter',
  'aws_cloudwatch_log_subscription_filter',
  'aws_lb_listener_rule',
  'aws_appautoscaling_policy',
  'aws_autoscaling_policy',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
]);

/** Attributes that are only names in some types (a DB's `name` is the database name, `family` is a DB family). */
const ATTRIBUTE_ONLY_FOR: Record<string, (type: string) => boolean> = {
  project_name: (t) => t.startsWith('aws_codebuild'),
  family: (t) => t === 'aws_ecs_task_definition',
  identifier: (t) => t === 'aws_db_instance',
  key_name: (t) => t === 'aws_key_pair',
  name: (t) => t !== 'aws_db_instance',
  cluster_id: (t) => t.startsWith('aws_elasticache'),
};

export interface NameExpr {
  /** `name`, `bucket`, ..., or `tags.Name`. */
  attribute: string;
  expr: Expr;
  span?: SourceSpan;
}

/** Whether a resource type's name is a unique AWS-side name. */
export function hasUniqueName(type: string): boolean {
  return !NAME_IS_NOT_UNIQUE.has(type);
}

/** The name-like attributes of a resource, plus `tags.Name` when requested. */
export function nameExprs(block: Block, opts: { includeTagName?: boolean } = {}): NameExpr[] {
  const type = block.labels[0] ?? '';
  const out: NameExpr[] = [];
  for (const name of NAME_ATTRIBUTES) {
    const only = ATTRIBUTE_ONLY_FOR[name];
    if (only && !only(type)) continue;
    const a = attr(block, name);
    if (a) out.push({ attribute: name, expr: a.expr, span: a.span });
  }
  if (opts.includeTagName !== false) {
    const tags = attrExpr(block, 'tags');
    if (tags?.kind === 'object') {
      const entry = tags.entries.find((e) => e.key === 'Name');
      if (entry) out.push({ attribute: 'tags.Name', expr: entry.value, span: entry.value.span ?? tags.span });
    }
    if (tags?.kind === 'call' && tags.name === 'merge') {
      for (const arg of tags.args) {
        if (arg.kind !== 'object') continue;
        const entry = arg.entries.find((e) => e.key === 'Name');
        if (entry) out.push({ attribute: 'tags.Name', expr: entry.value, span: entry.value.span ?? arg.span });
      }
    }
  }
  return out;
}

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
  'cluster_identifier',
  'identifier',
  'identifier_prefix',
  'alarm_name',
  'dashboard_name',
  'repository_name',
  'replication_group_id',
  'cluster_id',
  'key_name',
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
  'aws_guardduty_detector_feature',
  'aws_ses_event_destination',
  'aws_ecs_service',
  'aws_backup_selection',
  'aws_athena_named_query',
  'aws_lb_cookie_stickiness_policy',
  'aws_lightsail_instance',
]);

/** Sub-resources whose names are scoped to a parent (an API, a web ACL, a load balancer). */
const SCOPED_NAME = /^aws_(api_gateway_(?!rest_api$|api_key$|usage_plan$|domain_name$|vpc_link$|client_certificate$)|apigatewayv2_(?!api$|domain_name$|vpc_link$)|wafv2_rule_group_rule|elastic_beanstalk_configuration_template|glue_(catalog_table|partition))/;

/**
 * Attributes that are the resource's own name only in some types; elsewhere the same attribute is a reference
 * (`aws_s3_bucket_policy.bucket`, `aws_lambda_permission.function_name`, `aws_rds_cluster_instance.cluster_identifier`).
 */
const ATTRIBUTE_ONLY_FOR: Record<string, (type: string) => boolean> = {
  name: (t) => t !== 'aws_db_instance',
  bucket: (t) => t === 'aws_s3_bucket',
  bucket_prefix: (t) => t === 'aws_s3_bucket',
  function_name: (t) => t === 'aws_lambda_function',
  cluster_identifier: (t) => ['aws_rds_cluster', 'aws_redshift_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'].includes(t),
  identifier: (t) => t === 'aws_db_instance' || t === 'aws_rds_cluster_instance',
  identifier_prefix: (t) => t === 'aws_db_instance' || t === 'aws_rds_cluster_instance',
  alarm_name: (t) => t === 'aws_cloudwatch_metric_alarm' || t === 'aws_cloudwatch_composite_alarm',
  dashboard_name: (t) => t === 'aws_cloudwatch_dashboard',
  repository_name: (t) => t === 'aws_codecommit_repository',
  replication_group_id: (t) => t === 'aws_elasticache_replication_group',
  cluster_id: (t) => t === 'aws_elasticache_cluster',
  key_name: (t) => t === 'aws_key_pair',
};

export interface NameExpr {
  /** `name`, `bucket`, ..., or `tags.Name`. */
  attribute: string;
  expr: Expr;
  span?: SourceSpan;
}

/** Whether a resource type's name is a unique AWS-side name. */
export function hasUniqueName(type: string): boolean {
  // Only AWS names collide in the account; helm releases, random_* and the like live elsewhere.
  return type.startsWith('aws_') && !NAME_IS_NOT_UNIQUE.has(type) && !SCOPED_NAME.test(type) && type !== 'aws_service_discovery_service';
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

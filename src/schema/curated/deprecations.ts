/**
 * Deprecations, removals and additions across AWS provider versions that the single bundled schema cannot show.
 * Hand-written from the provider's upgrade guides and changelog; each entry links to its source.
 * Versions are full semver strings (deprecations often land in minor releases).
 */

export interface DeprecationEntry {
  kind: 'resource' | 'data';
  type: string;
  /** Argument or nested block path (`versioning`, `rule.filter`); null when the whole resource/data source is meant. */
  argument: string | null;
  /** First provider version that warns; null when it was removed without a deprecation period we know of. */
  deprecatedIn: string | null;
  /** First provider version without it; null while it still exists. */
  removedIn: string | null;
  replacement: string;
  link: string;
  /** Also report reads of it as an attribute (`data.aws_region.current.name`). */
  readable?: boolean;
  /**
   * It was a nested block: an argument of the same name (`name = ...`) is not it. The provider re-adds a removed
   * block's name with another shape (aws_elasticache_replication_group `cluster_mode`, a string again since 5.x).
   */
  block?: boolean;
}

/**
 * The last 5.x release. Used as `deprecatedIn` for 6.0 removals whose exact deprecation release we do not know:
 * the provider deprecates before removing, so `~> 5.0` (which installs the newest 5.x) already warns.
 */
export const LAST_5X = '5.100.0';

const V4_S3 = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-4-upgrade#s3-bucket-refactor';
const V5 = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade';
const V6 = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade';

/** aws_s3_bucket arguments split into their own resources in 4.0 (read-only in 4.0.0, settable again but deprecated since 4.9.0). */
const S3_SPLIT: [string, string][] = [
  ['acceleration_status', 'aws_s3_bucket_accelerate_configuration'],
  ['acl', 'aws_s3_bucket_acl'],
  ['grant', 'aws_s3_bucket_acl'],
  ['cors_rule', 'aws_s3_bucket_cors_configuration'],
  ['lifecycle_rule', 'aws_s3_bucket_lifecycle_configuration'],
  ['logging', 'aws_s3_bucket_logging'],
  ['object_lock_configuration', 'aws_s3_bucket_object_lock_configuration (object_lock_enabled stays on aws_s3_bucket)'],
  ['policy', 'aws_s3_bucket_policy'],
  ['replication_configuration', 'aws_s3_bucket_replication_configuration'],
  ['request_payer', 'aws_s3_bucket_request_payment_configuration'],
  ['server_side_encryption_configuration', 'aws_s3_bucket_server_side_encryption_configuration'],
  ['versioning', 'aws_s3_bucket_versioning'],
  ['website', 'aws_s3_bucket_website_configuration'],
];

export const DEPRECATIONS: readonly DeprecationEntry[] = [
  ...S3_SPLIT.map(
    ([argument, replacement]): DeprecationEntry => ({
      kind: 'resource',
      type: 'aws_s3_bucket',
      argument,
      deprecatedIn: '4.0.0',
      removedIn: null,
      replacement,
      link: V4_S3,
    }),
  ),
  {
    kind: 'resource',
    type: 'aws_s3_bucket_object',
    argument: null,
    deprecatedIn: '4.0.0',
    removedIn: null,
    replacement: 'aws_s3_object',
    link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_object',
  },
  {
    kind: 'resource',
    type: 'aws_iam_role',
    argument: 'inline_policy',
    deprecatedIn: '5.68.0',
    removedIn: null,
    replacement: 'aws_iam_role_policy (plus aws_iam_role_policies_exclusive for exclusive management)',
    link: 'https://github.com/hashicorp/terraform-provider-aws/releases/tag/v5.68.0',
  },
  {
    kind: 'resource',
    type: 'aws_iam_role',
    argument: 'managed_policy_arns',
    deprecatedIn: '5.72.0',
    removedIn: null,
    replacement: 'aws_iam_role_policy_attachment (plus aws_iam_role_policy_attachments_exclusive for exclusive management)',
    link: 'https://github.com/hashicorp/terraform-provider-aws/pull/39718',
  },
  // 5.0 removals.
  { kind: 'resource', type: 'aws_db_instance', argument: 'name', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'db_name', link: `${V5}#resourceaws_db_instance` },
  { kind: 'resource', type: 'aws_elasticache_replication_group', argument: 'number_cache_clusters', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'num_cache_clusters', link: `${V5}#resourceaws_elasticache_replication_group` },
  { kind: 'resource', type: 'aws_elasticache_replication_group', argument: 'replication_group_description', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'description', link: `${V5}#resourceaws_elasticache_replication_group` },
  { kind: 'resource', type: 'aws_elasticache_replication_group', argument: 'availability_zones', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'preferred_cache_cluster_azs', link: `${V5}#resourceaws_elasticache_replication_group` },
  { kind: 'resource', type: 'aws_elasticache_replication_group', argument: 'cluster_mode', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'num_node_groups and replicas_per_node_group', link: `${V5}#resourceaws_elasticache_replication_group`, block: true },
  { kind: 'resource', type: 'aws_autoscaling_group', argument: 'tags', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'tag blocks', link: `${V5}#resourceaws_autoscaling_group` },
  { kind: 'resource', type: 'aws_vpc', argument: 'enable_classiclink', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'nothing (EC2-Classic retired)', link: `${V5}#ec2-classic-retirement` },
  { kind: 'resource', type: 'aws_vpc', argument: 'enable_classiclink_dns_support', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'nothing (EC2-Classic retired)', link: `${V5}#ec2-classic-retirement` },
  { kind: 'resource', type: 'aws_route', argument: 'instance_id', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'network_interface_id', link: `${V5}#resourceaws_route` },
  { kind: 'resource', type: 'aws_secretsmanager_secret', argument: 'rotation_lambda_arn', deprecatedIn: '2.67.0', removedIn: '5.0.0', replacement: 'aws_secretsmanager_secret_rotation', link: `${V5}#resourceaws_secretsmanager_secret` },
  { kind: 'resource', type: 'aws_secretsmanager_secret', argument: 'rotation_rules', deprecatedIn: '2.67.0', removedIn: '5.0.0', replacement: 'aws_secretsmanager_secret_rotation', link: `${V5}#resourceaws_secretsmanager_secret` },
  { kind: 'resource', type: 'aws_db_security_group', argument: null, deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'aws_security_group (EC2-Classic retired)', link: `${V5}#ec2-classic-retirement` },
  { kind: 'resource', type: 'aws_elasticache_security_group', argument: null, deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'aws_security_group (EC2-Classic retired)', link: `${V5}#ec2-classic-retirement` },
  { kind: 'resource', type: 'aws_redshift_security_group', argument: null, deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'aws_security_group (EC2-Classic retired)', link: `${V5}#ec2-classic-retirement` },
  { kind: 'resource', type: 'aws_kinesis_firehose_delivery_stream', argument: 's3_configuration', deprecatedIn: '4.0.0', removedIn: '5.0.0', replacement: 'extended_s3_configuration (destination "extended_s3")', link: `${V5}#resourceaws_kinesis_firehose_delivery_stream` },
  // 6.0 deprecations and removals.
  { kind: 'data', type: 'aws_region', argument: 'name', deprecatedIn: '6.0.0', removedIn: null, replacement: 'region', link: `${V6}#data-source-aws_region`, readable: true },
  { kind: 'resource', type: 'aws_api_gateway_deployment', argument: 'invoke_url', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_api_gateway_stage invoke_url', link: `${V6}#resource-aws_api_gateway_deployment`, readable: true },
  { kind: 'resource', type: 'aws_api_gateway_deployment', argument: 'execution_arn', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_api_gateway_stage execution_arn', link: `${V6}#resource-aws_api_gateway_deployment`, readable: true },
  { kind: 'resource', type: 'aws_eip', argument: 'vpc', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'domain = "vpc"', link: `${V6}#resource-aws_eip` },
  { kind: 'resource', type: 'aws_api_gateway_deployment', argument: 'stage_name', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_api_gateway_stage', link: `${V6}#resource-aws_api_gateway_deployment` },
  { kind: 'resource', type: 'aws_api_gateway_deployment', argument: 'stage_description', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_api_gateway_stage', link: `${V6}#resource-aws_api_gateway_deployment` },
  { kind: 'resource', type: 'aws_api_gateway_deployment', argument: 'canary_settings', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_api_gateway_stage canary_settings', link: `${V6}#resource-aws_api_gateway_deployment` },
  { kind: 'resource', type: 'aws_api_gateway_account', argument: 'reset_on_delete', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (destroy always resets)', link: `${V6}#resource-aws_api_gateway_account` },
  { kind: 'resource', type: 'aws_instance', argument: 'cpu_core_count', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'cpu_options { core_count }', link: `${V6}#resource-aws_instance` },
  { kind: 'resource', type: 'aws_instance', argument: 'cpu_threads_per_core', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'cpu_options { threads_per_core }', link: `${V6}#resource-aws_instance` },
  { kind: 'resource', type: 'aws_launch_template', argument: 'elastic_gpu_specifications', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (Elastic Graphics end of life)', link: `${V6}#resource-aws_launch_template` },
  { kind: 'resource', type: 'aws_launch_template', argument: 'elastic_inference_accelerator', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (Elastic Inference end of life)', link: `${V6}#resource-aws_launch_template` },
  { kind: 'resource', type: 'aws_ecs_task_definition', argument: 'inference_accelerator', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (Elastic Inference end of life)', link: `${V6}#resource-aws_ecs_task_definition` },
  { kind: 'resource', type: 'aws_flow_log', argument: 'log_group_name', deprecatedIn: '3.0.0', removedIn: '6.0.0', replacement: 'log_destination', link: `${V6}#resource-aws_flow_log` },
  { kind: 'resource', type: 'aws_eks_addon', argument: 'resolve_conflicts', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'resolve_conflicts_on_create and resolve_conflicts_on_update', link: `${V6}#resource-aws_eks_addon` },
  { kind: 'resource', type: 'aws_redshift_cluster', argument: 'snapshot_copy', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_redshift_snapshot_copy', link: `${V6}#resource-aws_redshift_cluster` },
  { kind: 'resource', type: 'aws_redshift_cluster', argument: 'logging', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_redshift_logging', link: `${V6}#resource-aws_redshift_cluster` },
  { kind: 'resource', type: 'aws_batch_compute_environment', argument: 'compute_environment_name', deprecatedIn: null, removedIn: '6.0.0', replacement: 'name', link: `${V6}#resource-aws_batch_compute_environment` },
  { kind: 'resource', type: 'aws_batch_compute_environment', argument: 'compute_environment_name_prefix', deprecatedIn: null, removedIn: '6.0.0', replacement: 'name_prefix', link: `${V6}#resource-aws_batch_compute_environment` },
  { kind: 'resource', type: 'aws_batch_job_queue', argument: 'compute_environments', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'compute_environment_order blocks', link: `${V6}#resource-aws_batch_job_queue` },
  { kind: 'resource', type: 'aws_dms_endpoint', argument: 's3_settings', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'aws_dms_s3_endpoint', link: `${V6}#resource-aws_dms_endpoint` },
  { kind: 'resource', type: 'aws_dx_gateway_association', argument: 'vpn_gateway_id', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'associated_gateway_id', link: `${V6}#resource-aws_dx_gateway_association` },
  { kind: 'resource', type: 'aws_guardduty_detector', argument: 'datasources', deprecatedIn: '6.0.0', removedIn: null, replacement: 'aws_guardduty_detector_feature', link: `${V6}#resource-aws_guardduty_detector` },
  { kind: 'resource', type: 'aws_guardduty_organization_configuration', argument: 'auto_enable', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'auto_enable_organization_members', link: `${V6}#resource-aws_guardduty_organization_configuration` },
  { kind: 'resource', type: 'aws_sagemaker_notebook_instance', argument: 'accelerator_types', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'instance_type (Inferentia)', link: `${V6}#resource-aws_sagemaker_notebook_instance` },
  { kind: 'resource', type: 'aws_spot_instance_request', argument: 'block_duration_minutes', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing', link: `${V6}#resource-aws_spot_instance_request` },
  { kind: 'resource', type: 'aws_ssm_association', argument: 'instance_id', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'targets', link: `${V6}#resource-aws_ssm_association` },
  { kind: 'resource', type: 'aws_opensearch_domain', argument: 'kibana_endpoint', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'dashboard_endpoint', link: `${V6}#resource-aws_opensearch_domain` },
  { kind: 'resource', type: 'aws_networkmanager_core_network', argument: 'base_policy_region', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'base_policy_regions', link: `${V6}#resource-aws_networkmanager_core_network` },
  { kind: 'resource', type: 'aws_redshift_service_account', argument: null, deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'the redshift.amazonaws.com service principal', link: `${V6}#resource-aws_redshift_service_account` },
  { kind: 'resource', type: 'aws_simpledb_domain', argument: null, deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (SimpleDB not supported by the AWS SDK for Go v2)', link: `${V6}#simpledb-support-removed` },
  // Found by comparing the 5.100 schema with the bundled one: the rest of what 6.0 removed.
  { kind: 'resource', type: 'aws_spot_instance_request', argument: 'cpu_core_count', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'cpu_options { core_count }', link: `${V6}#resource-aws_spot_instance_request` },
  { kind: 'resource', type: 'aws_spot_instance_request', argument: 'cpu_threads_per_core', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'cpu_options { threads_per_core }', link: `${V6}#resource-aws_spot_instance_request` },
  { kind: 'resource', type: 'aws_worklink_website_certificate_authority_association', argument: null, deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (WorkLink discontinued)', link: `${V6}#worklink-support-removed` },
  { kind: 'data', type: 'aws_redshift_service_account', argument: null, deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'the redshift.amazonaws.com service principal', link: `${V6}#data-source-aws_redshift_service_account` },
  { kind: 'data', type: 'aws_ecs_task_execution', argument: 'overrides.inference_accelerator_overrides', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (Elastic Inference end of life)', link: `${V6}#data-source-aws_ecs_task_execution` },
  { kind: 'resource', type: 'aws_worklink_fleet', argument: null, deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing (WorkLink discontinued)', link: `${V6}#worklink-support-removed` },
  { kind: 'resource', type: 'aws_kinesis_analytics_application', argument: null, deprecatedIn: '6.0.0', removedIn: null, replacement: 'aws_kinesisanalyticsv2_application', link: `${V6}#resource-aws_kinesis_analytics_application` },
  { kind: 'resource', type: 'aws_elastictranscoder_pipeline', argument: null, deprecatedIn: '6.0.0', removedIn: null, replacement: 'AWS Elemental MediaConvert', link: `${V6}#amazon-elastic-transcoder-deprecation` },
  { kind: 'resource', type: 'aws_elastictranscoder_preset', argument: null, deprecatedIn: '6.0.0', removedIn: null, replacement: 'AWS Elemental MediaConvert', link: `${V6}#amazon-elastic-transcoder-deprecation` },
  { kind: 'data', type: 'aws_batch_compute_environment', argument: 'compute_environment_name', deprecatedIn: null, removedIn: '6.0.0', replacement: 'name', link: `${V6}#data-source-aws_batch_compute_environment` },
  { kind: 'data', type: 'aws_launch_template', argument: 'elastic_gpu_specifications', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'nothing', link: `${V6}#data-source-aws_launch_template` },
  { kind: 'data', type: 'aws_identitystore_group', argument: 'filter', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'alternate_identifier', link: `${V6}#data-source-aws_identitystore_group` },
  { kind: 'data', type: 'aws_identitystore_user', argument: 'filter', deprecatedIn: LAST_5X, removedIn: '6.0.0', replacement: 'alternate_identifier', link: `${V6}#data-source-aws_identitystore_user` },
  // OpsWorks Stacks, removed in 6.0.
  ...[
    'application',
    'custom_layer',
    'ecs_cluster_layer',
    'ganglia_layer',
    'haproxy_layer',
    'instance',
    'java_app_layer',
    'memcached_layer',
    'mysql_layer',
    'nodejs_app_layer',
    'permission',
    'php_app_layer',
    'rails_app_layer',
    'rds_db_instance',
    'stack',
    'static_web_layer',
    'user_profile',
  ].map(
    (s): DeprecationEntry => ({
      kind: 'resource',
      type: `aws_opsworks_${s}`,
      argument: null,
      deprecatedIn: LAST_5X,
      removedIn: '6.0.0',
      replacement: 'nothing (OpsWorks Stacks end of life)',
      link: `${V6}#opsworks-stacks-removal`,
    }),
  ),
];

/**
 * Arguments that appeared in a major release and do not exist before it. `region` on every resource and data source
 * came with 6.0's Enhanced Region Support; types listed in `except` already had an argument of that name.
 */
export interface AdditionEntry {
  argument: string;
  addedIn: string;
  /** `resource:type` / `data:type` keys where the argument existed earlier with another meaning. */
  except: readonly string[];
  link: string;
}

export const ADDITIONS: readonly AdditionEntry[] = [
  {
    argument: 'region',
    addedIn: '6.0.0',
    except: [
      'resource:aws_servicequotas_template',
      'resource:aws_ssmincidents_replication_set',
      'resource:aws_cloudformation_stack_set_instance',
      'resource:aws_config_aggregate_authorization',
      'resource:aws_dx_hosted_connection',
      'data:aws_region',
      'data:aws_servicequotas_templates',
      'data:aws_ssmincidents_replication_set',
      'data:aws_vpc_endpoint_service',
      'data:aws_vpc_peering_connection',
      'data:aws_s3_bucket',
      'data:aws_regions',
    ],
    link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support',
  },
];

const BY_KEY = new Map<string, DeprecationEntry>(DEPRECATIONS.map((d) => [`${d.kind}:${d.type}:${d.argument ?? ''}`, d]));

/** `as: 'argument'` when the name is set with `=`: an entry for a removed block does not apply to it. */
export function deprecationFor(kind: 'resource' | 'data', type: string, argument: string | null, as?: 'argument'): DeprecationEntry | undefined {
  const dep = BY_KEY.get(`${kind}:${type}:${argument ?? ''}`);
  return dep?.block && as === 'argument' ? undefined : dep;
}

/**
 * Allowed values the provider (or AWS) enforces and the generated schema cannot express. Hand-written and small:
 * only arguments models get wrong and whose sets are stable. Each entry links to where the set is documented.
 * Values are compared case-sensitively, as the provider's validators do.
 */

export interface EnumEntry {
  /** `resource` or `data`. */
  kind: 'resource' | 'data';
  type: string;
  /** Argument path through nested blocks: `http_method`, `rule.status`, `versioning_configuration.status`. */
  path: string;
  /** Allowed values. Numbers for numeric arguments. */
  values: readonly (string | number)[];
  /** Values still accepted by the provider but deprecated (reported as `deprecated`, not as invalid). */
  deprecatedValues?: readonly string[];
  /** The argument is a list and each element must be allowed. */
  list?: boolean;
  /**
   * The provider passes the value through unchecked (`terraform validate` accepts it) and AWS refuses it at apply:
   * reported as `api-invalid-value` (service-constraint), not as a schema error.
   */
  apiOnly?: boolean;
  link: string;
}

const HTTP_METHODS = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const;
const APIGW_METHOD_DOC = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method#argument-reference';
const LAMBDA_RUNTIMES_DOC = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html';
const DDB_DOC = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#argument-reference';
const S3_STORAGE_CLASSES = ['GLACIER', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'DEEP_ARCHIVE', 'GLACIER_IR'] as const;
const S3_LIFECYCLE_DOC = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_lifecycle_configuration#argument-reference';

/** Lambda runtimes AWS supports for new functions (identifiers as in the Lambda API). */
export const LAMBDA_RUNTIMES_CURRENT = [
  'nodejs24.x',
  'nodejs22.x',
  'nodejs20.x',
  'python3.14',
  'python3.13',
  'python3.12',
  'python3.11',
  'python3.10',
  'python3.9',
  'java25',
  'java21',
  'java17',
  'java11',
  'java8.al2',
  'dotnet10',
  'dotnet8',
  'ruby3.4',
  'ruby3.3',
  'ruby3.2',
  'provided.al2023',
  'provided.al2',
] as const;

/** Deprecated runtimes (past AWS's deprecation date): still known to the provider, blocked or soon blocked by AWS. */
export const LAMBDA_RUNTIMES_DEPRECATED = [
  'nodejs18.x',
  'nodejs16.x',
  'nodejs14.x',
  'nodejs12.x',
  'nodejs10.x',
  'nodejs8.10',
  'nodejs6.10',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs',
  'python3.8',
  'python3.7',
  'python3.6',
  'python2.7',
  'java8',
  'go1.x',
  'dotnet7',
  'dotnet6',
  'dotnet5.0',
  'dotnetcore3.1',
  'dotnetcore2.1',
  'dotnetcore2.0',
  'dotnetcore1.0',
  'ruby2.7',
  'ruby2.5',
  'provided',
] as const;

/** Log types RDS can export to CloudWatch Logs, all engines together (the provider validates against these sets). */
const RDS_INSTANCE_LOG_TYPES = ['agent', 'alert', 'audit', 'diag.log', 'error', 'general', 'iam-db-auth-error', 'listener', 'notify.log', 'oemagent', 'postgresql', 'slowquery', 'trace', 'upgrade'] as const;
const RDS_CLUSTER_LOG_TYPES = ['audit', 'error', 'general', 'iam-db-auth-error', 'instance', 'postgresql', 'slowquery', 'upgrade'] as const;
const RDS_LOG_EXPORTS_DOC = 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html#RDS-CreateDBInstance-request-EnableCloudwatchLogsExports.member.N';

/** Retention periods CloudWatch Logs accepts (0: never expire, as the provider reads it). */
const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
const ALARM_OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
] as const;

export const ENUMS: readonly EnumEntry[] = [
  { kind: 'resource', type: 'aws_flow_log', path: 'max_aggregation_interval', values: [60, 600], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log#max_aggregation_interval-1' },
  { kind: 'resource', type: 'aws_route53_health_check', path: 'insufficient_data_health_status', values: ['Healthy', 'Unhealthy', 'LastKnownStatus'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53_health_check#insufficient_data_health_status-1' },
  { kind: 'resource', type: 'aws_cloudwatch_log_group', path: 'retention_in_days', values: LOG_RETENTION_DAYS, link: 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html' },
  { kind: 'resource', type: 'aws_cloudwatch_metric_alarm', path: 'comparison_operator', values: ALARM_OPERATORS, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm#comparison_operator-1' },
  { kind: 'resource', type: 'aws_db_instance', path: 'enabled_cloudwatch_logs_exports', values: RDS_INSTANCE_LOG_TYPES, list: true, link: RDS_LOG_EXPORTS_DOC },
  { kind: 'resource', type: 'aws_rds_cluster', path: 'enabled_cloudwatch_logs_exports', values: RDS_CLUSTER_LOG_TYPES, list: true, link: RDS_LOG_EXPORTS_DOC },
  { kind: 'resource', type: 'aws_api_gateway_method', path: 'http_method', values: HTTP_METHODS, link: APIGW_METHOD_DOC },
  { kind: 'resource', type: 'aws_api_gateway_method', path: 'authorization', values: ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'], link: APIGW_METHOD_DOC },
  { kind: 'resource', type: 'aws_api_gateway_integration', path: 'http_method', values: HTTP_METHODS, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration#argument-reference' },
  { kind: 'resource', type: 'aws_api_gateway_integration', path: 'integration_http_method', values: HTTP_METHODS, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration#argument-reference' },
  { kind: 'resource', type: 'aws_api_gateway_integration', path: 'type', values: ['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration#argument-reference' },
  { kind: 'resource', type: 'aws_api_gateway_integration', path: 'connection_type', values: ['INTERNET', 'VPC_LINK'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration#argument-reference' },
  { kind: 'resource', type: 'aws_api_gateway_method_response', path: 'http_method', values: HTTP_METHODS, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_response#argument-reference' },
  { kind: 'resource', type: 'aws_api_gateway_integration_response', path: 'http_method', values: HTTP_METHODS, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration_response#argument-reference' },
  { kind: 'resource', type: 'aws_api_gateway_rest_api', path: 'endpoint_configuration.types', values: ['EDGE', 'REGIONAL', 'PRIVATE'], list: true, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api#endpoint_configuration' },
  {
    kind: 'resource',
    type: 'aws_lambda_function',
    path: 'runtime',
    values: LAMBDA_RUNTIMES_CURRENT,
    deprecatedValues: LAMBDA_RUNTIMES_DEPRECATED,
    link: LAMBDA_RUNTIMES_DOC,
  },
  { kind: 'resource', type: 'aws_lambda_function', path: 'architectures', values: ['x86_64', 'arm64'], list: true, link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#architectures-1' },
  { kind: 'resource', type: 'aws_lambda_function', path: 'package_type', values: ['Zip', 'Image'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#package_type-1' },
  { kind: 'resource', type: 'aws_lambda_function', path: 'tracing_config.mode', values: ['Active', 'PassThrough'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#tracing_config' },
  { kind: 'resource', type: 'aws_lambda_layer_version', path: 'compatible_runtimes', values: [...LAMBDA_RUNTIMES_CURRENT, ...LAMBDA_RUNTIMES_DEPRECATED], list: true, link: LAMBDA_RUNTIMES_DOC },
  { kind: 'resource', type: 'aws_dynamodb_table', path: 'billing_mode', values: ['PROVISIONED', 'PAY_PER_REQUEST'], link: DDB_DOC },
  { kind: 'resource', type: 'aws_dynamodb_table', path: 'stream_view_type', values: ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'], link: DDB_DOC },
  { kind: 'resource', type: 'aws_dynamodb_table', path: 'table_class', values: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'], link: DDB_DOC },
  { kind: 'resource', type: 'aws_dynamodb_table', path: 'attribute.type', values: ['S', 'N', 'B'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#attribute' },
  { kind: 'resource', type: 'aws_dynamodb_table', path: 'global_secondary_index.projection_type', values: ['ALL', 'KEYS_ONLY', 'INCLUDE'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#global_secondary_index' },
  { kind: 'resource', type: 'aws_dynamodb_table', path: 'local_secondary_index.projection_type', values: ['ALL', 'KEYS_ONLY', 'INCLUDE'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table#local_secondary_index' },
  { kind: 'resource', type: 'aws_s3_bucket_lifecycle_configuration', path: 'rule.status', values: ['Enabled', 'Disabled'], link: S3_LIFECYCLE_DOC },
  { kind: 'resource', type: 'aws_s3_bucket_lifecycle_configuration', path: 'rule.transition.storage_class', values: S3_STORAGE_CLASSES, link: S3_LIFECYCLE_DOC },
  { kind: 'resource', type: 'aws_s3_bucket_lifecycle_configuration', path: 'rule.noncurrent_version_transition.storage_class', values: S3_STORAGE_CLASSES, link: S3_LIFECYCLE_DOC },
  { kind: 'resource', type: 'aws_s3_bucket_versioning', path: 'versioning_configuration.status', values: ['Enabled', 'Suspended', 'Disabled'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_versioning#versioning_configuration' },
  { kind: 'resource', type: 'aws_s3_bucket_server_side_encryption_configuration', path: 'rule.apply_server_side_encryption_by_default.sse_algorithm', values: ['AES256', 'aws:kms', 'aws:kms:dsse'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_server_side_encryption_configuration#apply_server_side_encryption_by_default' },
  { kind: 'resource', type: 'aws_s3_bucket_ownership_controls', path: 'rule.object_ownership', values: ['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_ownership_controls#rule-configuration-block' },
  {
    kind: 'resource',
    type: 'aws_cloudwatch_log_group',
    path: 'retention_in_days',
    values: [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
    link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#retention_in_days-1',
  },
  {
    kind: 'resource',
    type: 'aws_cloudwatch_metric_alarm',
    path: 'comparison_operator',
    values: ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold', 'LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold'],
    link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm#comparison_operator-1',
  },
  { kind: 'resource', type: 'aws_cloudwatch_metric_alarm', path: 'statistic', values: ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm#statistic-1' },
  { kind: 'resource', type: 'aws_cloudwatch_metric_alarm', path: 'treat_missing_data', values: ['missing', 'ignore', 'breaching', 'notBreaching'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm#treat_missing_data-1' },
  { kind: 'resource', type: 'aws_security_group_rule', path: 'type', values: ['ingress', 'egress'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group_rule#type-1' },
  { kind: 'resource', type: 'aws_lb', path: 'load_balancer_type', values: ['application', 'network', 'gateway'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#load_balancer_type-1' },
  { kind: 'resource', type: 'aws_lb_target_group', path: 'target_type', values: ['instance', 'ip', 'lambda', 'alb'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_target_group#target_type-1' },
  { kind: 'resource', type: 'aws_kms_key', path: 'key_usage', values: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key#key_usage-1' },
  { kind: 'resource', type: 'aws_ecs_task_definition', path: 'network_mode', values: ['none', 'bridge', 'awsvpc', 'host'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#network_mode-1' },
  { kind: 'resource', type: 'aws_ecs_service', path: 'launch_type', values: ['EC2', 'FARGATE', 'EXTERNAL'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service#launch_type-1' },
  { kind: 'resource', type: 'aws_db_instance', path: 'storage_type', values: ['standard', 'gp2', 'gp3', 'io1', 'io2'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#storage_type-1' },
  { kind: 'resource', type: 'aws_cloudtrail', path: 'event_selector.data_resource.type', values: ['AWS::S3::Object', 'AWS::Lambda::Function', 'AWS::DynamoDB::Table'], apiOnly: true, link: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html' },
  { kind: 'resource', type: 'aws_cloudtrail', path: 'event_selector.read_write_type', values: ['All', 'ReadOnly', 'WriteOnly'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#read_write_type-1' },
  { kind: 'resource', type: 'aws_sns_topic_subscription', path: 'protocol', values: ['application', 'email', 'email-json', 'firehose', 'http', 'https', 'lambda', 'sms', 'sqs'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic_subscription#protocol-1' },
  { kind: 'data', type: 'aws_iam_policy_document', path: 'statement.effect', values: ['Allow', 'Deny'], link: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document#effect-1' },
];

const BY_KEY = new Map<string, EnumEntry>(ENUMS.map((e) => [`${e.kind}:${e.type}:${e.path}`, e]));

export function enumFor(kind: 'resource' | 'data', type: string, path: string): EnumEntry | undefined {
  return BY_KEY.get(`${kind}:${type}:${path}`);
}

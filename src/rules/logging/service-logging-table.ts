/**
 * Service logging as data (see src/rules/util/settings-table.ts). CloudTrail gaps break the account audit trail
 * (CIS) and are `medium`; per-service log exports are operational best practice, `low` observations.
 */
import type { TableCheck } from '../util/settings-table.js';

const OPS = {
  category: 'logging',
  fixClass: 'B',
  severity: 'low',
  defaultTier: 'observation',
  knowledgeGap: 'Service logs (audit, slow query, control plane) are off unless exported explicitly.',
} as const;

export const SERVICE_LOGGING_TABLE: TableCheck[] = [
  {
    category: 'logging',
    fixClass: 'B',
    id: 'cloudtrail-not-multi-region',
    severity: 'medium',
    title: 'CloudTrail trail records one region only',
    rootCause: 'Trails are single-region unless `is_multi_region_trail = true`; activity in other regions goes unrecorded.',
    fix: 'Set `is_multi_region_trail = true` (and `include_global_service_events = true`).',
    fixExample: 'resource "aws_cloudtrail" "main" {\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_log_file_validation    = true\n}',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    knowledgeGap: 'CloudTrail must cover every region to be an audit trail.',
    what: 'records only its own region',
    rows: [{ types: ['aws_cloudtrail'], require: [{ path: ['is_multi_region_trail'], test: { is: true }, unset: 'gap' }] }],
  },
  {
    category: 'logging',
    fixClass: 'B',
    id: 'cloudtrail-log-validation-disabled',
    severity: 'medium',
    title: 'CloudTrail log file validation disabled',
    rootCause: 'Log file integrity validation is off unless `enable_log_file_validation = true`.',
    fix: 'Set `enable_log_file_validation = true`.',
    fixExample: 'resource "aws_cloudtrail" "main" {\n  enable_log_file_validation = true\n}',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    knowledgeGap: 'CloudTrail log integrity validation.',
    what: 'does not validate its log files',
    rows: [{ types: ['aws_cloudtrail'], require: [{ path: ['enable_log_file_validation'], test: { is: true }, unset: 'gap' }] }],
  },
  {
    ...OPS,
    id: 'cloudtrail-without-cloudwatch-logs',
    title: 'CloudTrail not delivered to CloudWatch Logs',
    rootCause: 'Trails write to S3 only unless `cloud_watch_logs_group_arn` and `cloud_watch_logs_role_arn` are set, so no metric filter or alarm can watch them.',
    fix: 'Set `cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"` and a role CloudTrail can assume.',
    fixExample: 'resource "aws_cloudtrail" "main" {\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn\n}',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
    what: 'is not integrated with CloudWatch Logs',
    rows: [{ types: ['aws_cloudtrail'], require: [{ path: ['cloud_watch_logs_group_arn'], test: { set: true }, unset: 'gap' }] }],
  },
  {
    ...OPS,
    id: 'rds-log-exports-missing',
    title: 'Database logs not exported to CloudWatch',
    rootCause: 'RDS, Aurora, DocumentDB and Neptune keep their logs inside the service unless `enabled_cloudwatch_logs_exports` lists them.',
    fix: 'Set `enabled_cloudwatch_logs_exports` (e.g. `["postgresql"]`, `["audit", "error", "general", "slowquery"]`, `["audit", "profiler"]`).',
    fixExample: 'resource "aws_db_instance" "db" {\n  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
    what: 'does not export its logs',
    rows: [
      // Read replicas inherit the source's log settings.
      { types: ['aws_db_instance'], exemptWhenSet: ['replicate_source_db'], require: [{ path: ['enabled_cloudwatch_logs_exports'], test: { set: true }, unset: 'gap' }] },
      { types: ['aws_rds_cluster', 'aws_docdb_cluster'], require: [{ path: ['enabled_cloudwatch_logs_exports'], test: { set: true }, unset: 'gap' }] },
      // Neptune spells it without the d.
      { types: ['aws_neptune_cluster'], require: [{ path: ['enable_cloudwatch_logs_exports'], test: { set: true }, unset: 'gap' }] },
    ],
  },
  {
    ...OPS,
    id: 'eks-control-plane-logging-missing',
    title: 'EKS control plane logging disabled',
    rootCause: 'EKS sends no control plane logs unless `enabled_cluster_log_types` lists them.',
    fix: 'Set `enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]`.',
    fixExample: 'resource "aws_eks_cluster" "main" {\n  enabled_cluster_log_types = ["api", "audit", "authenticator"]\n}',
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    what: 'sends no control plane logs',
    rows: [{ types: ['aws_eks_cluster'], require: [{ path: ['enabled_cluster_log_types'], test: { set: true }, unset: 'gap' }] }],
  },
  {
    ...OPS,
    id: 'mq-broker-logging-missing',
    title: 'Amazon MQ broker logging disabled',
    rootCause: 'MQ brokers publish no logs unless a `logs { general = true }` block is written.',
    fix: 'Add `logs { general = true, audit = true }` (audit for ActiveMQ).',
    fixExample: 'logs {\n  general = true\n  audit   = true\n}',
    docs: 'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html',
    what: 'publishes no general logs',
    rows: [{ types: ['aws_mq_broker'], require: [{ path: ['logs', 'general'], test: { is: true }, unset: 'gap' }] }],
  },
  {
    ...OPS,
    id: 'msk-broker-logging-missing',
    title: 'MSK broker logs not delivered',
    rootCause: 'MSK brokers deliver no logs unless `logging_info.broker_logs` enables CloudWatch, Firehose or S3.',
    fix: 'Add `logging_info { broker_logs { cloudwatch_logs { enabled = true, log_group = aws_cloudwatch_log_group.msk.name } } }`.',
    fixExample: 'logging_info {\n  broker_logs {\n    cloudwatch_logs {\n      enabled   = true\n      log_group = aws_cloudwatch_log_group.msk.name\n    }\n  }\n}',
    docs: 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html',
    what: 'delivers no broker logs',
    rows: [
      {
        types: ['aws_msk_cluster'],
        require: [
          {
            path: ['logging_info', 'broker_logs', 'cloudwatch_logs', 'enabled'],
            test: { is: true },
            unset: 'gap',
            orElse: {
              path: ['logging_info', 'broker_logs', 's3', 'enabled'],
              test: { is: true },
              unset: 'gap',
              orElse: { path: ['logging_info', 'broker_logs', 'firehose', 'enabled'], test: { is: true }, unset: 'gap' },
            },
          },
        ],
      },
    ],
  },
  {
    ...OPS,
    id: 'opensearch-logging-missing',
    title: 'OpenSearch / Elasticsearch domain publishes no logs',
    rootCause: 'Domains publish no slow, error or audit logs unless `log_publishing_options` blocks are written.',
    fix: 'Add `log_publishing_options` blocks (INDEX_SLOW_LOGS, ES_APPLICATION_LOGS, AUDIT_LOGS) pointing at a log group with a resource policy.',
    fixExample: 'log_publishing_options {\n  log_type                 = "AUDIT_LOGS"\n  cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn\n}',
    docs: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
    what: 'publishes no logs',
    rows: [{ types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'], require: [{ path: ['log_publishing_options', 'log_type'], test: { set: true }, unset: 'gap' }] }],
  },
  {
    ...OPS,
    id: 'lb-access-logs-disabled',
    title: 'Load balancer access logs disabled',
    rootCause: 'Load balancers keep no access logs unless an `access_logs { enabled = true }` block names a bucket.',
    fix: 'Add `access_logs { bucket = aws_s3_bucket.logs.id, enabled = true }` with a bucket policy for the ELB log delivery.',
    fixExample: 'access_logs {\n  bucket  = aws_s3_bucket.lb_logs.id\n  enabled = true\n}',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
    what: 'keeps no access logs',
    rows: [
      // ALB/NLB access logs stay off even with a bucket unless `enabled = true`; classic ELB defaults to on.
      { types: ['aws_lb', 'aws_alb'], require: [{ path: ['access_logs', 'enabled'], test: { is: true }, unset: 'gap' }] },
      { types: ['aws_elb'], require: [{ path: ['access_logs', 'enabled'], test: { is: true }, unset: 'ok', blockUnset: 'gap' }] },
    ],
  },
  {
    ...OPS,
    id: 'cloudfront-logging-missing',
    title: 'CloudFront distribution without access logging',
    rootCause: 'Distributions keep no standard access logs unless `logging_config` names a bucket.',
    fix: 'Add `logging_config { bucket = aws_s3_bucket.logs.bucket_domain_name }` (the bucket needs ACLs enabled for log delivery).',
    fixExample: 'logging_config {\n  bucket = aws_s3_bucket.cf_logs.bucket_domain_name\n  prefix = "cloudfront/"\n}',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html',
    what: 'keeps no access logs',
    rows: [{ types: ['aws_cloudfront_distribution'], require: [{ path: ['logging_config', 'bucket'], test: { set: true }, unset: 'gap' }] }],
  },
];

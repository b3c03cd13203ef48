/**
 * Recovery settings as data (see src/rules/util/settings-table.ts): versioning, cache snapshots, failed-event
 * capture, secret rotation and Multi-AZ. They fire on every folder as `low` observations; the prompt-driven rules
 * (s3-no-versioning, rds-single-az) remain the failures when a task asks for recovery or high availability.
 */
import type { TableCheck } from '../util/settings-table.js';

const RECOVERY = {
  category: 'backup-recovery',
  fixClass: 'B',
  severity: 'low',
  defaultTier: 'observation',
  knowledgeGap: 'Recovery features (versioning, snapshots, dead-letter queues) are off by default and must be enabled.',
} as const;

export const BACKUP_TABLE: TableCheck[] = [
  {
    ...RECOVERY,
    id: 's3-bucket-versioning-disabled',
    title: 'S3 bucket without versioning',
    rootCause: 'Versioning is off by default; models create the bucket without an `aws_s3_bucket_versioning` resource, or suspend it.',
    fix: 'Add `aws_s3_bucket_versioning` with `status = "Enabled"` (log buckets are exempt).',
    fixExample: 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    impact: 'Overwritten or deleted objects cannot be recovered.',
    what: 'is not versioned',
    rows: [
      {
        types: ['aws_s3_bucket'],
        exemptLogBucket: true,
        require: [{ path: ['versioning', 'enabled'], test: { is: true }, unset: 'gap' }],
        coveredByReferrer: [
          {
            type: 'aws_s3_bucket_versioning',
            attr: 'bucket',
            byName: 'bucket',
            require: [{ path: ['versioning_configuration', 'status'], test: { oneOf: ['Enabled'] }, unset: 'gap' }],
          },
        ],
      },
    ],
  },
  {
    ...RECOVERY,
    id: 'elasticache-backup-disabled',
    title: 'ElastiCache Redis without automatic snapshots',
    rootCause: '`snapshot_retention_limit` defaults to 0, which turns automatic backups off; models keep it.',
    fix: 'Set `snapshot_retention_limit` to at least 1 (7 for production) on Redis/Valkey clusters and replication groups.',
    fixExample: 'resource "aws_elasticache_replication_group" "cache" {\n  snapshot_retention_limit = 7\n  snapshot_window          = "03:00-05:00"\n}',
    docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html',
    what: 'keeps no automatic snapshots',
    rows: [
      { types: ['aws_elasticache_replication_group'], exemptWhenSet: ['global_replication_group_id'], require: [{ path: ['snapshot_retention_limit'], test: { atLeast: 1 }, unset: 'gap' }] },
      {
        types: ['aws_elasticache_cluster'],
        exemptWhenSet: ['replication_group_id'],
        // Memcached has no snapshots; cache.t1.micro cannot take them.
        when: [
          { path: ['engine'], test: { oneOf: ['redis', 'valkey'] }, unset: 'gap' },
          { path: ['node_type'], test: { noneOf: ['cache.t1.micro'] }, unset: 'ok' },
        ],
        require: [{ path: ['snapshot_retention_limit'], test: { atLeast: 1 }, unset: 'gap' }],
      },
    ],
  },
  {
    ...RECOVERY,
    id: 'lambda-without-dlq',
    title: 'Lambda function without a dead-letter queue or failure destination',
    rootCause: 'Asynchronous invocations that fail after retries are dropped unless `dead_letter_config` or an on-failure destination is set.',
    fix: 'Add `dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }`, or an `aws_lambda_function_event_invoke_config` with an on-failure destination.',
    fixExample: 'resource "aws_lambda_function" "worker" {\n  dead_letter_config {\n    target_arn = aws_sqs_queue.dlq.arn\n  }\n}',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html',
    what: 'drops failed asynchronous events',
    rows: [
      {
        types: ['aws_lambda_function'],
        require: [{ path: ['dead_letter_config', 'target_arn'], test: { set: true }, unset: 'gap' }],
        coveredByReferrer: [
          {
            type: 'aws_lambda_function_event_invoke_config',
            attr: 'function_name',
            require: [{ path: ['destination_config', 'on_failure', 'destination'], test: { set: true }, unset: 'gap' }],
          },
        ],
      },
    ],
  },
  {
    ...RECOVERY,
    category: 'secrets',
    id: 'secretsmanager-rotation-missing',
    title: 'Secrets Manager secret without automatic rotation',
    rootCause: 'Rotation is a separate `aws_secretsmanager_secret_rotation` resource with a rotation Lambda; models store the secret and never rotate it.',
    fix: 'Add `aws_secretsmanager_secret_rotation` with `rotation_lambda_arn` (or `manage_master_user_password` for RDS, which rotates itself) and `rotation_rules { automatically_after_days = 30 }`.',
    fixExample: 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}',
    docs: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
    knowledgeGap: 'Secrets Manager rotation is configured separately from the secret.',
    what: 'is never rotated',
    // `rotation_rules` inline: provider versions before 5 configured rotation on the secret itself.
    rows: [{ types: ['aws_secretsmanager_secret'], exemptWhenBlock: ['rotation_rules'], require: [], coveredByReferrer: [{ type: 'aws_secretsmanager_secret_rotation', attr: 'secret_id' }] }],
  },
  {
    ...RECOVERY,
    category: 'high-availability',
    id: 'rds-multi-az-disabled',
    title: 'RDS instance not Multi-AZ',
    rootCause: 'Multi-AZ is off by default; a single-AZ instance has no standby to fail over to.',
    fix: 'Set `multi_az = true` (rds-single-az reports it as a failure when the task asks for high availability).',
    fixExample: 'resource "aws_db_instance" "db" {\n  multi_az = true\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html',
    knowledgeGap: 'RDS Multi-AZ deployments for failover.',
    what: 'runs in a single availability zone',
    rows: [{ types: ['aws_db_instance'], exemptWhenSet: ['replicate_source_db'], require: [{ path: ['multi_az'], test: { is: true }, unset: 'gap' }] }],
  },
  {
    ...RECOVERY,
    id: 'rds-backup-retention-short',
    title: 'RDS backups kept for one day or less',
    rootCause: 'The backup retention period defaults to one day (zero for some engines and restores); a problem found after a day cannot be restored to a point before it (rds-backup-disabled reports an explicit 0).',
    fix: 'Set `backup_retention_period` to at least 7 days for production data.',
    fixExample: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n  backup_window           = "03:00-04:00"\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    what: 'keeps backups for one day or less',
    rows: [
      { types: ['aws_db_instance'], exemptWhenSet: ['replicate_source_db'], require: [{ path: ['backup_retention_period'], test: { atLeast: 2 }, unset: 'gap' }] },
      { types: ['aws_rds_cluster'], require: [{ path: ['backup_retention_period'], test: { atLeast: 2 }, unset: 'gap' }] },
    ],
  },
];

import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import type { RuleContext } from '../types.js';
import { attrExpr, literalValue, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';
import { ENCRYPT_WORD, promptNear } from '../util/b-prompt.js';
import { bucketSideResources } from '../util/b-s3.js';

interface Check {
  type: string;
  /** Prompt subject that must appear near an encryption word. */
  subject: string;
  /** Whether the prompt must ask for KMS specifically (the service already encrypts with its own key). */
  kmsOnly?: boolean;
  severity: 'medium' | 'low';
  encrypted(ctx: RuleContext, b: Block): boolean;
  what: string;
}

const set = (b: Block, name: string): boolean => {
  const e = attrExpr(b, name);
  return e !== undefined && literalValue(e) !== null && literalValue(e) !== '';
};

/** EBS encryption by default covers every new volume in the region. */
const ebsDefault = (ctx: RuleContext): boolean =>
  resources(ctx.config, 'aws_ebs_encryption_by_default').some((r) => resolvedBool(ctx.config, attrExpr(r, 'enabled')) !== false);

const CHECKS: Check[] = [
  {
    type: 'aws_s3_bucket',
    subject: 's3|buckets?',
    severity: 'low',
    what: 'no server-side encryption configuration (only the S3 default SSE-S3 applies)',
    encrypted: (ctx, b) =>
      nestedBlocks(b, 'server_side_encryption_configuration').length > 0 ||
      bucketSideResources(ctx.config, b, 'aws_s3_bucket_server_side_encryption_configuration').length > 0,
  },
  {
    type: 'aws_dynamodb_table',
    subject: 'dynamodb|tables?',
    kmsOnly: true,
    severity: 'medium',
    what: 'no server_side_encryption block with a customer managed key',
    encrypted: (ctx, b) => nestedBlocks(b, 'server_side_encryption').some((s) => resolvedBool(ctx.config, attrExpr(s, 'enabled')) !== false),
  },
  {
    type: 'aws_sns_topic',
    subject: 'sns|topics?',
    severity: 'medium',
    what: 'no kms_master_key_id',
    encrypted: (_ctx, b) => set(b, 'kms_master_key_id'),
  },
  {
    type: 'aws_sqs_queue',
    subject: 'sqs|queues?|dlq',
    kmsOnly: true,
    severity: 'medium',
    what: 'no kms_master_key_id',
    encrypted: (_ctx, b) => set(b, 'kms_master_key_id'),
  },
  {
    type: 'aws_ebs_volume',
    subject: 'ebs|volumes?|disks?|storage|at[- ]rest',
    severity: 'medium',
    what: 'encrypted not set to true',
    encrypted: (ctx, b) => ebsDefault(ctx) || resolvedBool(ctx.config, attrExpr(b, 'encrypted')) !== false && attrExpr(b, 'encrypted') !== undefined,
  },
  {
    type: 'aws_instance',
    subject: 'ebs|volumes?|disks?|root device|storage|at[- ]rest|ec2|instances?',
    severity: 'medium',
    what: 'a root volume without encrypted = true',
    encrypted: (ctx, b) => ebsDefault(ctx) || nestedBlocks(b, 'root_block_device').some((r) => attrExpr(r, 'encrypted') !== undefined && resolvedBool(ctx.config, attrExpr(r, 'encrypted')) !== false),
  },
  {
    type: 'aws_launch_template',
    subject: 'ebs|volumes?|disks?|storage|at[- ]rest|ec2|instances?|launch template',
    severity: 'medium',
    what: 'no block device mapping with encrypted EBS',
    encrypted: (ctx, b) =>
      ebsDefault(ctx) ||
      nestedBlocks(b, 'block_device_mappings').some((m) => nestedBlocks(m, 'ebs').some((e) => attrExpr(e, 'encrypted') !== undefined && resolvedBool(ctx.config, attrExpr(e, 'encrypted')) !== false)),
  },
  {
    type: 'aws_launch_configuration',
    subject: 'ebs|volumes?|disks?|storage|at[- ]rest|ec2|instances?|launch configuration',
    severity: 'medium',
    what: 'a root volume without encrypted = true',
    encrypted: (ctx, b) => {
      if (ebsDefault(ctx)) return true;
      const devices = [...nestedBlocks(b, 'root_block_device'), ...nestedBlocks(b, 'ebs_block_device')];
      return devices.length > 0 && devices.every((d) => attrExpr(d, 'encrypted') !== undefined && resolvedBool(ctx.config, attrExpr(d, 'encrypted')) !== false);
    },
  },
  {
    type: 'aws_efs_file_system',
    subject: 'efs|file ?systems?|storage|at[- ]rest',
    severity: 'medium',
    what: 'encrypted not set to true',
    encrypted: (ctx, b) => attrExpr(b, 'encrypted') !== undefined && resolvedBool(ctx.config, attrExpr(b, 'encrypted')) !== false,
  },
  {
    type: 'aws_elasticache_replication_group',
    subject: 'elasticache|redis|cache|at[- ]rest',
    severity: 'medium',
    what: 'at_rest_encryption_enabled not set',
    encrypted: (ctx, b) => attrExpr(b, 'at_rest_encryption_enabled') !== undefined && resolvedBool(ctx.config, attrExpr(b, 'at_rest_encryption_enabled')) !== false,
  },
  {
    type: 'aws_kinesis_stream',
    subject: 'kinesis|streams?',
    severity: 'medium',
    what: 'no encryption_type = "KMS"',
    encrypted: (ctx, b) => resolvedString(ctx.config, attrExpr(b, 'encryption_type')) === 'KMS' || (attrExpr(b, 'encryption_type') !== undefined && resolvedString(ctx.config, attrExpr(b, 'encryption_type')) === undefined),
  },
  {
    type: 'aws_eks_cluster',
    subject: 'eks|kubernetes|secrets|cluster',
    kmsOnly: true,
    severity: 'medium',
    what: 'no encryption_config for Kubernetes secrets',
    encrypted: (_ctx, b) => nestedBlocks(b, 'encryption_config').length > 0,
  },
  {
    type: 'aws_secretsmanager_secret',
    subject: 'secrets? manager|secrets?',
    kmsOnly: true,
    severity: 'low',
    what: 'no kms_key_id (the AWS managed key is used)',
    encrypted: (_ctx, b) => set(b, 'kms_key_id'),
  },
  {
    type: 'aws_ecr_repository',
    subject: 'ecr|repositor(y|ies)|images?',
    kmsOnly: true,
    severity: 'low',
    what: 'no encryption_configuration with KMS',
    encrypted: (_ctx, b) => nestedBlocks(b, 'encryption_configuration').length > 0,
  },
  {
    type: 'aws_cloudwatch_log_group',
    subject: 'log groups?|cloudwatch logs|logs',
    kmsOnly: true,
    severity: 'medium',
    what: 'no kms_key_id',
    encrypted: (_ctx, b) => set(b, 'kms_key_id'),
  },
];

export const rule: Rule = {
  meta: {
    id: 'requested-encryption-missing',
    category: 'encryption',
    severity: 'medium',
    fixClass: 'A',
    title: 'Requested encryption not configured',
    rootCause: 'Many services encrypt with AWS owned keys by default, so models skip explicit encryption settings even when the task asks for KMS encryption of that service.',
    fix: 'Configure the requested encryption explicitly: SSE configuration on buckets, server_side_encryption with kms_key_arn on tables, kms_master_key_id on topics and queues, kms_key_id on log groups.',
    fixExample: `resource "aws_sns_topic" "alerts" {
  name              = "alerts-\${var.environment_suffix}"
  kms_master_key_id = aws_kms_key.sns.id
}`,
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/service-integration.html',
    knowledgeGap: 'Explicit KMS encryption must be configured per service when a task asks for it.',
    impact: 'The stated encryption requirement is not met; data is encrypted only with AWS owned keys, or not at all (SNS).',
  },
  check(ctx) {
    for (const c of CHECKS) {
      const blocks = resources(ctx.config, c.type);
      if (!blocks.length) continue;
      const word = c.kmsOnly ? 'kms|cmk|customer[- ]managed' : ENCRYPT_WORD;
      if (!promptNear(ctx, c.subject, word)) continue;
      for (const b of blocks) {
        if (c.encrypted(ctx, b)) continue;
        ctx.report({ block: b, severity: c.severity, message: `The task asks for encryption here, but this resource has ${c.what}.` });
      }
    }
  },
};

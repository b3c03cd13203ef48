import type { Rule } from '../types.js';
import type { Expr } from '../../model/types.js';
import { allAttributes, blockAddress, resources, staticString } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';

/**
 * Arguments the AWS provider validates as ARNs (or whose API rejects a bare key ID), by resource type, as
 * nested paths (`block.attribute`). Arguments that accept a key ID, alias or ARN (SNS, SQS, S3 SSE, Secrets
 * Manager, SSM, Kinesis) are deliberately absent.
 */
const ARN_ONLY: Record<string, string[]> = {
  aws_cloudwatch_log_group: ['kms_key_id'],
  aws_db_instance: ['kms_key_id', 'performance_insights_kms_key_id'],
  aws_rds_cluster: ['kms_key_id', 'performance_insights_kms_key_id'],
  aws_rds_cluster_instance: ['performance_insights_kms_key_id'],
  aws_docdb_cluster: ['kms_key_id'],
  aws_neptune_cluster: ['kms_key_arn'],
  aws_redshift_cluster: ['kms_key_id'],
  aws_lambda_function: ['kms_key_arn'],
  aws_dynamodb_table: ['server_side_encryption.kms_key_arn', 'replica.kms_key_arn'],
  aws_ebs_volume: ['kms_key_id'],
  aws_efs_file_system: ['kms_key_id'],
  aws_cloudtrail: ['kms_key_id'],
  aws_eks_cluster: ['encryption_config.provider.key_arn'],
  aws_ecr_repository: ['encryption_configuration.kms_key'],
  aws_backup_vault: ['kms_key_arn'],
  aws_kinesis_firehose_delivery_stream: ['server_side_encryption.key_arn'],
  aws_msk_cluster: ['encryption_info.encryption_at_rest_kms_key_arn'],
};

/** A bare KMS key id (a UUID). */
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `aws_kms_key.k.id` / `.key_id` (also `data.aws_kms_key.k.id`, indexed or in a one-part template): the attribute read. */
function keyIdReference(e: Expr | undefined): string | undefined {
  if (e?.kind === 'template' && e.parts.length === 1) return keyIdReference(e.parts[0]);
  if (e?.kind !== 'reference') return undefined;
  const parts = e.parts[0] === 'data' ? e.parts.slice(1) : e.parts;
  if (parts[0] !== 'aws_kms_key') return undefined;
  const last = parts[parts.length - 1];
  return last === 'id' || last === 'key_id' ? `${e.parts.join('.').replace(/\.\[/g, '[')}` : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'kms-key-id-where-arn-required',
    category: 'encryption',
    severity: 'high',
    fixClass: 'A',
    title: 'KMS key ID passed where an ARN is required',
    rootCause:
      'Models use `aws_kms_key.x.id` (or `.key_id`) everywhere because SNS, SQS and S3 accept a key ID; log groups, RDS (storage and Performance Insights), Lambda, DynamoDB, EBS, EFS, CloudTrail and others only accept the key ARN.',
    fix: 'Reference `aws_kms_key.x.arn` in ARN-only arguments (`kms_key_id` on log groups, RDS, EBS, EFS and CloudTrail, `kms_key_arn`, `performance_insights_kms_key_id`, `key_arn`).',
    fixExample: `resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/\${var.environment_suffix}"
  kms_key_id = aws_kms_key.logs.arn
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#kms_key_id',
    knowledgeGap: 'Which AWS arguments take a KMS key ARN rather than a key ID.',
    impact: 'Plan fails ARN validation, or the API rejects the key at apply time; the resource is not created encrypted.',
    // A deploy blocker whatever its measured precision (reviewers describe it as "the log group failed to create").
    applyFailure: true,
  },
  check(ctx) {
    for (const [type, paths] of Object.entries(ARN_ONLY)) {
      for (const block of resources(ctx.config, type)) {
        for (const { path, attribute } of allAttributes(block)) {
          if (!paths.includes(path.join('.'))) continue;
          const value = resolveExpr(ctx.config, attribute.expr);
          const literal = staticString(value);
          // A literal alias (`alias/aws/logs`) or bare key id is no ARN either.
          if (literal !== undefined && (literal.startsWith('alias/') || KEY_ID.test(literal))) {
            ctx.report({
              block,
              span: attribute.span,
              message: `${blockAddress(block)}: \`${path.join('.')}\` is set to "${literal}", ${literal.startsWith('alias/') ? 'a key alias' : 'a key ID'}; this argument requires the ARN of a customer managed key.`,
            });
            continue;
          }
          const ref = keyIdReference(value);
          if (!ref) continue;
          ctx.report({
            block,
            span: attribute.span,
            message: `${blockAddress(block)}: \`${path.join('.')}\` is set to ${ref}, a key ID; this argument requires the key ARN (${ref.replace(/\.(key_id|id)$/, '.arn')}).`,
          });
        }
      }
    }
  },
};

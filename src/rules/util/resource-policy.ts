/**
 * Resource policies (S3, SQS, SNS, ECR, OpenSearch, Secrets Manager, EFS, Glacier, ...) read through the shared
 * policy reader (policy.ts): one table of which argument of which resource type holds a resource policy, and
 * the tests the public-principal and wildcard checks share. KMS key policies are read by b-kms.ts.
 */
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, resources } from '../../model/query.js';
import { policyStatements, type PolicyStatement } from './policy.js';
import { resolveExpr } from './b-resolve.js';

/** Resource type → the argument holding its resource-based policy. */
export const RESOURCE_POLICY_ARGUMENTS: Record<string, string> = {
  aws_s3_bucket_policy: 'policy',
  aws_s3_bucket: 'policy',
  aws_sqs_queue_policy: 'policy',
  aws_sqs_queue: 'policy',
  aws_sns_topic_policy: 'policy',
  aws_sns_topic: 'policy',
  aws_ecr_repository_policy: 'policy',
  aws_ecrpublic_repository_policy: 'policy',
  aws_opensearch_domain: 'access_policies',
  aws_opensearch_domain_policy: 'access_policies',
  aws_elasticsearch_domain: 'access_policies',
  aws_elasticsearch_domain_policy: 'access_policies',
  aws_secretsmanager_secret: 'policy',
  aws_secretsmanager_secret_policy: 'policy',
  aws_efs_file_system_policy: 'policy',
  aws_glacier_vault: 'access_policy',
  aws_backup_vault_policy: 'policy',
  aws_cloudwatch_event_bus_policy: 'policy',
  aws_cloudwatch_log_resource_policy: 'policy_document',
  aws_glue_resource_policy: 'policy',
  aws_codeartifact_domain_permissions_policy: 'policy_document',
  aws_codeartifact_repository_permissions_policy: 'policy_document',
  aws_kinesis_resource_policy: 'policy',
  aws_dynamodb_resource_policy: 'policy',
  aws_s3_access_point: 'policy',
  aws_s3control_access_point_policy: 'policy',
  aws_ecr_registry_policy: 'policy',
  aws_schemas_registry_policy: 'policy',
  aws_redshiftserverless_resource_policy: 'policy',
  // KMS key policies are left to the key-policy rules (b-kms.ts): `kms:*` for the account root is their norm.
};

export interface ResourcePolicy {
  block: Block;
  argument: string;
  statements: PolicyStatement[];
}

/** Every resource policy in the configuration that the reader can parse (inline JSON, jsonencode, data documents, locals). */
export function resourcePolicies(config: Configuration): ResourcePolicy[] {
  const out: ResourcePolicy[] = [];
  for (const [type, argument] of Object.entries(RESOURCE_POLICY_ARGUMENTS)) {
    for (const block of resources(config, type)) {
      const statements = policyStatements(resolveExpr(config, attrExpr(block, argument)), config);
      if (statements.length) out.push({ block, argument, statements });
    }
  }
  return out;
}

/** `Principal: "*"`, `{ AWS: "*" }` or a `principals { type = "*" }` block: anyone, in any account. */
export function hasPublicPrincipal(st: PolicyStatement): boolean {
  return st.principals.some((p) => (p.type === '*' || p.type === 'AWS') && p.identifiers.includes('*'));
}

/** An Allow statement open to anyone with no Condition to narrow it (source ARN, account, VPC, org). */
export function isPublicGrant(st: PolicyStatement): boolean {
  return st.effect === 'Allow' && hasPublicPrincipal(st) && !st.conditions?.length;
}

/** `*` or `service:*` (statements written with NotAction count as wildcard too). */
export function wildcardActions(st: PolicyStatement): string[] {
  const wild = st.actions.filter((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
  return st.notActions.length ? [...wild, `NotAction ${st.notActions.join(', ')}`] : wild;
}

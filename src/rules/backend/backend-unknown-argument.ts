import type { Rule } from '../types.js';
import { blocksOfKind } from '../../model/query.js';
import { isCdktfConfig } from '../util/files.js';

/**
 * Arguments and blocks of the S3 backend (Terraform 1.6 to 1.10, deprecated ones included so an older spelling is
 * never reported). Models carry bucket-resource settings into the backend block (`versioning`, `sse_algorithm`,
 * `kms_master_key_id`), which `terraform init` rejects.
 */
export const S3_BACKEND_ARGUMENTS: ReadonlySet<string> = new Set([
  'bucket', 'key', 'region', 'encrypt', 'acl', 'kms_key_id', 'sse_customer_key', 'use_lockfile', 'dynamodb_table',
  'dynamodb_endpoint', 'workspace_key_prefix', 'endpoint', 'endpoints', 'iam_endpoint', 'sts_endpoint', 'sts_region',
  'access_key', 'secret_key', 'token', 'profile', 'shared_credentials_file', 'shared_credentials_files',
  'shared_config_files', 'skip_credentials_validation', 'skip_region_validation', 'skip_metadata_api_check',
  'skip_requesting_account_id', 'skip_s3_checksum', 'max_retries', 'retry_mode', 'role_arn', 'session_name',
  'external_id', 'assume_role_duration_seconds', 'assume_role_policy', 'assume_role_policy_arns', 'assume_role_tags',
  'assume_role_transitive_tag_keys', 'assume_role', 'assume_role_with_web_identity', 'force_path_style',
  'use_path_style', 'use_fips_endpoint', 'use_dualstack_endpoint', 'custom_ca_bundle', 'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode', 'http_proxy', 'https_proxy', 'no_proxy', 'insecure', 'allowed_account_ids',
  'forbidden_account_ids', 'use_legacy_workflow', 's3_endpoint',
]);

export const rule: Rule = {
  meta: {
    id: 'backend-unknown-argument',
    category: 'backend',
    severity: 'high',
    fixClass: 'C',
    // `terraform init` rejects the block before anything else runs.
    blocker: true,
    title: 'S3 backend argument that does not exist',
    rootCause:
      'The model configures the state bucket inside the backend block (`versioning = true`, `sse_algorithm`, `kms_master_key_id`): those are settings of the bucket resource, not arguments of the S3 backend.',
    fix: 'Keep only backend arguments (`bucket`, `key`, `region`, `encrypt`, `kms_key_id`, `use_lockfile`); set versioning and encryption on the state bucket where it is created.',
    fixExample: 'terraform {\n  backend "s3" {\n    bucket       = "tf-state-bucket"\n    key          = "app/terraform.tfstate"\n    region       = "us-east-1"\n    encrypt      = true\n    use_lockfile = true\n  }\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/backend/s3#configuration',
    knowledgeGap: 'The S3 backend has its own fixed argument set; bucket versioning and SSE settings belong to the bucket.',
    impact: '`terraform init` fails (Unsupported argument: An argument named "versioning" is not expected here), blocking every deployment.',
  },
  check(ctx) {
    // CDKTF's S3Backend props are typed: tsc reports an unknown prop itself.
    if (isCdktfConfig(ctx.config)) return;
    for (const tf of blocksOfKind(ctx.config, 'terraform')) {
      for (const backend of tf.blocks.filter((b) => b.type === 'backend' && b.labels[0] === 's3')) {
        const unknown = [...backend.attributes.map((a) => a.name), ...backend.blocks.map((b) => b.type)].filter((n) => !S3_BACKEND_ARGUMENTS.has(n));
        if (!unknown.length) continue;
        ctx.report({
          block: backend,
          resource: 'terraform.backend.s3',
          message: `The s3 backend has no argument${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `\`${n}\``).join(', ')}: terraform init rejects the block.`,
        });
      }
    }
  },
};

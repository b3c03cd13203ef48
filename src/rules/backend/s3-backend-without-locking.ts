import type { Rule } from '../types.js';
import { attr, blocksOfKind, staticBool } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 's3-backend-without-locking',
    category: 'backend',
    severity: 'medium',
    fixClass: 'B',
    title: 'S3 backend without state locking',
    rootCause:
      'Models fill in bucket, key and region and stop there; S3 state is only locked with `use_lockfile = true` (Terraform ≥ 1.10) or a DynamoDB `dynamodb_table`.',
    fix: 'Enable locking on the S3 backend: `use_lockfile = true` (in CDKTF `addOverride("terraform.backend.s3.use_lockfile", true)`), or pass it with -backend-config.',
    fixExample: `terraform {
  backend "s3" {
    bucket       = "tf-state"
    key          = "app/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/backend/s3#state-locking',
    knowledgeGap: 'An S3 backend needs use_lockfile (or dynamodb_table) for state locking.',
    impact: 'Two concurrent applies can both write the state file and corrupt it.',
  },
  check(ctx) {
    for (const tf of blocksOfKind(ctx.config, 'terraform')) {
      for (const backend of tf.blocks.filter((b) => b.type === 'backend' && b.labels[0] === 's3')) {
        // An empty block is partial configuration: locking is passed at `terraform init`.
        if (!backend.attributes.length) continue;
        const lockfile = attr(backend, 'use_lockfile');
        if (lockfile && staticBool(lockfile.expr) !== false) continue;
        if (attr(backend, 'dynamodb_table')) continue;
        ctx.report({ block: backend, resource: 'terraform.backend.s3', message: 'The S3 backend sets no use_lockfile or dynamodb_table, so state is not locked.' });
      }
    }
  },
};

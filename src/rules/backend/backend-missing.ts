import type { Rule } from '../types.js';
import { blocksOfKind, resources } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'backend-missing',
    category: 'backend',
    severity: 'medium',
    fixClass: 'B',
    title: 'No remote state backend configured',
    rootCause:
      'Models write resources and a provider but no `backend` block (or, in CDKTF, no `S3Backend`), so Terraform falls back to a local state file on whichever runner applies.',
    fix: 'Declare an S3 backend with partial configuration (`backend "s3" {}`; in CDKTF `new S3Backend(this, {...})`) and pass bucket, key, region and locking at init time.',
    fixExample: `terraform {
  backend "s3" {}
}
# terraform init -backend-config="bucket=\${STATE_BUCKET}" -backend-config="key=\${ENVIRONMENT_SUFFIX}/terraform.tfstate" -backend-config="use_lockfile=true"`,
    docs: 'https://developer.hashicorp.com/terraform/language/backend/s3',
    knowledgeGap: 'Pipelines and teams need remote, locked state (S3 backend), not the implicit local backend.',
    impact: 'State lives on one runner: later pipeline stages cannot plan or destroy what was created, and concurrent applies corrupt state.',
  },
  check(ctx) {
    if (!ctx.conventions.remoteState) return;
    const all = resources(ctx.config);
    if (!all.length) return;
    const terraform = blocksOfKind(ctx.config, 'terraform');
    const hasBackend = terraform.some((tf) => tf.blocks.some((b) => b.type === 'backend' || b.type === 'cloud'));
    if (hasBackend) return;
    const at = terraform[0] ?? all[0]!;
    ctx.report({
      block: at,
      resource: 'terraform.backend',
      message: `The configuration declares ${all.length} resources but no backend; state would be kept in a local file.`,
    });
  },
};

import type { Rule } from '../types.js';
import { blocksOfKind } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'backend-local',
    category: 'backend',
    severity: 'medium',
    fixClass: 'B',
    title: 'Local state backend where remote state is expected',
    rootCause: 'Models default to a local backend, which suits a laptop but not CI pipelines that plan, apply and destroy from different runners.',
    fix: 'Declare an S3 backend with partial configuration (`backend "s3" {}`) and pass bucket/key/region at init time.',
    fixExample: `terraform {
  backend "s3" {}
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/backend/s3',
    knowledgeGap: 'CI deployments need remote state (S3 with locking), not local state files.',
    impact: 'State is lost between pipeline runs: later applies recreate or orphan resources and destroy cannot find them.',
  },
  check(ctx) {
    if (!ctx.conventions.remoteState) return;
    for (const tf of blocksOfKind(ctx.config, 'terraform')) {
      for (const backend of tf.blocks.filter((b) => b.type === 'backend' && b.labels[0] === 'local')) {
        ctx.report({ block: backend, resource: 'terraform.backend.local', message: 'The configuration stores state in a local backend; the pipeline expects remote state.' });
      }
    }
  },
};

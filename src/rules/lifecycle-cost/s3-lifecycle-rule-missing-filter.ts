import type { Rule } from '../types.js';
import { attr, nestedBlocks, resources } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 's3-lifecycle-rule-missing-filter',
    category: 'lifecycle-cost',
    severity: 'high',
    fixClass: 'B',
    title: 'S3 lifecycle rule without filter or prefix',
    rootCause:
      'Models learned lifecycle rules from provider 3.x/4.x examples, where a rule without `filter` applied to the whole bucket; provider 5.x requires exactly one of `filter` or `prefix`.',
    fix: 'Add an explicit `filter {}` (whole bucket) or a `filter { prefix = "..." }` to every lifecycle rule.',
    fixExample: `resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "expire-logs"
    status = "Enabled"
    filter {}
    expiration { days = 90 }
  }
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_lifecycle_configuration',
    knowledgeGap: 'AWS provider 5.x requires a filter or prefix on every S3 lifecycle rule.',
    impact: 'Validation warns today and the configuration breaks on provider upgrades; rule scope is ambiguous.',
  },
  check(ctx) {
    for (const cfg of resources(ctx.config, 'aws_s3_bucket_lifecycle_configuration')) {
      const missing = nestedBlocks(cfg, 'rule').filter(
        (r) => nestedBlocks(r, 'filter').length === 0 && !attr(r, 'filter') && !attr(r, 'prefix'),
      );
      if (!missing.length) continue;
      ctx.report({
        block: cfg,
        message: `${missing.length} lifecycle rule(s) in this configuration have neither \`filter\` nor \`prefix\`; provider 5.x requires one (use \`filter {}\` for the whole bucket).`,
      });
    }
  },
};

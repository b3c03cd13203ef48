import type { Rule } from '../types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';
import { bucketSideResources, isLogBucket } from '../util/b-s3.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 's3-no-versioning',
    category: 'backup-recovery',
    severity: 'low',
    fixClass: 'B',
    title: 'Data bucket without versioning',
    rootCause: 'Versioning is off by default; models create the bucket and its policy but not the aws_s3_bucket_versioning resource.',
    fix: 'Add aws_s3_bucket_versioning with `status = "Enabled"` (and a lifecycle rule for noncurrent versions).',
    fixExample: `resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
    knowledgeGap: 'S3 versioning protects against overwrites and deletes and must be enabled explicitly.',
    impact: 'Overwritten or deleted objects cannot be recovered.',
  },
  check(ctx) {
    // Whether versioning is expected depends on the task: it asks for versioning, backups or recovery.
    if (!promptMentions(ctx, /versioning|versioned|backups?\b|disaster recovery|data protection|point-in-time/)) return;
    for (const b of resources(ctx.config, 'aws_s3_bucket')) {
      if (isLogBucket(ctx.config, b)) continue;
      const inline = nestedBlocks(b, 'versioning').some((v) => resolvedBool(ctx.config, attrExpr(v, 'enabled')) !== false);
      if (inline) continue;
      const side = bucketSideResources(ctx.config, b, 'aws_s3_bucket_versioning').some((v) =>
        nestedBlocks(v, 'versioning_configuration').some((c) => {
          const s = resolvedString(ctx.config, attrExpr(c, 'status'));
          return s === undefined || s === 'Enabled';
        }),
      );
      if (side) continue;
      ctx.report({ block: b, message: 'The bucket has no enabled versioning.' });
    }
  },
};

import type { Rule } from '../types.js';
import { nestedBlocks, resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';
import { bucketSideResources } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 'requested-s3-lifecycle-missing',
    category: 'lifecycle-cost',
    severity: 'medium',
    fixClass: 'B',
    title: 'Buckets without the lifecycle rules the task asks for',
    rootCause: 'Models create buckets (often with versioning) but no `aws_s3_bucket_lifecycle_configuration`, although the task asks for transitions, archiving or expiry.',
    fix: 'Add `aws_s3_bucket_lifecycle_configuration` with a filtered rule: transitions (STANDARD_IA, GLACIER), expiration, noncurrent version expiration, abort incomplete multipart uploads.',
    fixExample: `resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "archive"
    status = "Enabled"
    filter {}
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}`,
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html',
    knowledgeGap: 'S3 lifecycle (transitions/expiry) is a separate resource that must be written when a task asks for it.',
    impact: 'Objects and old versions accumulate in the most expensive storage class forever.',
  },
  check(ctx) {
    // "archives each order into a bucket" or "token expiry" is not a storage-class request: the words must be about
    // moving or expiring stored objects.
    if (!promptMentions(ctx, /lifecycle|glacier|deep archive|intelligent[- ]tiering|storage class|transition(?:s|ed)? (?:objects|data|files|logs|them|to)|(?:expire|delete|archive) (?:objects|old|files|logs|data|them)|expiration (?:rule|policy|after)|older than \d+ days|after \d+ days/)) return;
    const buckets = resources(ctx.config, 'aws_s3_bucket');
    if (!buckets.length) return;
    const without = buckets.filter((b) => !nestedBlocks(b, 'lifecycle_rule').length && !bucketSideResources(ctx.config, b, 'aws_s3_bucket_lifecycle_configuration').length);
    // Lifecycle rules on some buckets may be exactly what the task meant: report only when no bucket has any.
    if (without.length < buckets.length || resources(ctx.config, 'aws_s3_bucket_lifecycle_configuration').length) return;
    ctx.report({ block: without[0]!, message: `The task asks for lifecycle management, but none of the ${buckets.length} bucket(s) has a lifecycle configuration.` });
  },
};

import type { Rule } from '../types.js';
import { nestedBlocks, resources } from '../../model/query.js';
import { bucketSideResources, isLogBucket } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 's3-log-bucket-no-lifecycle',
    category: 'lifecycle-cost',
    severity: 'medium',
    fixClass: 'B',
    title: 'Log bucket without a lifecycle policy',
    rootCause:
      'Models create the bucket that access/ALB/CloudTrail logs go to as a plain bucket and forget that logs grow without bound.',
    fix: 'Attach an aws_s3_bucket_lifecycle_configuration that expires (or transitions) log objects.',
    fixExample: `resource "aws_s3_bucket_lifecycle_configuration" "alb_logs" {
  bucket = aws_s3_bucket.alb_logs.id
  rule {
    id     = "expire-old-logs"
    status = "Enabled"
    filter {}
    expiration { days = 90 }
  }
}`,
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html',
    knowledgeGap: 'Log buckets need lifecycle expiration to keep storage costs bounded.',
    impact: 'Unbounded storage cost (~$0.023/GB-month) for logs nobody reads after a retention window.',
  },
  check(ctx) {
    for (const bucket of resources(ctx.config, 'aws_s3_bucket')) {
      if (!isLogBucket(ctx.config, bucket)) continue;
      if (nestedBlocks(bucket, 'lifecycle_rule').length) continue;
      if (bucketSideResources(ctx.config, bucket, 'aws_s3_bucket_lifecycle_configuration').length) continue;
      ctx.report({ block: bucket, message: 'This bucket receives logs but has no lifecycle configuration; log objects are kept forever.' });
    }
  },
};

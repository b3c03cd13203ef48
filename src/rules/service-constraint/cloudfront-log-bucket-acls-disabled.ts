import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { bucketAllowsAcls } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 'cloudfront-log-bucket-acls-disabled',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CloudFront refuses the logging configuration outright.
    applyFailure: true,
    title: 'CloudFront standard logs sent to a bucket with ACLs disabled',
    rootCause:
      'The model points `logging_config` at a new log bucket without ownership controls: CloudFront standard logging writes through the bucket ACL, and buckets created since April 2023 have ACLs disabled (BucketOwnerEnforced).',
    fix: 'Give the log bucket `aws_s3_bucket_ownership_controls` with `object_ownership = "BucketOwnerPreferred"` (the distribution depending on it), or use CloudFront\'s v2 log delivery to CloudWatch Logs.',
    fixExample: 'resource "aws_s3_bucket_ownership_controls" "cdn_logs" {\n  bucket = aws_s3_bucket.cdn_logs.id\n  rule {\n    object_ownership = "BucketOwnerPreferred"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html#AccessLogsBucketAndFileOwnership',
    knowledgeGap: 'CloudFront standard logging needs an S3 bucket with ACLs enabled; new buckets disable ACLs by default.',
    impact: 'The distribution fails to create (InvalidArgument: The S3 bucket that you specified for CloudFront logs does not enable ACL access).',
  },
  check(ctx) {
    for (const cdn of resources(ctx.config, 'aws_cloudfront_distribution')) {
      for (const logging of nestedBlocks(cdn, 'logging_config')) {
        const bucket = referencedBlocks(ctx.config, attrExpr(logging, 'bucket'), 'aws_s3_bucket')[0];
        if (!bucket || bucketAllowsAcls(ctx.config, bucket)) continue;
        ctx.report({
          block: cdn,
          message: `${blockAddress(cdn)} logs to ${blockAddress(bucket)}, which has no ownership controls enabling ACLs: CloudFront standard logging needs them (the bucket refuses ACL access by default).`,
        });
      }
    }
  },
};

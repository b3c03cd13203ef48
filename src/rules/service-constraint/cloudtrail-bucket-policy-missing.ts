import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { bucketPolicyMatching } from '../util/b-s3.js';

const CLOUDTRAIL_PRINCIPAL = 'cloudtrail.amazonaws.com';

export const rule: Rule = {
  meta: {
    id: 'cloudtrail-bucket-policy-missing',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateTrail checks the bucket policy (InsufficientS3BucketPolicyException): listed whatever the check's
    // measured precision unless the ideal does the same.
    applyFailure: true,
    title: 'CloudTrail bucket without a policy that lets CloudTrail write',
    rootCause:
      'The model creates the trail and its bucket but no bucket policy for the CloudTrail service principal (GetBucketAcl on the bucket, PutObject under AWSLogs/ with bucket-owner-full-control).',
    fix: 'Attach an `aws_s3_bucket_policy` granting `cloudtrail.amazonaws.com` `s3:GetBucketAcl` and `s3:PutObject`, and make the trail depend on it.',
    fixExample: 'data "aws_iam_policy_document" "trail" {\n  statement {\n    principals {\n      type        = "Service"\n      identifiers = ["cloudtrail.amazonaws.com"]\n    }\n    actions   = ["s3:GetBucketAcl"]\n    resources = [aws_s3_bucket.trail.arn]\n  }\n  statement {\n    principals {\n      type        = "Service"\n      identifiers = ["cloudtrail.amazonaws.com"]\n    }\n    actions   = ["s3:PutObject"]\n    resources = ["${aws_s3_bucket.trail.arn}/AWSLogs/*"]\n    condition {\n      test     = "StringEquals"\n      variable = "s3:x-amz-acl"\n      values   = ["bucket-owner-full-control"]\n    }\n  }\n}',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
    knowledgeGap: 'CloudTrail writes to S3 as a service principal and checks the bucket policy when the trail is created.',
    impact: 'CreateTrail fails (InsufficientS3BucketPolicyException), so no trail is created.',
  },
  check(ctx) {
    for (const trail of resources(ctx.config, 'aws_cloudtrail')) {
      const bucket = referencedBlocks(ctx.config, attrExpr(trail, 's3_bucket_name'), 'aws_s3_bucket')[0];
      if (!bucket) continue;
      const { policies, matches } = bucketPolicyMatching(ctx.config, bucket, /cloudtrail\.amazonaws\.com/);
      if (matches) continue;
      ctx.report({
        block: trail,
        message: `${blockAddress(trail)} writes to ${blockAddress(bucket)}, ${policies.length ? 'whose bucket policy does not name' : 'which has no bucket policy for'} ${CLOUDTRAIL_PRINCIPAL}: CreateTrail fails (InsufficientS3BucketPolicyException).`,
      });
    }
  },
};

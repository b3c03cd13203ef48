import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';
import { bucketAllowsAcls } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 's3-acl-without-ownership-controls',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // PutBucketAcl is refused on a bucket with ACLs disabled, the default of every bucket created since April
    // 2023: listed whatever the check's measured precision unless the ideal does the same.
    applyFailure: true,
    title: 'Bucket ACL on a bucket whose ACLs are disabled',
    rootCause:
      'The model sets a bucket ACL (`log-delivery-write` for access logs, `private`) the way older examples do; new buckets enforce bucket-owner ownership, which disables ACLs, unless ownership controls allow them.',
    fix: 'Drop the ACL (grant log delivery with a bucket policy), or add `aws_s3_bucket_ownership_controls` with `object_ownership = "BucketOwnerPreferred"` and make the ACL depend on it.',
    fixExample: 'resource "aws_s3_bucket_ownership_controls" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    object_ownership = "BucketOwnerPreferred"\n  }\n}\n\nresource "aws_s3_bucket_acl" "logs" {\n  bucket     = aws_s3_bucket.logs.id\n  acl        = "log-delivery-write"\n  depends_on = [aws_s3_bucket_ownership_controls.logs]\n}',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
    knowledgeGap: 'S3 Object Ownership: ACLs are disabled by default on new buckets (BucketOwnerEnforced).',
    impact: 'The ACL is refused (AccessControlListNotSupported: The bucket does not allow ACLs), failing the apply.',
  },
  check(ctx) {
    for (const acl of resources(ctx.config, 'aws_s3_bucket_acl')) {
      const bucket = referencedBlocks(ctx.config, attrExpr(acl, 'bucket'), 'aws_s3_bucket')[0];
      if (!bucket) continue;
      if (bucketAllowsAcls(ctx.config, bucket)) continue;
      const value = resolvedString(ctx.config, attrExpr(acl, 'acl'));
      ctx.report({
        block: acl,
        message: `${blockAddress(acl)} sets ${value ? `the ACL "${value}"` : 'an ACL'} on ${blockAddress(bucket)}, which has no ownership controls allowing ACLs: new buckets refuse ACLs (AccessControlListNotSupported).`,
      });
    }
    // The deprecated inline `acl` of the bucket itself: a canned ACL other than `private` is refused the same way
    // (InvalidBucketAclWithObjectOwnership at creation).
    for (const bucket of resources(ctx.config, 'aws_s3_bucket')) {
      const a = attrExpr(bucket, 'acl');
      const value = a ? resolvedString(ctx.config, a) : undefined;
      if (!value || value === 'private' || bucketAllowsAcls(ctx.config, bucket)) continue;
      ctx.report({
        block: bucket,
        span: a?.span ?? bucket.span,
        message: `${blockAddress(bucket)} sets \`acl = "${value}"\` on itself and has no ownership controls allowing ACLs: new buckets refuse ACLs (InvalidBucketAclWithObjectOwnership).`,
      });
    }
  },
};

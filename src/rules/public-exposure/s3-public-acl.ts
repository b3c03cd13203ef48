import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticString } from '../../model/query.js';

const PUBLIC_ACLS = new Set(['public-read', 'public-read-write', 'authenticated-read']);

export const rule: Rule = {
  meta: {
    id: 's3-public-acl',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'Public canned ACL on S3',
    rootCause: 'The model grants public read through a canned ACL (often for static websites) instead of serving through CloudFront with origin access control.',
    fix: 'Remove public ACLs; keep the bucket private and serve content through CloudFront with an origin access control.',
    fixExample: 'resource "aws_s3_bucket_ownership_controls" "site" {\n  bucket = aws_s3_bucket.site.id\n  rule { object_ownership = "BucketOwnerEnforced" }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
    knowledgeGap: 'AWS security best practices: private buckets, ACLs disabled',
    impact: 'Every object in the bucket is readable (or writable) by anyone on the internet.',
  },
  check(ctx) {
    for (const type of ['aws_s3_bucket', 'aws_s3_bucket_acl', 'aws_s3_object']) {
      for (const r of resources(ctx.config, type)) {
        const acl = staticString(attrExpr(r, 'acl'));
        if (!acl || !PUBLIC_ACLS.has(acl)) continue;
        ctx.report({
          block: r,
          resource: blockAddress(r),
          severity: acl === 'public-read-write' ? 'critical' : undefined,
          message: `${blockAddress(r)} uses the canned ACL "${acl}".`,
        });
      }
    }
  },
};

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { bucketKmsEncryption } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 'cloudfront-oai-kms-bucket',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The distribution deploys and serves nothing: its own failure beside any other on the distribution.
    brokenResource: true,
    title: 'CloudFront reads an SSE-KMS bucket through an origin access identity',
    rootCause:
      'Models pair the legacy origin access identity (OAI) with the "encrypt everything with KMS" requirement; an OAI cannot use a KMS key, so CloudFront cannot read the objects it serves.',
    fix: 'Use an origin access control (`aws_cloudfront_origin_access_control`, `origin_access_control_id` on the origin) and let the key policy allow `cloudfront.amazonaws.com` to decrypt for that distribution, or encrypt the origin bucket with SSE-S3.',
    fixExample: `resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site-\${var.environment_suffix}"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "site" {
  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
  # ...
}`,
    fixExampleTs: `const oac = new CloudfrontOriginAccessControl(this, 'site-oac', {
  name: \`site-\${environmentSuffix}\`,
  originAccessControlOriginType: 's3',
  signingBehavior: 'always',
  signingProtocol: 'sigv4',
});
new CloudfrontDistribution(this, 'site', {
  origin: [{ domainName: bucket.bucketRegionalDomainName, originId: 'site', originAccessControlId: oac.id }],
  // ...
});`,
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
    knowledgeGap: 'Origin access identities cannot read SSE-KMS objects; origin access control (with a key policy grant) can.',
    impact: 'Every request for an object of the bucket is denied (403 from S3 through CloudFront); the site or distribution serves nothing.',
  },
  check(ctx) {
    for (const d of resources(ctx.config, 'aws_cloudfront_distribution')) {
      for (const origin of nestedBlocks(d, 'origin')) {
        const oai = nestedBlocks(origin, 's3_origin_config').find((c) => attrExpr(c, 'origin_access_identity') !== undefined);
        // With an origin access control on the same origin the identity is not what signs the requests.
        if (!oai || attrExpr(origin, 'origin_access_control_id') !== undefined) continue;
        const bucket = referencedBlocks(ctx.config, attrExpr(origin, 'domain_name'), 'aws_s3_bucket')[0];
        if (!bucket || !bucketKmsEncryption(ctx.config, bucket)) continue;
        ctx.report({
          block: d,
          span: oai.span,
          message: `${blockAddress(d)} reads ${blockAddress(bucket)} through an origin access identity, but the bucket encrypts objects with SSE-KMS: an OAI does not support SSE-KMS, so requests for its objects are denied (403).`,
        });
      }
    }
  },
};

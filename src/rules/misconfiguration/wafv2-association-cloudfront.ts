import type { Rule } from '../types.js';
import { attrExpr, blockAddress, referencesIn, resources } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'wafv2-association-cloudfront',
    category: 'misconfiguration',
    severity: 'high',
    fixClass: 'B',
    applyFailure: true,
    title: 'WAF web ACL associated with a CloudFront distribution',
    rootCause:
      'Models attach every web ACL with `aws_wafv2_web_acl_association`, which serves regional resources (load balancers, API Gateway stages, AppSync, Cognito); a CloudFront distribution takes its web ACL in its own `web_acl_id`.',
    fix: 'Remove the association; set `web_acl_id` on the distribution to the ARN of a web ACL with `scope = "CLOUDFRONT"` (created in us-east-1).',
    fixExample: `resource "aws_wafv2_web_acl" "cdn" {
  provider = aws.us_east_1
  name     = "cdn-\${var.environment_suffix}"
  scope    = "CLOUDFRONT"
  # ...
}

resource "aws_cloudfront_distribution" "site" {
  web_acl_id = aws_wafv2_web_acl.cdn.arn
  # ...
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association',
    knowledgeGap: 'WAFv2 associations are for regional resources; CloudFront attaches its web ACL through the distribution.',
    impact: 'The association is rejected at apply (WAFInvalidParameterException): the distribution is left without its WAF.',
  },
  check(ctx) {
    for (const association of resources(ctx.config, 'aws_wafv2_web_acl_association')) {
      const target = attrExpr(association, 'resource_arn');
      const distribution = target && referencesIn(target).find((r) => r.parts[0] === 'aws_cloudfront_distribution' && r.parts[1]);
      if (!distribution) continue;
      ctx.report({
        block: association,
        resource: blockAddress(association),
        message: `${blockAddress(association)} associates a web ACL with aws_cloudfront_distribution.${distribution.parts[1]}: WAFv2 associations take regional resources only, so the apply fails; set web_acl_id on the distribution instead.`,
      });
    }
  },
};

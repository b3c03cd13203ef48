import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';

/** The Lambda functions a CloudFront distribution runs at the edge (`lambda_function_association.lambda_arn`). */
function edgeFunctions(distribution: Block): Block[] {
  return [...nestedBlocks(distribution, 'default_cache_behavior'), ...nestedBlocks(distribution, 'ordered_cache_behavior')].flatMap((b) =>
    nestedBlocks(b, 'lambda_function_association'),
  );
}

export const rule: Rule = {
  meta: {
    id: 'lambda-edge-environment',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CloudFront refuses the association outright.
    applyFailure: true,
    title: 'Lambda@Edge function with environment variables',
    rootCause:
      'The model gives a function it associates with a CloudFront behavior an `environment` block, as for any Lambda function; Lambda@Edge replicates the function to edge locations and does not support environment variables.',
    fix: 'Drop the environment block: bake configuration into the code package, or read it from SSM Parameter Store or a custom origin header at run time.',
    fixExample: 'resource "aws_lambda_function" "edge_auth" {\n  provider      = aws.us_east_1\n  function_name = "edge-auth-${var.environment_suffix}"\n  publish       = true\n  # no environment block: Lambda@Edge does not support it\n}',
    docs: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html',
    knowledgeGap: 'Lambda@Edge functions cannot have environment variables (nor VPC access, layers or arm64).',
    impact: 'The distribution fails to create or update (InvalidLambdaFunctionAssociation: The function cannot have environment variables).',
  },
  check(ctx) {
    const reported = new Set<Block>();
    for (const distribution of resources(ctx.config, 'aws_cloudfront_distribution')) {
      for (const association of edgeFunctions(distribution)) {
        for (const fn of referencedBlocks(ctx.config, attrExpr(association, 'lambda_arn'), 'aws_lambda_function')) {
          if (reported.has(fn) || !nestedBlocks(fn, 'environment').length) continue;
          reported.add(fn);
          ctx.report({ block: fn, message: `${blockAddress(fn)} runs at the edge for ${blockAddress(distribution)} but sets environment variables, which Lambda@Edge does not support.` });
        }
      }
    }
  },
};

import type { Rule } from '../types.js';
import { attr, resources } from '../../model/query.js';
import { blockReferences } from '../util/b-refs.js';

export const rule: Rule = {
  meta: {
    id: 'apigw-deployment-race',
    category: 'dependency',
    severity: 'medium',
    fixClass: 'B',
    title: 'API Gateway deployment not ordered after its methods and integrations',
    rootCause: 'A deployment only references the REST API, so Terraform may create it before the methods and integrations exist; models omit depends_on/triggers.',
    fix: 'Add `depends_on` on the integrations (and `triggers` with a hash of them, plus create_before_destroy) to the deployment.',
    fixExample: `resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_method.get.id, aws_api_gateway_integration.get.id]))
  }
  depends_on = [aws_api_gateway_integration.get]
  lifecycle {
    create_before_destroy = true
  }
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_deployment',
    knowledgeGap: 'API Gateway deployments need explicit ordering after methods and integrations.',
    impact: 'Apply fails intermittently ("No integration defined for method") or deploys a stale API.',
  },
  check(ctx) {
    const integrations = resources(ctx.config, 'aws_api_gateway_integration');
    const methods = resources(ctx.config, 'aws_api_gateway_method');
    if (!integrations.length && !methods.length) return;
    // CDKTF sets ordering with addOverride('depends_on', [...]), which the model does not carry as an attribute.
    if (ctx.config.files.some((f) => /addOverride\(\s*['"]depends_on['"]/.test(f.content))) return;
    for (const dep of resources(ctx.config, 'aws_api_gateway_deployment')) {
      if (integrations.some((i) => blockReferences(dep, i))) continue;
      // A deployment ordered after its methods alone can still run before their integrations exist: CreateDeployment
      // then fails ("No integration defined for method"). Without integrations in the stack, the methods are the order.
      const afterMethods = methods.some((m) => blockReferences(dep, m));
      if (afterMethods && !integrations.length) continue;
      // An opaque depends_on (a module, a construct list the model cannot read) may well hold the integrations.
      if (attr(dep, 'depends_on') && !afterMethods) continue;
      ctx.report({
        block: dep,
        message: afterMethods
          ? 'The deployment is ordered after the methods but not after their integrations; CreateDeployment can run before an integration exists.'
          : 'The deployment neither depends on nor references any method or integration; it can be created before them.',
      });
    }
  },
};

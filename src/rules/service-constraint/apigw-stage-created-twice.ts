import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attr, attrExpr, blockAddress, exprToText, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';

/** A stage name as comparable text: its static value, else the expression as written (`var.environment`). */
function stageKey(config: Configuration, e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  const value = resolvedString(config, e);
  return value !== undefined ? `"${value}"` : exprToText(e);
}

export const rule: Rule = {
  meta: {
    id: 'apigw-stage-created-twice',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateStage answers ConflictException "Stage already exists": listed whatever the check's measured precision
    // unless the ideal does the same.
    applyFailure: true,
    title: 'API Gateway stage created by the deployment and again by a stage resource',
    rootCause:
      'The model keeps the deprecated `stage_name` on `aws_api_gateway_deployment`, which creates the stage, and also declares `aws_api_gateway_stage` with the same name.',
    fix: 'Remove `stage_name` from the deployment and let `aws_api_gateway_stage` create the stage from `deployment_id`.',
    fixExample: 'resource "aws_api_gateway_deployment" "main" {\n  rest_api_id = aws_api_gateway_rest_api.main.id\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n\nresource "aws_api_gateway_stage" "main" {\n  rest_api_id   = aws_api_gateway_rest_api.main.id\n  deployment_id = aws_api_gateway_deployment.main.id\n  stage_name    = var.environment\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_deployment',
    knowledgeGap: 'API Gateway: a deployment with stage_name creates the stage; a separate stage resource must own it alone.',
    impact: 'The stage resource fails (ConflictException: Stage already exists), and stage settings such as access logs are never applied.',
  },
  check(ctx) {
    for (const stage of resources(ctx.config, 'aws_api_gateway_stage')) {
      const key = stageKey(ctx.config, attrExpr(stage, 'stage_name'));
      if (!key) continue;
      for (const deployment of referencedBlocks(ctx.config, attrExpr(stage, 'deployment_id'), 'aws_api_gateway_deployment')) {
        const own = attr(deployment, 'stage_name');
        if (!own || stageKey(ctx.config, own.expr) !== key) continue;
        ctx.report({
          block: stage,
          message: `${blockAddress(deployment)} already creates the stage ${key} (its stage_name), and ${blockAddress(stage)} creates it again: CreateStage fails (ConflictException: Stage already exists).`,
        });
      }
    }
  },
};

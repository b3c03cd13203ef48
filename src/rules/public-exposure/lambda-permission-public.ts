import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, literalValue, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

/** Arguments that scope a Lambda permission to one caller. */
const SCOPES = ['source_arn', 'source_account', 'principal_org_id'];

export const rule: Rule = {
  meta: {
    id: 'lambda-permission-public',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'Lambda permission lets anyone invoke the function',
    rootCause: 'Models grant `principal = "*"` on aws_lambda_permission (or a service principal with no source_arn), so any account, or any bucket/topic/API of any account, can invoke the function.',
    fix: 'Name the calling service principal and scope it with `source_arn` (and `source_account` for S3).',
    fixExample: 'resource "aws_lambda_permission" "api" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.api.function_name\n  principal     = "apigateway.amazonaws.com"\n  source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*/*"\n}',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    knowledgeGap: 'Lambda resource policies: scope every permission to its caller',
    impact: 'Anyone can invoke the function (and run up its cost or reach what its role can reach).',
  },
  check(ctx) {
    for (const type of ['aws_lambda_permission', 'aws_lambda_layer_version_permission']) {
      for (const p of resources(ctx.config, type)) {
        if (resolvedString(ctx.config, attrExpr(p, 'principal')) !== '*') continue;
        if (SCOPES.some((s) => attr(p, s) && literalValue(attrExpr(p, s)) !== null)) continue;
        // A public layer is a deliberate share of code, not of data or compute.
        const severity = type === 'aws_lambda_layer_version_permission' ? 'medium' : undefined;
        ctx.report({ block: p, resource: blockAddress(p), severity, message: `${blockAddress(p)} grants principal "*" with no source_arn, source_account or principal_org_id.` });
      }
    }
  },
};

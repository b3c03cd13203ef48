import type { Rule } from '../types.js';
import type { Block, Expr } from '../../model/types.js';
import { attrExpr, exprToText, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'apigw-cors-without-options',
    category: 'misconfiguration',
    severity: 'medium',
    fixClass: 'B',
    title: 'API Gateway CORS without an OPTIONS preflight method',
    rootCause:
      'Models add Access-Control-Allow-Origin headers to method responses, or OPTIONS on one resource, and miss that every browser-called REST API resource needs its own OPTIONS preflight method.',
    fix: 'Add an OPTIONS method with a MOCK integration and the Access-Control-Allow-* response headers on every resource that is called cross-origin.',
    fixExample: `resource "aws_api_gateway_method" "items_options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration_response" "items_options" {
  # ... MOCK integration, status 200
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'Content-Type,Authorization'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,POST,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
  }
}`,
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html',
    knowledgeGap: 'REST API CORS needs an OPTIONS method per resource for preflight requests.',
    impact: 'Browsers fail cross-origin calls with CORS errors on the resources without preflight handling.',
  },
  check(ctx) {
    const methods = resources(ctx.config, 'aws_api_gateway_method');
    const key = (b: Block): string | undefined => {
      const e = attrExpr(b, 'resource_id');
      return e ? exprToText(e) : undefined;
    };
    const isOptions = (b: Block): boolean => resolvedString(ctx.config, attrExpr(b, 'http_method')) === 'OPTIONS';
    const withOptions = new Set(methods.filter(isOptions).map(key).filter((k): k is string => !!k));
    // Resources whose (non-OPTIONS) responses set CORS headers.
    const corsResources = new Map<string, Block>();
    for (const type of ['aws_api_gateway_integration_response', 'aws_api_gateway_method_response']) {
      for (const resp of resources(ctx.config, type)) {
        if (!setsAllowOrigin(attrExpr(resp, 'response_parameters'))) continue;
        const method = resolvedString(ctx.config, attrExpr(resp, 'http_method'));
        if (method === 'OPTIONS' || isOptionsRef(attrExpr(resp, 'http_method'), methods, isOptions)) continue;
        const k = key(resp);
        if (k && !corsResources.has(k)) corsResources.set(k, resp);
      }
    }
    const reported = new Set<string>();
    for (const [k, resp] of corsResources) {
      if (withOptions.has(k)) continue;
      reported.add(k);
      ctx.report({ block: resp, message: `Responses on resource ${k} set Access-Control-Allow-Origin, but the resource has no OPTIONS method for preflight.` });
    }
    // The task asks for CORS and the REST API serves methods, but no resource answers preflight at all.
    if (!withOptions.size) {
      if (reported.size || !methods.length || !promptMentions(ctx, /\bcors\b|cross-origin/)) return;
      ctx.report({
        block: methods[0]!,
        message: `The task asks for CORS, but none of the API's ${methods.length} method(s) has an OPTIONS preflight counterpart.`,
      });
      return;
    }
    // CORS handled on some resources but not on others that serve methods.
    for (const m of methods) {
      const k = key(m);
      if (!k || isOptions(m) || withOptions.has(k) || reported.has(k)) continue;
      reported.add(k);
      ctx.report({ block: m, message: `Other resources of this API answer CORS preflight, but resource ${k} has no OPTIONS method.` });
    }
  },
};

function setsAllowOrigin(e: Expr | undefined): boolean {
  return e?.kind === 'object' && e.entries.some((en) => (en.key ?? '').toLowerCase().endsWith('access-control-allow-origin'));
}

/** `http_method = aws_api_gateway_method.x_options.http_method`. */
function isOptionsRef(e: Expr | undefined, methods: Block[], isOptions: (b: Block) => boolean): boolean {
  if (e?.kind !== 'reference') return false;
  const [type, name] = e.parts;
  const m = methods.find((b) => b.labels[0] === type && b.labels[1] === name);
  return m !== undefined && isOptions(m);
}

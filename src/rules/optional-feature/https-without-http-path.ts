import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources, staticNumber, staticString } from '../../model/query.js';
import { isGuarded } from '../util/variables.js';

function isHttps(l: Block): boolean {
  return staticString(attrExpr(l, 'protocol')) === 'HTTPS' || staticNumber(attrExpr(l, 'port')) === 443;
}

/** An HTTP listener serves traffic unless every default action is a redirect (or a fixed response). */
function servesHttp(l: Block): boolean {
  if (isHttps(l)) return false;
  const actions = nestedBlocks(l, 'default_action');
  return actions.some((a) => {
    const t = staticString(attrExpr(a, 'type'));
    return t === undefined || t === 'forward' || t === 'authenticate-cognito' || t === 'authenticate-oidc';
  });
}

export const rule: Rule = {
  meta: {
    id: 'https-without-http-path',
    category: 'optional-feature',
    severity: 'high',
    fixClass: 'B',
    title: 'HTTPS listener required, no HTTP path',
    rootCause: 'The model makes HTTPS mandatory (HTTP only redirects) although the test deployment has no certificate for a domain it controls.',
    fix: 'Serve HTTP by default; create the HTTPS listener (and the redirect) only when an enable_https flag is set.',
    fixExample: 'resource "aws_lb_listener" "https" {\n  count           = var.enable_https ? 1 : 0\n  load_balancer_arn = aws_lb.main.arn\n  port            = 443\n  protocol        = "HTTPS"\n  certificate_arn = var.certificate_arn\n}',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html',
    knowledgeGap: 'Designing for test deployments: HTTP first, HTTPS behind a flag',
    impact: 'Without a valid certificate the listener cannot be created, and without an HTTP path the service cannot be tested.',
  },
  check(ctx) {
    const listeners = resources(ctx.config, 'aws_lb_listener');
    const https = listeners.filter((l) => isHttps(l) && !isGuarded(l));
    if (!https.length) return;
    if (listeners.some(servesHttp)) return;
    for (const l of https) {
      ctx.report({
        block: l,
        resource: blockAddress(l),
        message: `${blockAddress(l)} is an unconditional HTTPS listener and no HTTP listener forwards traffic.`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attr, blockAddress, resources } from '../../model/query.js';
import { literalTail, resolveExpr, resolvedNumber, resolvedString } from '../util/b-resolve.js';

/** Second-level domains RFC 2606 reserves for documentation; Route 53 refuses zones for them and their subdomains. */
export const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];

/** The known end of a zone name: the whole name, or the literal text after its last interpolation. */
function knownTail(config: Configuration, expr: Expr): string | undefined {
  const whole = resolvedString(config, expr);
  if (whole !== undefined) return whole;
  const e = resolveExpr(config, expr);
  return e?.kind === 'template' ? literalTail(e.parts) : undefined;
}

function reservedDomain(name: string): string | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return RESERVED_DOMAINS.find((d) => n === d || n.endsWith(`.${d}`));
}

export const rule: Rule = {
  meta: {
    id: 'route53-zone-reserved-domain',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateHostedZone answers InvalidDomainName (a reserved domain): listed whatever the check's measured
    // precision unless the ideal keeps the name.
    applyFailure: true,
    title: 'Hosted zone for a reserved documentation domain',
    rootCause: 'The model names the hosted zone after the placeholder domain of documentation (`example.com`), which Route 53 does not allow, public or private.',
    fix: 'Take the domain from an input with a non-reserved default, or use a private zone under an internal name (`app.internal`), and guard optional DNS with a flag.',
    fixExample: 'variable "domain_name" {\n  type    = string\n  default = "app.internal"\n}\n\nresource "aws_route53_zone" "main" {\n  name = var.domain_name\n}',
    docs: 'https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html',
    knowledgeGap: 'Route 53 reserves example.com, example.net and example.org (RFC 2606) and their subdomains.',
    impact: 'CreateHostedZone fails (InvalidDomainName: reserved by AWS), so the zone and every record in it are never created.',
  },
  check(ctx) {
    for (const zone of resources(ctx.config, 'aws_route53_zone')) {
      const a = attr(zone, 'name');
      const tail = a ? knownTail(ctx.config, a.expr) : undefined;
      const domain = tail !== undefined ? reservedDomain(tail) : undefined;
      if (!a || !domain) continue;
      // A zone the defaults never create (`count = var.create_dns ? 1 : 0`, off by default) is not created.
      const count = attr(zone, 'count');
      if (count && resolvedNumber(ctx.config, count.expr) === 0) continue;
      ctx.report({ block: zone, span: a.span, message: `${blockAddress(zone)} is a zone under ${domain}, a domain Route 53 reserves: CreateHostedZone fails with InvalidDomainName.` });
    }
  },
};

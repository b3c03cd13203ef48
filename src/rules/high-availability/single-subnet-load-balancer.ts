import type { Rule } from '../types.js';
import type { Expr } from '../../model/types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'single-subnet-load-balancer',
    category: 'high-availability',
    severity: 'high',
    fixClass: 'A',
    // CreateLoadBalancer rejects an application load balancer with one subnet: listed whatever the measured precision.
    applyFailure: true,
    title: 'Application load balancer in a single subnet',
    rootCause: 'Models wire the first subnet they created into the load balancer instead of one subnet per AZ.',
    fix: 'Pass a subnet per Availability Zone (at least two): `subnets = aws_subnet.public[*].id`.',
    fixExample: `resource "aws_lb" "app" {
  load_balancer_type = "application"
  subnets            = aws_subnet.public[*].id
}`,
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones',
    knowledgeGap: 'Application Load Balancers need subnets in at least two AZs.',
    impact: 'ALB creation fails (ValidationError: At least two subnets in two different Availability Zones must be specified).',
  },
  check(ctx) {
    for (const lb of [...resources(ctx.config, 'aws_lb'), ...resources(ctx.config, 'aws_alb')]) {
      const type = resolvedString(ctx.config, attrExpr(lb, 'load_balancer_type')) ?? 'application';
      if (type !== 'application') continue;
      const mappings = nestedBlocks(lb, 'subnet_mapping', false);
      const single = isSingleItemList(attrExpr(lb, 'subnets')) || (mappings.length === 1 && !attrExpr(lb, 'subnets'));
      if (!single) continue;
      ctx.report({ block: lb, message: 'The application load balancer is given one subnet; it needs subnets in at least two Availability Zones.' });
    }
  },
};

/** A written-out list with exactly one element that is not itself a list (splat, for, concat). */
export function isSingleItemList(e: Expr | undefined): boolean {
  if (e?.kind !== 'tuple' || e.items.length !== 1) return false;
  const item = e.items[0]!;
  if (item.kind === 'reference') return !item.parts.some((p) => p === '[*]' || p === '*');
  return item.kind === 'literal' || item.kind === 'template';
}

import type { Rule } from '../types.js';
import type { Configuration } from '../../model/types.js';
import { attr, attrExpr, resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'nat-gateway-per-az-cost',
    category: 'lifecycle-cost',
    severity: 'low',
    fixClass: 'B',
    title: 'More NAT gateways than the task needs',
    rootCause: 'Models copy the production pattern of one NAT gateway per AZ into tasks that ask for no HA (dev/test stacks) or whose reference keeps egress on one NAT gateway, multiplying the fixed hourly cost and the Elastic IPs used.',
    fix: 'Use a single NAT gateway (or a variable `single_nat_gateway = true` default) unless the task asks for a highly available egress path.',
    fixExample: `resource "aws_nat_gateway" "main" {
  count         = var.single_nat_gateway ? 1 : length(aws_subnet.public)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}`,
    docs: 'https://aws.amazon.com/vpc/pricing/',
    knowledgeGap: 'Each NAT gateway is billed per hour plus data; one per AZ is an HA choice, not a default.',
    impact: 'Roughly USD 32/month per extra NAT gateway plus an Elastic IP each (EIP quota is 5 per region).',
  },
  check(ctx) {
    const nats = resources(ctx.config, 'aws_nat_gateway');
    const model = natGatewayCount(ctx.config);
    if (model !== 'many' && model < 2) return;
    // A conditional count (`var.single_nat_gateway ? 1 : 3`) already leaves the choice to the user.
    if (nats.some((n) => attrExpr(n, 'count')?.kind === 'conditional')) return;
    const askedForHa = promptMentions(ctx, /multi-az|multiple availability zones|high(ly)? availab|fault[- ]toleran|redundan|per (az|availability zone)|each (az|availability zone)|single point of failure|production/);
    if (!askedForHa) {
      ctx.report({ block: nats[0]!, message: 'The stack creates a NAT gateway per AZ (or several), although the task does not ask for highly available egress.' });
      return;
    }
    // With an HA-flavoured prompt, the reference decides: it keeps egress to fewer NAT gateways (one, or a switch).
    if (!ctx.ideal) return;
    const reference = natGatewayCount(ctx.ideal);
    if (reference === 'many' || (reference === 0 && !resources(ctx.ideal, 'aws_vpc').length)) return;
    if (model !== 'many' && model <= reference) return;
    ctx.report({
      block: nats[0]!,
      message: `The stack creates ${model === 'many' ? 'a NAT gateway per AZ' : `${model} NAT gateways`} where the reference needs ${reference === 0 ? 'none' : reference === 1 ? 'one' : reference}; each extra NAT gateway is billed hourly and uses an Elastic IP.`,
    });
  },
};

/**
 * NAT gateways a configuration creates: written-out blocks plus literal counts; `many` for a count/for_each over a
 * collection (one per AZ). A conditional count counts as one: the single-NAT switch is the cost-aware pattern.
 */
export function natGatewayCount(config: Configuration): number | 'many' {
  let total = 0;
  for (const nat of resources(config, 'aws_nat_gateway')) {
    const count = attrExpr(nat, 'count');
    if (count?.kind === 'conditional') total += 1;
    else if (count?.kind === 'literal' && typeof count.value === 'number') total += count.value;
    else if (count || attr(nat, 'for_each')) return 'many';
    else total += 1;
  }
  return total;
}

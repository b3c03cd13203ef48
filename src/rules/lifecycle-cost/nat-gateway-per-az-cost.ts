import type { Rule } from '../types.js';
import { attr, attrExpr, resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'nat-gateway-per-az-cost',
    category: 'lifecycle-cost',
    severity: 'low',
    fixClass: 'B',
    title: 'Several NAT gateways where the task does not ask for high availability',
    rootCause: 'Models copy the production pattern of one NAT gateway per AZ into tasks that ask for no HA (dev/test stacks), multiplying the fixed hourly cost and the Elastic IPs used.',
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
    if (promptMentions(ctx, /multi-az|multiple availability zones|high(ly)? availab|fault[- ]toleran|redundan|per (az|availability zone)|each (az|availability zone)|single point of failure|production/)) return;
    const nats = resources(ctx.config, 'aws_nat_gateway');
    // A conditional count (`var.single_nat_gateway ? 1 : 3`) already leaves the choice to the user.
    if (nats.some((n) => attrExpr(n, 'count')?.kind === 'conditional')) return;
    const multiple = nats.length > 1 || nats.some((n) => attr(n, 'count') || attr(n, 'for_each'));
    if (!multiple) return;
    ctx.report({ block: nats[0]!, message: 'The stack creates a NAT gateway per AZ (or several), although the task does not ask for highly available egress.' });
  },
};

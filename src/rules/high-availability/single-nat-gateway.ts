import type { Rule } from '../types.js';
import { attr, resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'single-nat-gateway',
    category: 'high-availability',
    severity: 'medium',
    fixClass: 'B',
    title: 'One NAT gateway for private subnets in several AZs',
    rootCause: 'Models create a single NAT gateway (cheapest) and route every private subnet through it, although the task asks for a highly available, multi-AZ network.',
    fix: 'Create one NAT gateway per AZ (count/for_each over the public subnets) and a private route table per AZ pointing at its own NAT gateway.',
    fixExample: `resource "aws_nat_gateway" "main" {
  count         = length(aws_subnet.public)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}`,
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html#nat-gateway-basics',
    knowledgeGap: 'A NAT gateway lives in one AZ; multi-AZ private subnets need one per AZ for HA.',
    impact: 'An AZ outage cuts outbound connectivity for the private subnets of every AZ.',
  },
  check(ctx) {
    if (!promptMentions(ctx, /multi-az|multiple availability zones|high availability|highly available|fault[- ]toleran|redundan|no single point of failure/)) return;
    const nats = resources(ctx.config, 'aws_nat_gateway');
    if (nats.length !== 1) return;
    const nat = nats[0]!;
    if (attr(nat, 'count') || attr(nat, 'for_each')) return;
    const privateSubnets = resources(ctx.config, 'aws_subnet').filter((s) => /private|app|data|db|database|isolated/i.test(s.labels[1] ?? ''));
    const many = privateSubnets.length > 1 || privateSubnets.some((s) => attr(s, 'count') || attr(s, 'for_each'));
    if (!many) return;
    ctx.report({ block: nat, message: 'The task asks for high availability, but all private subnets share one NAT gateway in a single AZ.' });
  },
};

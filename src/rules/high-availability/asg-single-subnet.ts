import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';
import { isSingleItemList } from './single-subnet-load-balancer.js';

/** The task asks for an AZ spread: a one-subnet group is the model's failure only then. */
const ASKS_FOR_HA = /multi-az|multiple availability zones|high availability|highly available|fault[- ]toleran/i;

export const rule: Rule = {
  meta: {
    id: 'asg-single-subnet',
    category: 'high-availability',
    severity: 'medium',
    fixClass: 'A',
    title: 'Auto-scaling group in a single subnet where the task asks for high availability',
    rootCause: 'Models wire the first subnet they created into the auto-scaling group instead of one subnet per AZ.',
    fix: 'Spread the group over a subnet per Availability Zone: `vpc_zone_identifier = aws_subnet.private[*].id`.',
    fixExample: 'resource "aws_autoscaling_group" "app" {\n  vpc_zone_identifier = aws_subnet.private[*].id\n  # ...\n}',
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html',
    knowledgeGap: 'High availability needs instances spread over Availability Zones.',
    impact: 'An outage of the one Availability Zone takes every instance down.',
    promptGate: ASKS_FOR_HA,
  },
  check(ctx) {
    if (!promptMentions(ctx, ASKS_FOR_HA)) return;
    for (const asg of resources(ctx.config, 'aws_autoscaling_group')) {
      if (!isSingleItemList(attrExpr(asg, 'vpc_zone_identifier'))) continue;
      ctx.report({ block: asg, message: 'The task asks for high availability, but the auto-scaling group spans a single subnet.' });
    }
  },
};

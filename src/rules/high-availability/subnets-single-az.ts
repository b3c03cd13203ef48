import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, dataSources, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'subnets-single-az',
    category: 'high-availability',
    severity: 'medium',
    fixClass: 'B',
    title: 'Subnets not spread across Availability Zones',
    rootCause:
      'Models write subnets without `availability_zone` (AWS then picks, possibly the same AZ for all) or pin them all to one AZ, instead of taking AZs from `data.aws_availability_zones`.',
    fix: 'Place each subnet of a tier in a different AZ from `data.aws_availability_zones.available.names`.',
    fixExample: `data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 10)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}`,
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html',
    knowledgeGap: 'Subnets must be placed explicitly in distinct AZs for a multi-AZ design.',
    impact: 'Everything can land in one AZ: an AZ outage takes the whole stack down, and multi-AZ services (ALB, RDS subnet groups) reject the subnets.',
  },
  check(ctx) {
    const subnets = resources(ctx.config, 'aws_subnet');
    if (!subnets.length) return;
    const unplaced = subnets.filter((s) => !attr(s, 'availability_zone') && !attr(s, 'availability_zone_id'));
    if (unplaced.length) {
      ctx.report({
        block: unplaced[0]!,
        message: `${unplaced.map(blockAddress).slice(0, 4).join(', ')}${unplaced.length > 4 ? ', ...' : ''} set no availability_zone; AWS may place them all in one AZ.`,
      });
      return;
    }
    // Every subnet written out once (no count/for_each) and all in the same AZ.
    if (subnets.length < 2 || subnets.some((s) => attr(s, 'count') || attr(s, 'for_each'))) return;
    // Only literal zones compare: CDKTF loops write one block per iteration with the same (loop-variable) expression.
    const zones = new Set(subnets.map((s) => resolvedString(ctx.config, attrExpr(s, 'availability_zone') ?? attrExpr(s, 'availability_zone_id'))));
    if (zones.size === 1 && !zones.has(undefined)) {
      ctx.report({ block: subnets[0]!, message: `All ${subnets.length} subnets are in the same Availability Zone (${[...zones][0]}).` });
    }
  },
};

/** Literal AZ names (`"us-east-1a"`) with no AZ lookup: the spread holds in one region only and breaks elsewhere. */
export const literalZones: Rule = {
  meta: {
    id: 'subnet-zones-not-looked-up',
    category: 'high-availability',
    severity: 'low',
    fixClass: 'B',
    title: 'Availability Zones written out instead of looked up',
    rootCause: 'Models type AZ names (`us-east-1a`, `us-east-1b`) into subnets; the AZ spread then depends on one region and on those AZs being available to the account.',
    fix: 'Take AZs from `data.aws_availability_zones.available.names` (CDKTF: `DataAwsAvailabilityZones` with `Fn.element`).',
    fixExample: `data "aws_availability_zones" "available" {
  state = "available"
}
# availability_zone = data.aws_availability_zones.available.names[count.index]`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/availability_zones',
    knowledgeGap: 'Multi-AZ placement should come from the AZ data source, not literal AZ names.',
    impact: 'Deploying to another region (or an account without that AZ) fails or loses the AZ spread.',
  },
  check(ctx) {
    if (dataSources(ctx.config, 'aws_availability_zones').length) return;
    const literal = resources(ctx.config, 'aws_subnet').filter((s) => /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/.test(resolvedString(ctx.config, attrExpr(s, 'availability_zone')) ?? ''));
    if (!literal.length) return;
    ctx.report({ block: literal[0]!, message: `${literal.length} subnet(s) use literal AZ names and the configuration does not look AZs up.` });
  },
};


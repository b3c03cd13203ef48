import type { Rule } from '../types.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attr, attrExpr, blockAddress, exprToText, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';

/** Subnet groups of the database services that require subnets of one VPC in at least two Availability Zones. */
const GROUP_TYPES = ['aws_db_subnet_group', 'aws_docdb_subnet_group', 'aws_neptune_subnet_group'];

/** An AZ lookup by a literal index (`data.aws_availability_zones.available.names[1]`): the same text is the same AZ. */
const AZ_LOOKUP = /^data\.aws_availability_zones\.[\w-]+\.names\[\d+\]$/;

/** The Availability Zone a subnet sits in, as a comparable key; undefined when it cannot be read. */
function zoneKey(config: Configuration, subnet: Block): string | undefined {
  const e = attrExpr(subnet, 'availability_zone') ?? attrExpr(subnet, 'availability_zone_id');
  if (!e) return undefined;
  const literal = resolvedString(config, e);
  if (literal !== undefined) return literal;
  const text = exprToText(e).replace(/\s+/g, '');
  return AZ_LOOKUP.test(text) ? text : undefined;
}

/** The subnets a list names, one block per item; null when some item is not a plain reference to one written-out subnet. */
function namedSubnets(config: Configuration, list: Expr): Block[] | null {
  if (list.kind !== 'tuple' || list.items.length === 0) return null;
  const out: Block[] = [];
  for (const item of list.items) {
    const found = referencedBlocks(config, item, 'aws_subnet');
    const subnet = found.length === 1 ? found[0]! : undefined;
    // A counted subnet stands for several subnets; which one the item means is not readable.
    if (!subnet || attr(subnet, 'count') || attr(subnet, 'for_each')) return null;
    out.push(subnet);
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'db-subnet-group-coverage',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateDBSubnetGroup refuses the group (DBSubnetGroupDoesNotCoverEnoughAZs, or InvalidSubnet for subnets of two
    // VPCs): an apply failure whatever share of reviewers names it.
    applyFailure: true,
    title: 'Database subnet group that AWS refuses: one Availability Zone, or subnets of two VPCs',
    rootCause:
      'Models put one private subnet per VPC or per tier into the database subnet group, or pick subnets that share an AZ; RDS, DocumentDB and Neptune require subnets of one VPC in at least two AZs.',
    fix: 'List private subnets of the database\'s own VPC in two or more Availability Zones.',
    fixExample: `resource "aws_db_subnet_group" "db" {
  name       = "db-\${var.environment_suffix}"
  subnet_ids = aws_subnet.private[*].id # one per AZ, same VPC
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Subnets',
    knowledgeGap: 'A DB subnet group needs subnets of one VPC covering at least two Availability Zones.',
    impact: 'Apply fails at the subnet group (DBSubnetGroupDoesNotCoverEnoughAZs / InvalidSubnet), and the database behind it is never created.',
  },
  check(ctx) {
    for (const type of GROUP_TYPES) {
      for (const group of resources(ctx.config, type)) {
        const list = attrExpr(group, 'subnet_ids');
        const subnets = list ? namedSubnets(ctx.config, list) : null;
        if (!subnets) continue;
        const problems: string[] = [];
        const vpcs = new Set(subnets.map((s) => referencedBlocks(ctx.config, attrExpr(s, 'vpc_id'), 'aws_vpc')[0]).map((v) => (v ? blockAddress(v) : undefined)));
        if (vpcs.size > 1 && !vpcs.has(undefined)) problems.push(`its subnets belong to different VPCs (${[...vpcs].join(', ')}): InvalidSubnet`);
        const zones = new Set(subnets.map((s) => zoneKey(ctx.config, s)));
        if (zones.size === 1 && !zones.has(undefined)) {
          problems.push(`${subnets.length === 1 ? 'its only subnet covers' : `all ${subnets.length} subnets sit in`} one Availability Zone (${[...zones][0]}): DBSubnetGroupDoesNotCoverEnoughAZs`);
        }
        if (!problems.length) continue;
        ctx.report({
          block: group,
          message: `\`subnet_ids\` of ${blockAddress(group)} (${subnets.map(blockAddress).join(', ')}): ${problems.join('; ')}.`,
        });
      }
    }
  },
};

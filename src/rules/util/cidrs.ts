/** Addresses meaning "anywhere" in security group, NACL and route rules. */
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, nestedBlocks, resources, staticString } from '../../model/query.js';
import { resolvedString } from './b-resolve.js';

/** The IPv4 and IPv6 ranges of the whole internet. */
export const WORLD_CIDRS: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/** Whether any of the block's CIDR arguments (a string or a list, inputs and locals resolved) is the whole internet. */
export function worldOpen(config: Configuration, block: Block, keys: string[]): boolean {
  return keys.some((k) => {
    const e = attrExpr(block, k);
    if (!e) return false;
    const items = e.kind === 'tuple' ? e.items : [e];
    return items.some((i) => WORLD_CIDRS.has(resolvedString(config, i) ?? staticString(i) ?? ''));
  });
}

/** One security group rule: the inline `ingress`/`egress` block or rule resource, the block that owns it, its CIDR arguments. */
export interface SecurityGroupEntry {
  owner: Block;
  entry: Block;
  direction: 'ingress' | 'egress';
  cidrKeys: string[];
}

/**
 * Every security group rule of the configuration, in its three spellings (inline blocks of aws_security_group,
 * aws_security_group_rule with a static `type`, aws_vpc_security_group_ingress/egress_rule), in that order.
 */
export function securityGroupEntries(config: Configuration): SecurityGroupEntry[] {
  const out: SecurityGroupEntry[] = [];
  const classic = ['cidr_blocks', 'ipv6_cidr_blocks'];
  for (const sg of resources(config, 'aws_security_group')) {
    for (const direction of ['ingress', 'egress'] as const) for (const entry of nestedBlocks(sg, direction)) out.push({ owner: sg, entry, direction, cidrKeys: classic });
  }
  for (const r of resources(config, 'aws_security_group_rule')) {
    const direction = staticString(attrExpr(r, 'type'));
    if (direction === 'ingress' || direction === 'egress') out.push({ owner: r, entry: r, direction, cidrKeys: classic });
  }
  for (const [type, direction] of [['aws_vpc_security_group_ingress_rule', 'ingress'], ['aws_vpc_security_group_egress_rule', 'egress']] as const) {
    for (const r of resources(config, type)) out.push({ owner: r, entry: r, direction, cidrKeys: ['cidr_ipv4', 'cidr_ipv6'] });
  }
  return out;
}

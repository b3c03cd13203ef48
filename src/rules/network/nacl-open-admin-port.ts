import type { Rule } from '../types.js';
import { WORLD_CIDRS } from '../util/cidrs.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool, resolvedNumber, resolvedString } from '../util/b-resolve.js';

/** Remote administration ports (CIS 5.1): SSH and RDP. */
const ADMIN_PORTS: Record<number, string> = { 22: 'SSH', 3389: 'RDP' };

/** Admin services an allow entry opens to the world; empty when it does not. */
function openAdminPorts(config: Configuration, entry: Block, actionKey: string): string[] {
  if ((resolvedString(config, attrExpr(entry, actionKey)) ?? '').toLowerCase() !== 'allow') return [];
  const cidrs = ['cidr_block', 'ipv6_cidr_block'].map((k) => resolvedString(config, attrExpr(entry, k)));
  if (!cidrs.some((c) => c !== undefined && WORLD_CIDRS.has(c))) return [];
  const protocol = resolvedString(config, attrExpr(entry, 'protocol')) ?? String(resolvedNumber(config, attrExpr(entry, 'protocol')) ?? '');
  // UDP and ICMP do not carry SSH or RDP sessions (RDP over UDP needs TCP first).
  if (!['-1', 'all', 'tcp', '6'].includes(protocol.toLowerCase())) return [];
  const all = protocol === '-1' || protocol.toLowerCase() === 'all';
  const from = resolvedNumber(config, attrExpr(entry, 'from_port'));
  const to = resolvedNumber(config, attrExpr(entry, 'to_port'));
  // The ephemeral range (from 1024 up) is how stateless NACLs let return traffic back in: it covers 3389 by
  // accident, not to serve RDP.
  if (!all && from !== undefined && from >= 1024 && to !== undefined && to >= 65535) return [];
  return Object.entries(ADMIN_PORTS)
    .filter(([p]) => all || (from !== undefined && to !== undefined && Number(p) >= from && Number(p) <= to))
    .map(([p, name]) => `${p} (${name})`);
}

export const rule: Rule = {
  meta: {
    id: 'nacl-open-admin-port',
    category: 'network',
    severity: 'medium',
    fixClass: 'A',
    title: 'Network ACL allows SSH/RDP from the internet',
    rootCause: 'Models write allow-all NACL entries (or port ranges covering 22 and 3389) from 0.0.0.0/0, leaving security groups as the only barrier to remote administration ports.',
    fix: 'Allow only the service ports (443, 80, ephemeral return ports) from 0.0.0.0/0; allow 22/3389 only from an administration CIDR, or not at all (use SSM Session Manager).',
    fixExample: 'ingress {\n  rule_no    = 100\n  protocol   = "tcp"\n  action     = "allow"\n  cidr_block = "0.0.0.0/0"\n  from_port  = 443\n  to_port    = 443\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
    knowledgeGap: 'Network ACLs are a second layer: they should not open remote administration to the world.',
    impact: 'SSH/RDP reach every instance in the subnet from the internet whenever a security group is too wide.',
  },
  check(ctx) {
    for (const type of ['aws_network_acl', 'aws_default_network_acl']) {
      for (const acl of resources(ctx.config, type)) {
        for (const entry of nestedBlocks(acl, 'ingress')) {
          const ports = openAdminPorts(ctx.config, entry, 'action');
          if (!ports.length) continue;
          ctx.report({ block: acl, resource: blockAddress(acl), span: entry.span, message: `${blockAddress(acl)} allows ${ports.join(', ')} from the internet.` });
          break;
        }
      }
    }
    for (const r of resources(ctx.config, 'aws_network_acl_rule')) {
      if (resolvedBool(ctx.config, attrExpr(r, 'egress')) === true) continue;
      const ports = openAdminPorts(ctx.config, r, 'rule_action');
      if (ports.length) ctx.report({ block: r, resource: blockAddress(r), message: `${blockAddress(r)} allows ${ports.join(', ')} from the internet.` });
    }
  },
};

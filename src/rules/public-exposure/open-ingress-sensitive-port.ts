import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { WORLD_CIDRS } from '../util/cidrs.js';
import { attrExpr, blockAddress, nestedBlocks, resources, staticNumber, staticString } from '../../model/query.js';
import { exprToText } from '../../model/query.js';

/** Administration and data-store ports that must never be reachable from the internet. */
export const SENSITIVE_PORTS: Record<number, string> = {
  22: 'SSH',
  3389: 'RDP',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  1433: 'SQL Server',
  1521: 'Oracle',
  27017: 'MongoDB',
  6379: 'Redis',
  11211: 'Memcached',
  9200: 'Elasticsearch',
  5439: 'Redshift',
  2049: 'NFS',
  5601: 'Kibana',
};


function cidrs(block: Block, keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const e = attrExpr(block, k);
    if (!e) continue;
    if (e.kind === 'tuple') for (const i of e.items) out.push(staticString(i) ?? exprToText(i));
    else out.push(staticString(e) ?? exprToText(e));
  }
  return out;
}

/** Sensitive services a rule exposes to the world, or `all ports`; empty when not exposed. */
function exposed(block: Block, cidrKeys: string[]): string[] {
  if (!cidrs(block, cidrKeys).some((c) => WORLD_CIDRS.has(c))) return [];
  const protocol = staticString(attrExpr(block, 'protocol')) ?? staticString(attrExpr(block, 'ip_protocol'));
  const from = staticNumber(attrExpr(block, 'from_port'));
  const to = staticNumber(attrExpr(block, 'to_port')) ?? from;
  if (protocol === '-1' || protocol === 'all') return ['all ports'];
  if (from === undefined || to === undefined) return [];
  if (from === 0 && to === 65535) return ['all ports'];
  return Object.entries(SENSITIVE_PORTS)
    .filter(([p]) => Number(p) >= from && Number(p) <= to)
    .map(([p, name]) => `${p} (${name})`);
}

/** Ports of data stores: reachable from the internet, the data is (critical, as all ports). */
const DATA_PORTS = new Set([3306, 5432, 1433, 1521, 27017, 6379, 11211, 9200, 5439, 2049]);

/**
 * Whether a sentence of the prompt restricts SSH or RDP ("restrict SSH to 10.0.0.0/8", "SSH only from a specific
 * CIDR", "no SSH, Session Manager only"); a sentence that opens it ("SSH from anywhere") does not.
 */
function promptRestrictsAdminAccess(prompt: string | null): boolean {
  if (!prompt) return false;
  return prompt.split(/(?<=[.!?;])\s+|\n+/).some((sentence) => {
    if (!/\b(?:ssh|rdp|port 22|port 3389)\b/i.test(sentence)) return false;
    if (/\b(?:anywhere|any source|any ip)\b/i.test(sentence)) return false;
    return /\b(?:restrict\w*|only|specific|limited|never|not|no|secure\w*|session manager|corporate|management|bastion)\b/i.test(sentence);
  });
}

export const rule: Rule = {
  meta: {
    id: 'open-ingress-sensitive-port',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'Security group opens a sensitive port to the internet',
    rootCause: 'The model opens SSH/RDP or database ports to 0.0.0.0/0 for convenience instead of restricting to a security group or admin CIDR.',
    fix: 'Allow the port only from the security group of the callers (or a specific CIDR); use SSM Session Manager instead of SSH.',
    fixExample: 'ingress {\n  from_port       = 5432\n  to_port         = 5432\n  protocol        = "tcp"\n  security_groups = [aws_security_group.app.id]\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    knowledgeGap: 'Network security: least-privilege security group rules',
    impact: 'Administration or database ports reachable from the internet; brute force and data exposure risk.',
  },
  check(ctx) {
    const restricted = promptRestrictsAdminAccess(ctx.task.prompt);
    const report = (block: Block, owner: Block, services: string[]): void => {
      const ports = services.map((s) => Number.parseInt(s, 10));
      const data = ports.some((p) => DATA_PORTS.has(p));
      const admin = ports.some((p) => p === 22 || p === 3389);
      const againstPrompt = restricted && admin;
      ctx.report({
        block: owner,
        resource: blockAddress(owner),
        span: block.span,
        severity: services.includes('all ports') || data || againstPrompt ? 'critical' : undefined,
        message: `${blockAddress(owner)} allows ingress from the internet to ${services.join(', ')}${againstPrompt ? ', although the task restricts SSH/RDP access' : ''}.`,
      });
    };
    for (const sg of resources(ctx.config, 'aws_security_group')) {
      for (const ing of nestedBlocks(sg, 'ingress')) {
        const s = exposed(ing, ['cidr_blocks', 'ipv6_cidr_blocks']);
        if (s.length) report(ing, sg, s);
      }
    }
    for (const r of resources(ctx.config, 'aws_security_group_rule')) {
      if (staticString(attrExpr(r, 'type')) !== 'ingress') continue;
      const s = exposed(r, ['cidr_blocks', 'ipv6_cidr_blocks']);
      if (s.length) report(r, r, s);
    }
    for (const r of resources(ctx.config, 'aws_vpc_security_group_ingress_rule')) {
      const s = exposed(r, ['cidr_ipv4', 'cidr_ipv6']);
      if (s.length) report(r, r, s);
    }
  },
};

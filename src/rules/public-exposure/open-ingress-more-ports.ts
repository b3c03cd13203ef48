import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { securityGroupEntries, worldOpen } from '../util/cidrs.js';
import { attrExpr, blockAddress } from '../../model/query.js';
import { resolvedNumber, resolvedString } from '../util/b-resolve.js';
import { SENSITIVE_PORTS } from './open-ingress-sensitive-port.js';

/**
 * Remote-administration, file-sharing and data ports beyond those open-ingress-sensitive-port knows; a rule
 * that rule already reports (all ports, or a range that includes one of its ports) is left to it.
 */
export const MORE_PORTS: Record<number, string> = {
  20: 'FTP data',
  21: 'FTP',
  23: 'Telnet',
  135: 'MS RPC',
  137: 'NetBIOS',
  138: 'NetBIOS',
  139: 'NetBIOS',
  445: 'SMB',
  2375: 'Docker API',
  2376: 'Docker API (TLS)',
  5900: 'VNC',
  5984: 'CouchDB',
  5985: 'WinRM',
  5986: 'WinRM (HTTPS)',
  7001: 'Cassandra',
  8020: 'HDFS NameNode',
  9042: 'Cassandra',
  9092: 'Kafka',
  9300: 'Elasticsearch transport',
  27018: 'MongoDB',
  50070: 'HDFS web UI',
};

/** The extra ports an ingress entry opens to the world, unless the entry is open-ingress-sensitive-port's. */
function extraPorts(config: Configuration, block: Block, cidrKeys: string[]): string[] {
  if (!worldOpen(config, block, cidrKeys)) return [];
  const protocol = resolvedString(config, attrExpr(block, 'protocol')) ?? resolvedString(config, attrExpr(block, 'ip_protocol'));
  if (protocol === '-1' || protocol === 'all') return [];
  const from = resolvedNumber(config, attrExpr(block, 'from_port'));
  const to = resolvedNumber(config, attrExpr(block, 'to_port')) ?? from;
  if (from === undefined || to === undefined || (from === 0 && to === 65535)) return [];
  const inRange = (p: number): boolean => p >= from && p <= to;
  if (Object.keys(SENSITIVE_PORTS).some((p) => inRange(Number(p)))) return [];
  return Object.entries(MORE_PORTS)
    .filter(([p]) => inRange(Number(p)))
    .map(([p, name]) => `${p} (${name})`);
}

export const rule: Rule = {
  meta: {
    id: 'open-ingress-admin-port',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'Security group opens a remote-administration or data port to the internet',
    rootCause: 'The model opens Telnet, FTP, SMB, VNC, WinRM, Docker or cluster data ports to 0.0.0.0/0 while wiring a service up, instead of the callers\' security group.',
    fix: 'Allow the port only from the security group of the callers or an administration CIDR; use SSM Session Manager for administration.',
    fixExample: 'ingress {\n  from_port       = 9092\n  to_port         = 9092\n  protocol        = "tcp"\n  security_groups = [aws_security_group.producers.id]\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    knowledgeGap: 'Network security: least-privilege security group rules',
    impact: 'An administration or data service is reachable from the internet.',
  },
  check(ctx) {
    const report = (entry: Block, owner: Block, ports: string[]): void =>
      ctx.report({ block: owner, resource: blockAddress(owner), span: entry.span, message: `${blockAddress(owner)} allows ingress from the internet to ${ports.join(', ')}.` });
    for (const { owner, entry, direction, cidrKeys } of securityGroupEntries(ctx.config)) {
      if (direction !== 'ingress') continue;
      const p = extraPorts(ctx.config, entry, cidrKeys);
      if (p.length) report(entry, owner, p);
    }
  },
};

import type { Rule } from '../types.js';
import { WORLD_CIDRS } from '../util/cidrs.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { resolvedNumber, resolvedString, resolveExpr } from '../util/b-resolve.js';
import { docValue } from '../util/b-value.js';


export const rule: Rule = {
  meta: {
    id: 'sg-egress-all-open',
    category: 'network',
    severity: 'low',
    fixClass: 'B',
    title: 'Security group allows all egress to anywhere',
    rootCause: 'Models paste the default allow-all egress rule into every security group instead of scoping outbound traffic to what the tier calls.',
    fix: 'Limit egress to the ports and destinations the tier needs (HTTPS to VPC endpoints, the database port to the DB security group), or document why open egress is acceptable.',
    fixExample: `egress {
  description     = "PostgreSQL to the database tier"
  from_port       = 5432
  to_port         = 5432
  protocol        = "tcp"
  security_groups = [aws_security_group.db.id]
}`,
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    knowledgeGap: 'Least privilege applies to outbound security group rules too.',
    impact: 'Compromised workloads can exfiltrate data to any address.',
  },
  check(ctx) {
    // One finding per configuration: the pattern is usually copied into every group, and it is low severity.
    const open: Block[] = [];
    for (const sg of resources(ctx.config, 'aws_security_group')) {
      if (nestedBlocks(sg, 'egress').some((e) => allTrafficAnywhere(ctx.config, e, 'cidr_blocks', 'ipv6_cidr_blocks'))) open.push(sg);
    }
    for (const r of resources(ctx.config, 'aws_security_group_rule')) {
      if (resolvedString(ctx.config, attrExpr(r, 'type')) !== 'egress') continue;
      if (allTrafficAnywhere(ctx.config, r, 'cidr_blocks', 'ipv6_cidr_blocks')) open.push(r);
    }
    for (const r of resources(ctx.config, 'aws_vpc_security_group_egress_rule')) {
      if (allTrafficAnywhere(ctx.config, r, 'cidr_ipv4', 'cidr_ipv6')) open.push(r);
    }
    if (!open.length) return;
    const listed = open.slice(0, 6).map(blockAddress).join(', ');
    ctx.report({
      block: open[0]!,
      message: `${open.length} security group rule set(s) allow all protocols and ports to 0.0.0.0/0 (${listed}${open.length > 6 ? ', ...' : ''}).`,
    });
  },
};

function allTrafficAnywhere(config: Configuration, rule: Block, ...cidrAttrs: string[]): boolean {
  const protocol = resolvedString(config, attrExpr(rule, 'protocol')) ?? resolvedString(config, attrExpr(rule, 'ip_protocol'));
  const from = resolvedNumber(config, attrExpr(rule, 'from_port'));
  const to = resolvedNumber(config, attrExpr(rule, 'to_port'));
  const allPorts = protocol === '-1' || protocol === 'all' || (from === 0 && to === 65535);
  if (!allPorts) return false;
  return cidrAttrs.some((a) => cidrs(config, attrExpr(rule, a)).some((c) => WORLD_CIDRS.has(c)));
}

function cidrs(config: Configuration, e: Expr | undefined): string[] {
  const v = docValue(resolveExpr(config, e));
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string');
}

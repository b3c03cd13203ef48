import type { Block, Configuration, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, referencesIn, referenceTarget, staticBool } from '../../model/query.js';

/** Subnets that give every instance launched in them a public IP. */
function publicSubnets(config: Configuration): Set<string> {
  const out = new Set<string>();
  for (const b of config.blocks) {
    if (b.kind === 'resource' && b.labels[0] === 'aws_subnet' && staticBool(attrExpr(b, 'map_public_ip_on_launch')) === true) out.add(blockAddress(b));
  }
  return out;
}

/** The public subnets an expression (subnet_id, vpc_zone_identifier) points at. */
function publicTargets(expr: Expr | undefined, subnets: Set<string>): string[] {
  if (!expr) return [];
  const out: string[] = [];
  for (const r of referencesIn(expr)) {
    const t = referenceTarget(r.parts);
    if (t && subnets.has(t) && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Whether a launch template hands out public IPs itself. */
function templateAssignsPublicIp(lt: Block): boolean {
  return nestedBlocks(lt, 'network_interfaces').some((ni) => staticBool(attrExpr(ni, 'associate_public_ip_address')) === true);
}

export const rule: Rule = {
  meta: {
    id: 'compute-in-public-subnet',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'B',
    title: 'Instances placed in public subnets with public IPs',
    rootCause: 'The model puts EC2 instances or Auto Scaling groups in the public subnets (next to the load balancer) instead of private subnets behind it.',
    fix: 'Launch instances in private subnets without public IPs; only the load balancer (or a bastion, if any) sits in public subnets. Egress goes through NAT.',
    fixExample: 'resource "aws_autoscaling_group" "app" {\n  vpc_zone_identifier = aws_subnet.private[*].id\n  # ...\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-private-subnets-nat.html',
    knowledgeGap: 'Tiered VPC design: compute in private subnets behind the load balancer',
    impact: 'Every instance is reachable from the internet on whatever its security group allows.',
  },
  check(ctx) {
    // Compute the reference also exposes is the task's design (a public web tier), not a failure.
    const reference = ctx.ideal ? new Set(exposedCompute(ctx.ideal).map((e) => blockAddress(e.block))) : null;
    for (const e of exposedCompute(ctx.config)) {
      if (reference?.has(blockAddress(e.block))) continue;
      ctx.report({ block: e.block, message: e.message });
    }
  },
};

/** Instances, groups and templates that put compute on public IPs, with the reason. */
function exposedCompute(config: Configuration): { block: Block; message: string }[] {
  const subnets = publicSubnets(config);
  const out: { block: Block; message: string }[] = [];
  for (const b of config.blocks) {
    if (b.kind !== 'resource') continue;
    // A bastion host is public by design.
    if (/bastion|jump/i.test(b.labels[1] ?? '')) continue;
    const type = b.labels[0];
    if (type === 'aws_instance') {
      const explicit = staticBool(attrExpr(b, 'associate_public_ip_address')) === true;
      const via = publicTargets(attrExpr(b, 'subnet_id'), subnets);
      if (explicit || via.length) out.push({ block: b, message: `${blockAddress(b)} gets a public IP (${explicit ? 'associate_public_ip_address = true' : `subnet ${via[0]} maps public IPs on launch`}).` });
    } else if (type === 'aws_autoscaling_group') {
      const via = publicTargets(attrExpr(b, 'vpc_zone_identifier'), subnets);
      if (via.length) out.push({ block: b, message: `${blockAddress(b)} launches instances in public subnets (${via.join(', ')}), which map public IPs on launch.` });
    } else if (type === 'aws_launch_template' && templateAssignsPublicIp(b)) {
      out.push({ block: b, message: `${blockAddress(b)} gives every instance a public IP (network_interfaces.associate_public_ip_address = true).` });
    }
  }
  return out;
}

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, dataSources, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool } from '../util/b-resolve.js';

export const defaultSecurityGroupRule: Rule = {
  meta: {
    id: 'default-security-group-allows-traffic',
    category: 'network',
    severity: 'medium',
    fixClass: 'A',
    title: 'Default security group allows traffic',
    rootCause: 'Models manage `aws_default_security_group` with ingress/egress rules (often the allow-all defaults copied back), so anything launched without an explicit group gets network access.',
    fix: 'Manage the default security group with no ingress or egress rules at all, and give every resource its own group.',
    fixExample: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n  # no ingress or egress: the default group denies all traffic\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    knowledgeGap: 'CIS: the default security group must restrict all traffic',
    impact: 'Resources that fall back to the default group can talk to each other and out, unnoticed.',
  },
  check(ctx) {
    for (const sg of resources(ctx.config, 'aws_default_security_group')) {
      const rules = [...nestedBlocks(sg, 'ingress'), ...nestedBlocks(sg, 'egress')];
      const asAttrs = ['ingress', 'egress'].filter((k) => {
        const e = attrExpr(sg, k);
        return e !== undefined && !(e.kind === 'tuple' && e.items.length === 0);
      });
      if (!rules.length && !asAttrs.length) continue;
      ctx.report({ block: sg, resource: blockAddress(sg), span: rules[0]?.span, message: `${blockAddress(sg)} keeps ${rules.length || asAttrs.length} rule(s) on the default security group.` });
    }
  },
};

export const defaultVpcRule: Rule = {
  meta: {
    id: 'default-vpc-used',
    category: 'network',
    severity: 'low',
    defaultTier: 'observation',
    fixClass: 'B',
    title: 'Stack uses the default VPC',
    rootCause: 'Models deploy into the default VPC (`aws_default_vpc`, `data "aws_vpc" { default = true }`) to skip network design; its subnets are all public.',
    fix: 'Create a dedicated VPC with private subnets for workloads and public subnets only for load balancers and NAT.',
    fixExample: 'resource "aws_vpc" "main" {\n  cidr_block           = "10.0.0.0/16"\n  enable_dns_hostnames = true\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html',
    knowledgeGap: 'The default VPC has only public subnets; production stacks define their own network.',
    impact: 'Every subnet maps public IPs; network isolation depends on security groups alone.',
  },
  check(ctx) {
    for (const v of resources(ctx.config, 'aws_default_vpc')) ctx.report({ block: v, resource: blockAddress(v), message: `${blockAddress(v)} manages the default VPC.` });
    for (const d of dataSources(ctx.config, 'aws_vpc')) {
      if (resolvedBool(ctx.config, attrExpr(d, 'default')) !== true) continue;
      ctx.report({ block: d, resource: blockAddress(d), message: `${blockAddress(d)} looks up the default VPC.` });
    }
  },
};

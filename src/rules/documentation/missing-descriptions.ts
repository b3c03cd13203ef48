import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attr, blockAddress, nestedBlocks } from '../../model/query.js';
import { isHclConfig } from '../util/files.js';

/** Without a reference, fewer undocumented inputs/outputs than this are left to judgment. */
const MIN_UNDOCUMENTED = 3;
const SG_RULE_TYPES = new Set(['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']);

function described(b: Block): boolean {
  return attr(b, 'description') !== undefined;
}

function interfaceBlocks(config: Configuration): Block[] {
  return config.blocks.filter((b) => (b.kind === 'variable' || b.kind === 'output') && b.labels[0]);
}

/** Security group rules (inline ingress/egress blocks and standalone rule resources). */
function sgRules(config: Configuration): Block[] {
  const out: Block[] = [];
  for (const b of config.blocks) {
    if (b.kind !== 'resource') continue;
    if (b.labels[0] === 'aws_security_group') out.push(...nestedBlocks(b, 'ingress', false), ...nestedBlocks(b, 'egress', false));
    else if (SG_RULE_TYPES.has(b.labels[0] ?? '')) out.push(b);
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'missing-descriptions',
    category: 'documentation',
    severity: 'low',
    fixClass: 'C',
    title: 'Variables, outputs or security group rules without descriptions',
    rootCause: 'The model declares the interface (inputs, outputs) and firewall rules without saying what they are for.',
    fix: 'Give every variable and output a `description`, and every security group rule a `description` of the traffic it allows.',
    fixExample: 'variable "environment_suffix" {\n  description = "Unique suffix for resource names (one per deployment)"\n  type        = string\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables#input-variable-documentation',
    knowledgeGap: 'Self-documenting Terraform interfaces',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const referenceDescribed = ctx.ideal ? new Set(interfaceBlocks(ctx.ideal).filter(described).map(blockAddress)) : null;
    const undocumented = interfaceBlocks(ctx.config).filter((b) => !described(b) && (!referenceDescribed || referenceDescribed.has(blockAddress(b))));
    if (undocumented.length && (referenceDescribed || undocumented.length >= MIN_UNDOCUMENTED)) {
      const names = undocumented.slice(0, 6).map(blockAddress).join(', ');
      ctx.report({
        block: undocumented[0]!,
        resource: 'descriptions:interface',
        message: `${undocumented.length} variable/output declaration${undocumented.length > 1 ? 's have' : ' has'} no description (${names}${undocumented.length > 6 ? ', ...' : ''})${referenceDescribed ? '; the reference documents them' : ''}.`,
      });
    }
    // Security group rules: only against a reference that describes its rules.
    if (!ctx.ideal) return;
    const referenceRules = sgRules(ctx.ideal);
    if (!referenceRules.length || !referenceRules.every(described)) return;
    const bare = sgRules(ctx.config).filter((b) => !described(b));
    if (!bare.length) return;
    ctx.report({
      span: bare[0]!.span,
      resource: 'descriptions:security-group-rules',
      message: `${bare.length} security group rule${bare.length > 1 ? 's have' : ' has'} no description; the reference describes every rule.`,
    });
  },
};

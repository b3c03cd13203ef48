import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attr, blockAddress, blocksOfKind, exprToText, staticString } from '../../model/query.js';
import { isChildModuleFile, isHclConfig } from '../util/files.js';


/** Root-module blocks that use the default (unaliased) `aws` configuration: no `provider` argument of their own. */
function defaultAwsUsers(blocks: readonly Block[]): Block[] {
  return blocks.filter((b) => {
    if (isChildModuleFile(b.span.file) || attr(b, 'provider') !== undefined) return false;
    if (b.kind === 'resource' || b.kind === 'data') return (b.labels[0] ?? '').startsWith('aws_');
    // A module call without a `providers` map passes the default configuration down.
    return b.kind === 'module' && attr(b, 'providers') === undefined;
  });
}

export const rule: Rule = {
  meta: {
    id: 'provider-default-missing',
    category: 'reference',
    severity: 'high',
    fixClass: 'C',
    // Terraform adds an implied empty default configuration, which reads the region from the environment (as CI
    // sets it): read against the code in three readings, never judged a real defect. Listed among observations.
    defaultTier: 'observation',
    title: 'Only aliased AWS providers, but blocks use the default one',
    rootCause:
      'Multi-region answers declare `provider "aws"` only with aliases (`aws.primary`, `aws.dr`) and then leave `provider = ...` off some resources, data sources or module calls, which then use the default configuration nobody declared.',
    fix: 'Declare a default `provider "aws"` block (no alias) with the primary region, or set `provider = aws.<alias>` on every block and `providers = { aws = aws.<alias> }` on every module call.',
    fixExample: 'provider "aws" {\n  region = var.primary_region\n}\n\nprovider "aws" {\n  alias  = "dr"\n  region = var.dr_region\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/providers/configuration#default-provider-configurations',
    knowledgeGap: 'Default and aliased provider configurations in multi-region Terraform',
    impact: 'Plan fails ("invalid AWS Region: (empty)" / provider requires explicit configuration) unless the environment happens to set a region.',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const aws = blocksOfKind(ctx.config, 'provider').filter((p) => p.labels[0] === 'aws' && !isChildModuleFile(p.span.file));
    if (!aws.length || aws.some((p) => attr(p, 'alias') === undefined)) return;
    const users = defaultAwsUsers(ctx.config.blocks);
    const first = users[0];
    if (!first) return;
    ctx.report({
      block: first,
      // The configuration's default provider is what is missing: one key the ideal's finding can match.
      resource: 'provider.aws',
      message: `Every provider "aws" block has an alias (${aws.map((p) => `aws.${staticString(attr(p, 'alias')?.expr) ?? exprToText(attr(p, 'alias')!.expr)}`).join(', ')}), but ${users.length} block(s) set no \`provider\` (first: ${blockAddress(first)}) and so use the default configuration, which is not declared.`,
    });
  },
};

import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { isHclConfig } from '../util/files.js';

/** Local name of the provider a resource type belongs to: `random_id` → `random`, `aws_s3_bucket` → `aws`. */
function providerOf(type: string): string {
  return type.split('_')[0] ?? type;
}

/** Names declared in every `required_providers` block; null when there is none. */
function requiredProviders(config: Configuration): { names: Set<string>; block: Block } | null {
  let found: { names: Set<string>; block: Block } | null = null;
  for (const t of config.blocks) {
    if (t.kind !== 'terraform') continue;
    for (const rp of t.blocks.filter((b) => b.type === 'required_providers')) {
      found ??= { names: new Set(), block: rp };
      for (const a of rp.attributes) found.names.add(a.name);
    }
  }
  return found;
}

/** Providers whose resources or data sources a configuration uses, with the first block of each. */
function usedProviders(config: Configuration): Map<string, Block> {
  const out = new Map<string, Block>();
  for (const b of config.blocks) {
    if ((b.kind !== 'resource' && b.kind !== 'data') || !b.labels[0]) continue;
    // terraform_data and terraform_remote_state are built in.
    if (b.labels[0].startsWith('terraform_')) continue;
    const p = providerOf(b.labels[0]);
    if (!out.has(p)) out.set(p, b);
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'provider-requirement-missing',
    category: 'provider-version',
    severity: 'medium',
    fixClass: 'B',
    title: 'Provider used but not declared in required_providers',
    rootCause: 'The model adds random/archive/tls/null resources but leaves the provider file declaring only aws.',
    fix: 'Declare every provider the configuration uses in the provider file\'s `required_providers`, with a version constraint.',
    fixExample: 'terraform {\n  required_providers {\n    aws    = { source = "hashicorp/aws", version = "~> 5.0" }\n    random = { source = "hashicorp/random", version = "~> 3.6" }\n  }\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/providers/requirements',
    knowledgeGap: 'Declaring every provider in required_providers (provider.tf)',
    impact: 'Unpinned provider versions; `terraform init` in the pipeline may fail or pick an arbitrary version.',
    // Terraform infers hashicorp/<name> for an undeclared provider and init succeeds: judged noise as a failure
    // on the dev corpus (3 of 3 in one reading round), a pinning convention.
    defaultTier: 'observation',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const used = usedProviders(ctx.config);
    if (![...used.keys()].some((p) => p !== 'aws')) return;
    const declared = requiredProviders(ctx.config);
    // Without a required_providers block of its own, the model relies on the project's provider file; the reference
    // shows what that file must declare.
    const expected = declared?.names ?? (ctx.ideal ? requiredProviders(ctx.ideal)?.names : undefined);
    if (!expected) return;
    // Terraform infers hashicorp/<name> for an undeclared provider, so this is a convention: with a reference, only
    // what the reference's required_providers (when it has one) declares counts.
    const referenceDeclares = ctx.ideal ? (requiredProviders(ctx.ideal)?.names ?? null) : null;
    for (const [provider, block] of used) {
      if (provider === 'aws' || declared?.names.has(provider)) continue;
      if (!declared && !expected.has(provider)) continue;
      if (referenceDeclares && !referenceDeclares.has(provider)) continue;
      ctx.report({
        span: declared?.block.span ?? block.span,
        resource: `provider:${provider}`,
        message: declared
          ? `${block.labels[0]} "${block.labels[1] ?? ''}" uses the ${provider} provider, which required_providers does not declare.`
          : `${block.labels[0]} "${block.labels[1] ?? ''}" uses the ${provider} provider; the response has no required_providers declaring it (the reference's provider file does).`,
      });
    }
  },
};

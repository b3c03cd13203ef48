/** Provider configurations of a Terraform configuration: what it declares and which aliases its blocks select. */
import type { Configuration, Expr } from '../../model/types.js';
import { attr, blocksOfKind, childBlocks } from '../../model/query.js';

/**
 * Aliases a module declares: a `provider "aws"` block with `alias = "west"` (`aws.west`), or `configuration_aliases` in
 * `required_providers` (a child module that receives it).
 */
export function declaredAliases(config: Configuration): Set<string> {
  const out = new Set<string>();
  for (const p of blocksOfKind(config, 'provider')) {
    const alias = attr(p, 'alias');
    const name = alias?.expr.kind === 'literal' ? alias.expr.value : undefined;
    if (p.labels[0] && typeof name === 'string') out.add(`${p.labels[0]}.${name}`);
  }
  for (const t of blocksOfKind(config, 'terraform')) {
    for (const rp of childBlocks(t, 'required_providers')) {
      for (const a of rp.attributes) {
        if (a.expr.kind !== 'object') continue;
        const aliases = a.expr.entries.find((e) => e.key === 'configuration_aliases')?.value;
        if (aliases?.kind !== 'tuple') continue;
        for (const item of aliases.items) if (item.kind === 'reference' && item.parts.length === 2) out.add(item.parts.join('.'));
      }
    }
  }
  return out;
}

/** Local names of the providers a configuration has `provider` blocks for. */
export function providerNames(config: Configuration): Set<string> {
  return new Set(blocksOfKind(config, 'provider').map((p) => p.labels[0]).filter((n): n is string => !!n));
}

/** Aliases (`aws.west`) that resources, data sources and module calls select, written literally. */
export function aliasesSelected(config: Configuration): Set<string> {
  const out = new Set<string>();
  const add = (e: Expr | undefined) => {
    if (e?.kind === 'reference' && e.parts.length === 2 && !e.parts[1]!.startsWith('[')) out.add(e.parts.join('.'));
  };
  for (const b of config.blocks) {
    if (b.kind === 'resource' || b.kind === 'data') add(attr(b, 'provider')?.expr);
    else if (b.kind === 'module') {
      const a = attr(b, 'providers');
      if (a?.expr.kind === 'object') for (const e of a.expr.entries) add(e.value);
    }
  }
  return out;
}

/**
 * The response writes no provider block and selects aliases the reference's provider configuration does not
 * declare: it was not written against that configuration (the project's provider file as the reference shows it),
 * so what that file reads is not the response's to declare, and the aliases it selects exist nowhere.
 * Returns those aliases (empty when the response has provider blocks, or without a reference that has them).
 */
export function aliasesOutsideReferenceProviders(model: Configuration, ideal: Configuration | undefined): string[] {
  if (!ideal || providerNames(model).size || !providerNames(ideal).size) return [];
  const declared = declaredAliases(ideal);
  for (const a of declaredAliases(model)) declared.add(a);
  return [...aliasesSelected(model)].filter((a) => !declared.has(a)).sort();
}

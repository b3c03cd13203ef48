/** Tag keys a configuration sets: on resources, in provider default_tags, and in tag maps held by locals/variables. */
import type { Configuration, Expr } from '../../model/types.js';
import { allAttributes, attrExpr, blocksOfKind, referenceTarget } from '../../model/query.js';
import { localDefinition } from './suffix.js';

export interface TagKeys {
  keys: Set<string>;
  /** Some tags come from a map the configuration does not spell out (a variable without default, a CDKTF prop). */
  open: boolean;
}

/** `CostCenter`, `cost_center`, `cost-center`, `Cost Center` → `costcenter`. */
export function normalizeTagKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function tagKeys(config: Configuration): TagKeys {
  const keys = new Set<string>();
  let open = false;
  const seen = new Set<string>();
  // Follows the map itself (merge() arguments, locals, variable defaults), not the values inside it.
  const collect = (expr: Expr | undefined, depth: number): void => {
    if (!expr || depth > 8) return;
    switch (expr.kind) {
      case 'object':
        for (const en of expr.entries) if (en.key !== undefined) keys.add(normalizeTagKey(en.key));
        return;
      case 'call':
        for (const a of expr.args) collect(a, depth + 1);
        return;
      case 'conditional':
        collect(expr.then, depth + 1);
        collect(expr.else, depth + 1);
        return;
      case 'opaque':
        open = true;
        return;
      case 'reference': {
        const target = referenceTarget(expr.parts);
        if (!target || seen.has(target)) return;
        seen.add(target);
        if (target.startsWith('local.')) collect(localDefinition(config, target.slice(6)), depth + 1);
        else if (target.startsWith('var.')) {
          const v = config.symbols.get(target)?.block;
          const def = v ? attrExpr(v, 'default') : undefined;
          if (def) collect(def, depth + 1);
          else open = true;
        } else open = true;
        return;
      }
      default:
        return;
    }
  };
  for (const b of config.blocks) {
    if (b.kind !== 'resource' && b.kind !== 'provider' && b.kind !== 'module') continue;
    for (const { path, attribute } of allAttributes(b)) {
      const name = path[path.length - 1] ?? '';
      if (/^tags$|_tags$|^tag$/.test(name) || path.includes('default_tags')) collect(attribute.expr, 0);
    }
  }
  // Tag maps defined in locals/variables count even when used through a module or a merge we cannot follow.
  for (const l of blocksOfKind(config, 'locals')) for (const a of l.attributes) if (/tags?$/i.test(a.name)) collect(a.expr, 0);
  return { keys, open };
}

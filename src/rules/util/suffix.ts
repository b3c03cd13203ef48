/** Whether an expression carries the environment suffix, directly or through locals. */
import type { Configuration, Expr } from '../../model/types.js';
import type { Conventions } from '../../contracts/conventions.js';
import { referencesIn, referenceTarget, walkExpr } from '../../model/query.js';

/** Locals nest rarely deeper than a few levels; the bound also stops cycles. */
const MAX_LOCAL_DEPTH = 8;

export function suffixVariables(conventions: Conventions): string[] {
  return [`var.${conventions.suffixVariable}`, `var.${conventions.suffixVariableCdktf}`];
}

/** Whether the configuration declares the suffix input (HCL variable or CDKTF prop). */
export function declaresSuffix(config: Configuration, conventions: Conventions): boolean {
  if (suffixVariables(conventions).some((v) => config.symbols.has(v))) return true;
  // CDKTF: the suffix is a constructor prop; the front-end reports its uses as var.<name> references.
  return config.references.some((r) => suffixVariables(conventions).includes(r.target));
}

export function mentionsSuffix(expr: Expr, conventions: Conventions, config: Configuration): boolean {
  return mentions(expr, new Set(suffixVariables(conventions)), conventions, config, 0, new Set());
}

function mentions(
  expr: Expr,
  targets: Set<string>,
  conventions: Conventions,
  config: Configuration,
  depth: number,
  seen: Set<string>,
): boolean {
  for (const ref of referencesIn(expr)) {
    const target = referenceTarget(ref.parts);
    if (!target) continue;
    if (targets.has(target)) return true;
    if (target.startsWith('local.') && depth < MAX_LOCAL_DEPTH && !seen.has(target)) {
      seen.add(target);
      const def = localDefinition(config, target.slice('local.'.length));
      if (def && mentions(def, targets, conventions, config, depth + 1, seen)) return true;
    }
  }
  // Opaque CDKTF expressions: the suffix name in the text is the best evidence we have.
  let opaque = false;
  walkExpr(expr, (e) => {
    if (e.kind === 'opaque' && (e.text.includes(conventions.suffixVariableCdktf) || e.text.includes(conventions.suffixVariable))) opaque = true;
  });
  return opaque;
}

/** The expression a local is defined with (first definition wins, like the symbol table). */
export function localDefinition(config: Configuration, name: string): Expr | undefined {
  for (const b of config.blocks) {
    if (b.kind !== 'locals') continue;
    const a = b.attributes.find((x) => x.name === name);
    if (a) return a.expr;
  }
  return undefined;
}

/** Expand a local reference chain: targets reachable from an expression through locals (bounded). */
export function reachableTargets(expr: Expr, config: Configuration): Set<string> {
  const out = new Set<string>();
  const stack: { e: Expr; depth: number }[] = [{ e: expr, depth: 0 }];
  while (stack.length) {
    const { e, depth } = stack.pop()!;
    for (const ref of referencesIn(e)) {
      const t = referenceTarget(ref.parts);
      if (!t || out.has(t)) continue;
      out.add(t);
      if (t.startsWith('local.') && depth < MAX_LOCAL_DEPTH) {
        const def = localDefinition(config, t.slice(6));
        if (def) stack.push({ e: def, depth: depth + 1 });
      }
    }
  }
  return out;
}

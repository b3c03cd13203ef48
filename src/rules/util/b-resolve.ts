/** Static resolution through input defaults and locals, for values rules compare (classes, versions, runtimes). */
import type { Configuration, Expr } from '../../model/types.js';
import { attrExpr, referenceTarget, staticBool, staticNumber, staticString } from '../../model/query.js';
import { localDefinition } from './suffix.js';

const MAX_DEPTH = 6;

/** The expression a value comes from: `var.x` → its default, `local.y` → its definition; others as they are. */
export function resolveExpr(config: Configuration, expr: Expr | undefined, depth = 0): Expr | undefined {
  if (!expr || depth > MAX_DEPTH) return expr;
  if (expr.kind === 'conditional') {
    // `var.enable_x ? "Active" : "PassThrough"`: follow the branch the defaults select.
    const cond = staticBool(resolveExpr(config, expr.condition, depth + 1));
    return cond === undefined ? expr : resolveExpr(config, cond ? expr.then : expr.else, depth + 1);
  }
  if (expr.kind === 'reference' && expr.parts.length === 3 && (expr.parts[0] === 'var' || expr.parts[0] === 'local') && !expr.parts[2]!.startsWith('[')) {
    // `local.bucket_names.primary`: the entry of an object the local (or the input's default) defines.
    const base = resolveExpr(config, { kind: 'reference', parts: expr.parts.slice(0, 2) }, depth + 1);
    const entry = base?.kind === 'object' ? base.entries.find((e) => e.key === expr.parts[2]) : undefined;
    return entry ? resolveExpr(config, entry.value, depth + 1) : expr;
  }
  if (expr.kind !== 'reference' || expr.parts.length !== 2) return expr;
  const target = referenceTarget(expr.parts);
  if (target?.startsWith('var.')) {
    const block = config.symbols.get(target)?.block;
    const def = block ? attrExpr(block, 'default') : undefined;
    return def ? resolveExpr(config, def, depth + 1) : expr;
  }
  if (target?.startsWith('local.')) {
    const def = localDefinition(config, target.slice('local.'.length));
    return def ? resolveExpr(config, def, depth + 1) : expr;
  }
  return expr;
}

export function resolvedString(config: Configuration, expr: Expr | undefined): string | undefined {
  return staticString(resolveExpr(config, expr));
}

export function resolvedBool(config: Configuration, expr: Expr | undefined): boolean | undefined {
  return staticBool(resolveExpr(config, expr));
}

export function resolvedNumber(config: Configuration, expr: Expr | undefined): number | undefined {
  return staticNumber(resolveExpr(config, expr));
}

/** The literal text a template ends with (`"${var.x}-jobs.fifo"` → "-jobs.fifo"), when its last part is a string literal. */
export function literalTail(parts: Expr[]): string | undefined {
  const last = parts[parts.length - 1];
  return last?.kind === 'literal' && typeof last.value === 'string' ? last.value : undefined;
}

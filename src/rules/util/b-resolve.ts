/** Static resolution through input defaults and locals, for values rules compare (classes, versions, runtimes). */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, exprToText, referenceTarget, staticBool, staticNumber, staticString } from '../../model/query.js';
import { localDefinition } from './suffix.js';
import { dirname } from './files.js';
import { localModuleCalls, type LocalModuleCall } from './modules.js';

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
    const scoped = moduleInput(config, expr, target.slice('var.'.length), depth);
    if (scoped !== undefined) return scoped ?? expr;
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

/** Module structure of a configuration, read once: local module calls by the folder they load, inputs by folder. */
interface ModuleScope {
  callsByDir: Map<string, LocalModuleCall[]>;
  /** `<folder>\u0000<name>` → the variable block that folder declares. */
  inputs: Map<string, Block>;
}
const scopes = new WeakMap<Configuration, ModuleScope | null>();

function moduleScope(config: Configuration): ModuleScope | null {
  let scope = scopes.get(config);
  if (scope !== undefined) return scope;
  const calls = localModuleCalls(config);
  scope = null;
  if (calls.length > 0) {
    const callsByDir = new Map<string, LocalModuleCall[]>();
    for (const c of calls) if (c.childDir !== c.callerDir) callsByDir.set(c.childDir, [...(callsByDir.get(c.childDir) ?? []), c]);
    const inputs = new Map<string, Block>();
    for (const b of config.blocks) {
      const key = `${dirname(b.span.file)}\u0000${b.labels[0] ?? ''}`;
      if (b.kind === 'variable' && !inputs.has(key)) inputs.set(key, b);
    }
    scope = { callsByDir, inputs };
  }
  scopes.set(config, scope);
  return scope;
}

/**
 * `var.<name>` read inside a local child module (its reference's file says where): the value its callers pass
 * (`module "db" { source = "./modules/rds"  engine_version = var.rds_engine_version }`), resolved in the caller's
 * folder; else the default that folder's own declaration gives (the root may declare an input of the same name
 * with another default). Undefined when the configuration has no child module or the reference is outside one (the
 * flat lookup decides); null when the callers pass different values (the value is unknown).
 */
function moduleInput(config: Configuration, ref: Expr, name: string, depth: number): Expr | null | undefined {
  const file = ref.span?.file;
  const scope = file === undefined ? null : moduleScope(config);
  if (!scope || file === undefined) return undefined;
  const dir = dirname(file);
  const calls = scope.callsByDir.get(dir);
  if (!calls) return undefined;
  const own = scope.inputs.get(`${dir}\u0000${name}`);
  const def = own ? attrExpr(own, 'default') : undefined;
  // A caller that passes nothing leaves the folder's own default.
  const values = calls.map((c) => {
    const passed = attrExpr(c.block, name) ?? def;
    return passed ? resolveExpr(config, passed, depth + 1) : undefined;
  });
  const first = values[0];
  if (!first || values.some((v) => !v || exprToText(v) !== exprToText(first))) return null;
  return first;
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

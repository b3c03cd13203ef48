/**
 * Which attributed changes say something about the model. Two kinds do not, and are set aside (counted by
 * eval:diff as ignored, never turned into findings):
 *  - no-op changes: the ideal writes out a provider default the model left implicit, or drops a model
 *    argument that held the default (`deletion_window_in_days = 30` on a KMS key); or one side moves a
 *    literal into a variable or local whose value is that same literal (`"10.0.0.0/16"` → `var.vpc_cidr`);
 *  - direction errors: the ideal removes or weakens a protection the model had (a public access block, SSE,
 *    logging, versioning, alarms, multi-AZ...), or adds a destroy blocker the model did not have. Neither is a
 *    defect of the model, whatever category the change was attributed to.
 */
import type { Block, Configuration, Expr } from '../model/types.js';
import { exprToText, literalValue } from '../model/query.js';
import type { CategoryId } from '../taxonomy/categories.js';
import type { AttributedChange, DiffChange } from './types.js';
import { providerDefault, type DefaultValue } from './defaults.js';
import { sameExpr } from './normalize.js';
import { looksEnvironmentSpecific } from './predicates.js';

export type IgnoreReason = 'provider-default' | 'same-value-parametrized' | 'ideal-weakens-protection' | 'ideal-adds-destroy-blocker';

export interface IgnoredChange {
  change: AttributedChange;
  reason: IgnoreReason;
}

/**
 * Categories whose changes protect something: a change that lowers the protection is the ideal's choice.
 * Not key-policy: an explicit key policy the ideal drops is as often a broken one (locks out the account,
 * malformed) as a protection.
 */
const PROTECTIVE: ReadonlySet<CategoryId> = new Set<CategoryId>(['public-exposure', 'encryption', 'logging', 'monitoring', 'backup-recovery', 'high-availability']);

/** Flags where `true` turns a protection off (or, for destroyability, lets the resource go). */
const INVERTED_FLAGS = /^(publicly_accessible|map_public_ip_on_launch|associate_public_ip_address|skip_final_snapshot|force_destroy|force_delete|force_detach_policies|delete_automated_backups|skip_destroy)$/;
/** Values of status-like arguments that mean "off" / "on". */
const OFF_WORDS = /^(disabled|suspended|passthrough|public-read|public-read-write|authenticated-read|none|off)$/i;
const ON_WORDS = /^(enabled|active|private|on|aws:kms|aws:kms:dsse|aes256)$/i;
/** Arguments whose number is how long a deleted resource lingers (higher: more of a destroy blocker). */
const WINDOW_KEYS = /^(deletion_window_in_days|recovery_window_in_days)$/;

export function triageChanges(
  changes: readonly AttributedChange[],
  configs?: { model: Configuration; ideal: Configuration },
): { kept: AttributedChange[]; ignored: IgnoredChange[] } {
  const kept: AttributedChange[] = [];
  const ignored: IgnoredChange[] = [];
  for (const c of changes) {
    const reason = configs && isSameValueParametrized(c, configs.model, configs.ideal) ? 'same-value-parametrized' : ignoreReason(c);
    if (reason) ignored.push({ change: c, reason });
    else kept.push(c);
  }
  return { kept, ignored };
}

/** Text of one side of a change, for the open-CIDR test. */
const OPEN_TO_WORLD = /(^|[^\d.])0\.0\.0\.0\/0\b|::\/0/;

export function ignoreReason(c: AttributedChange): IgnoreReason | undefined {
  if (isProviderDefaultNoop(c)) return 'provider-default';
  // The ideal opens to the internet what the model kept closed (whatever category it fell in).
  if ((c.kind === 'attribute-changed' || c.kind === 'attribute-added') && c.ideal?.expr && OPEN_TO_WORLD.test(exprToText(c.ideal.expr)) && !(c.model?.expr && OPEN_TO_WORLD.test(exprToText(c.model.expr)))) {
    return 'ideal-weakens-protection';
  }
  if (c.category === 'destroyability') {
    const m = destroyLevel(c, 'model');
    const i = destroyLevel(c, 'ideal');
    if (m !== undefined && i !== undefined && i > m) return 'ideal-adds-destroy-blocker';
    return undefined;
  }
  if (PROTECTIVE.has(c.category)) {
    const m = protectionLevel(c, 'model');
    const i = protectionLevel(c, 'ideal');
    if (m !== undefined && i !== undefined && i < m) return 'ideal-weakens-protection';
  }
  return undefined;
}

// ---- provider defaults ----

function sameAsDefault(e: Expr | undefined, d: DefaultValue): boolean {
  const v = literalValue(e);
  if (v === undefined || v === null) return false;
  return String(v).toLowerCase() === String(d).toLowerCase();
}

/** Every attribute of a nested block (and of its children) holds its provider default. */
function nestedAllDefaults(type: string, path: readonly string[], block: Block): boolean {
  if (!block.attributes.length && !block.blocks.length) return false;
  for (const a of block.attributes) {
    const d = providerDefault(type, [...path, a.name]);
    if (d === undefined || !sameAsDefault(a.expr, d)) return false;
  }
  return block.blocks.every((b) => nestedAllDefaults(type, [...path, b.type], b));
}

/** The ideal adds (or drops) exactly what the provider does anyway. */
export function isProviderDefaultNoop(c: DiffChange): boolean {
  if (c.blockKind !== 'resource') return false;
  switch (c.kind) {
    case 'attribute-added': {
      const d = providerDefault(c.blockType, c.path);
      return d !== undefined && sameAsDefault(c.ideal?.expr, d);
    }
    case 'attribute-removed': {
      const d = providerDefault(c.blockType, c.path);
      return d !== undefined && sameAsDefault(c.model?.expr, d);
    }
    case 'nested-block-added':
      return !!c.ideal?.nested && nestedAllDefaults(c.blockType, c.path, c.ideal.nested);
    case 'nested-block-removed':
      return !!c.model?.nested && nestedAllDefaults(c.blockType, c.path, c.model.nested);
    default:
      return false;
  }
}

// ---- a literal moved into an input ----

/** The expression a `var.x` (its default) or `local.x` reference stands for in a configuration. */
function valueBehind(e: Expr | undefined, config: Configuration): Expr | undefined {
  if (!e || e.kind !== 'reference' || e.parts.length !== 2) return undefined;
  const [scope, name] = e.parts;
  if (scope === 'var') return config.blocks.find((b) => b.kind === 'variable' && b.labels[0] === name)?.attributes.find((a) => a.name === 'default')?.expr;
  if (scope === 'local') {
    for (const b of config.blocks) if (b.kind === 'locals') for (const a of b.attributes) if (a.name === name) return a.expr;
  }
  return undefined;
}

/** One side writes a literal, the other a variable or local holding that same literal: nothing deploys differently. */
export function isSameValueParametrized(c: DiffChange, model: Configuration, ideal: Configuration): boolean {
  if (c.kind !== 'attribute-changed' || !c.model?.expr || !c.ideal?.expr) return false;
  const m = c.model.expr;
  const i = c.ideal.expr;
  // A hard-coded region, account id or AZ is a defect even when the variable's default is the same value.
  if (looksEnvironmentSpecific(m) || looksEnvironmentSpecific(i)) return false;
  const behindIdeal = valueBehind(i, ideal);
  if (behindIdeal && literalValue(m) !== undefined && sameExpr(m, behindIdeal)) return true;
  const behindModel = valueBehind(m, model);
  return !!behindModel && literalValue(i) !== undefined && sameExpr(behindModel, i);
}

// ---- protection levels ----

const lastKey = (c: DiffChange) => c.path[c.path.length - 1] ?? '';

/** 1 when a literal turns the protection of `key` on, 0 when off, undefined when it cannot tell. */
function flagLevel(key: string, e: Expr | undefined): number | undefined {
  const v = literalValue(e);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean' || v === 'true' || v === 'false') {
    const on = v === true || v === 'true';
    return INVERTED_FLAGS.test(key) ? (on ? 0 : 1) : on ? 1 : 0;
  }
  if (typeof v === 'string') {
    if (OFF_WORDS.test(v)) return 0;
    if (ON_WORDS.test(v)) return 1;
  }
  return undefined;
}

/** A nested block protects unless one of its flags says it is off (`point_in_time_recovery { enabled = false }`). */
function nestedLevel(block: Block | undefined): number {
  if (!block) return 0;
  for (const a of block.attributes) if (flagLevel(a.name, a.expr) === 0 && /enabled?$|^status$|^mode$/.test(a.name)) return 0;
  return 1;
}

/**
 * How much protection one side has where the change is: present blocks and arguments protect (1), absent
 * ones do not (0), flags count by value. Undefined when a value is not a literal the table can read.
 */
function protectionLevel(c: DiffChange, which: 'model' | 'ideal'): number | undefined {
  const key = lastKey(c);
  const has = sideHas(c, which);
  switch (c.kind) {
    case 'block-added':
    case 'block-removed':
    case 'moved-file':
      return has ? 1 : 0;
    case 'nested-block-added':
    case 'nested-block-removed':
      return has ? nestedLevel(c[which]?.nested) : 0;
    case 'attribute-added':
    case 'attribute-removed': {
      if (!has) {
        const d = providerDefault(c.blockType, c.path);
        // An absent flag is its default; an absent key, CMK or retention is no protection.
        return d !== undefined ? flagLevel(key, { kind: 'literal', value: d }) : INVERTED_FLAGS.test(key) ? 1 : 0;
      }
      return flagLevel(key, c[which]?.expr) ?? 1;
    }
    case 'attribute-changed':
      return flagLevel(key, c[which]?.expr);
    default:
      return undefined;
  }
}

/** How much one side blocks a clean destroy: a flag (deletion protection on, final snapshot kept) or a window. */
function destroyLevel(c: DiffChange, which: 'model' | 'ideal'): number | undefined {
  const key = lastKey(c);
  const has = sideHas(c, which);
  if (c.kind === 'meta-argument-added' || c.kind === 'meta-argument-removed' || c.kind === 'nested-block-added' || c.kind === 'nested-block-removed') {
    // `lifecycle { prevent_destroy = true }` blocks; a nested block without such a flag says nothing.
    const nested = c[which]?.nested;
    if (!has || !nested) return 0;
    const flag = nested.attributes.find((a) => a.name === 'prevent_destroy');
    return flag ? flagLevel(flag.name, flag.expr) : undefined;
  }
  if (!c.kind.startsWith('attribute')) return undefined;
  const e: Expr | undefined = has ? c[which]?.expr : undefined;
  const d = providerDefault(c.blockType, c.path);
  if (WINDOW_KEYS.test(key)) {
    const v = has ? literalValue(e) : d;
    return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  }
  // The protection level of a destroy flag is how much it blocks: deletion protection on, or an inverted flag
  // (skip_final_snapshot, force_destroy) off. An absent flag is its default, else false.
  return flagLevel(key, has ? e : { kind: 'literal', value: d ?? false });
}

function sideHas(c: DiffChange, which: 'model' | 'ideal'): boolean {
  switch (c.kind) {
    case 'block-added':
    case 'attribute-added':
    case 'nested-block-added':
    case 'meta-argument-added':
    case 'variable-default-added':
      return which === 'ideal';
    case 'block-removed':
    case 'attribute-removed':
    case 'nested-block-removed':
    case 'meta-argument-removed':
    case 'variable-default-removed':
      return which === 'model';
    default:
      return true;
  }
}

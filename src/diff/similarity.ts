/** Content similarity of two blocks of the same type, for rename detection and nested-block pairing. */
import type { Block } from '../model/types.js';
import { exprKey, type RenameMap } from './normalize.js';

function features(block: Block, renames: RenameMap | undefined, prefix: string, names: Set<string>, values: Set<string>): void {
  for (const a of block.attributes) {
    const p = prefix + a.name;
    names.add(p);
    values.add(`${p}=${exprKey(a.expr, renames)}`);
  }
  const seen = new Map<string, number>();
  for (const b of block.blocks) {
    const key = b.type === 'dynamic' ? `dynamic:${b.labels[0] ?? ''}` : b.type;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const p = `${prefix}${key}#${n}.`;
    names.add(`${prefix}${key}{}`);
    features(b, renames, p, names, values);
  }
}

interface Features {
  names: Set<string>;
  values: Set<string>;
  /** Size of the rename map they were built with. */
  renames: number;
}

/**
 * Features per block and rename map: pairing scores every block of a type against every block of the same type,
 * so each block's features were rebuilt once per candidate. Blocks and rename maps do not change during a diff
 * (the map's size guards against one that grew since).
 */
const featureCache = new WeakMap<object, WeakMap<Block, Features>>();
const NO_RENAMES = {};

function featuresOf(block: Block, renames: RenameMap | undefined): Features {
  const key = renames ?? NO_RENAMES;
  let byBlock = featureCache.get(key);
  if (!byBlock) featureCache.set(key, (byBlock = new WeakMap()));
  const size = renames?.size ?? 0;
  let f = byBlock.get(block);
  if (!f || f.renames !== size) {
    f = { names: new Set(), values: new Set(), renames: size };
    features(block, renames, '', f.names, f.values);
    byBlock.set(block, f);
  }
  return f;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** 0..1: weighted overlap of attribute values (most) and attribute/nested-block names. */
export function blockSimilarity(model: Block, ideal: Block, renames?: RenameMap): number {
  const m = featuresOf(model, renames);
  const i = featuresOf(ideal, undefined);
  return 0.6 * jaccard(m.values, i.values) + 0.4 * jaccard(m.names, i.names);
}

/** Word overlap of two names (`lambda_role` vs `lambda_exec_role`), a tie-breaker for renames. */
export function nameSimilarity(a: string, b: string): number {
  const ta = new Set(a.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const tb = new Set(b.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  return jaccard(ta, tb);
}

/** Attribute values both blocks share, ignoring `type` and `description` (shared by chance). */
export function sharedValues(model: Block, ideal: Block, renames?: RenameMap): number {
  const mv = featuresOf(model, renames).values;
  const iv = featuresOf(ideal, undefined).values;
  let n = 0;
  for (const v of mv) if (iv.has(v) && !/^(type|description)=/.test(v)) n++;
  return n;
}

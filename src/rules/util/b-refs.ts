/** Reference-following helpers for catalog B rules: what an expression points at, and who points at a block. */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { allAttributes, attrExpr, blockAddress, referencesIn, referenceTarget, resources, fileByPath, staticString } from '../../model/query.js';
import { sourceLines } from '../../model/lines.js';

/** Resource/data blocks an expression references, optionally of one type, in reference order, without repeats. */
export function referencedBlocks(config: Configuration, expr: Expr | undefined, type?: string): Block[] {
  if (!expr) return [];
  const out: Block[] = [];
  for (const ref of referencesIn(expr)) {
    const target = referenceTarget(ref.parts);
    if (!target) continue;
    const block = config.symbols.get(target)?.block;
    if (!block || out.includes(block)) continue;
    if (type !== undefined && block.labels[0] !== type) continue;
    out.push(block);
  }
  return out;
}

/** True when the expression holds a reference to the block's address. */
export function expressionReferences(expr: Expr | undefined, block: Block): boolean {
  if (!expr) return false;
  const address = blockAddress(block);
  return referencesIn(expr).some((r) => referenceTarget(r.parts) === address);
}

/** True when any attribute (at any depth) of `from` references `to`. */
export function blockReferences(from: Block, to: Block): boolean {
  const address = blockAddress(to);
  return allAttributes(from).some(({ attribute }) => referencesIn(attribute.expr).some((r) => referenceTarget(r.parts) === address));
}

/**
 * Who references what, built once per block list: for every resource, the addresses its attributes reference
 * (anywhere in the body, and per top-level attribute). Rules ask "who points at this bucket" once per bucket; a
 * scan of every resource per question made 4,000 buckets with 4,000 side resources quadratic.
 */
interface ReferrerIndex {
  size: number;
  /** Resource position in `resources(config)`, for answers in configuration order. */
  position: Map<Block, number>;
  /** address → resources referencing it anywhere in their body. */
  anywhere: Map<string, Block[]>;
  /** `${type}\u0000${attribute}\u0000${address}` → resources of the type whose first attribute of that name references it. */
  via: Map<string, Block[]>;
}

const REFERRER_INDEX = new WeakMap<Block[], ReferrerIndex>();

function referrerIndex(config: Configuration): ReferrerIndex {
  const cached = REFERRER_INDEX.get(config.blocks);
  if (cached && cached.size === config.blocks.length) return cached;
  const index: ReferrerIndex = { size: config.blocks.length, position: new Map(), anywhere: new Map(), via: new Map() };
  const add = (map: Map<string, Block[]>, key: string, r: Block): void => {
    const list = map.get(key);
    if (!list) map.set(key, [r]);
    else if (list[list.length - 1] !== r) list.push(r);
  };
  resources(config).forEach((r, i) => {
    index.position.set(r, i);
    for (const { attribute } of allAttributes(r)) {
      for (const ref of referencesIn(attribute.expr)) {
        const target = referenceTarget(ref.parts);
        if (target) add(index.anywhere, target, r);
      }
    }
    const firstOfName = new Set<string>();
    for (const a of r.attributes) {
      if (firstOfName.has(a.name)) continue;
      firstOfName.add(a.name);
      for (const ref of referencesIn(a.expr)) {
        const target = referenceTarget(ref.parts);
        if (target) add(index.via, `${r.labels[0] ?? ''}\u0000${a.name}\u0000${target}`, r);
      }
    }
  });
  REFERRER_INDEX.set(config.blocks, index);
  return index;
}

/** Resources (optionally of one type) that reference the block anywhere in their body. */
export function referrers(config: Configuration, block: Block, type?: string): Block[] {
  const found = referrerIndex(config).anywhere.get(blockAddress(block)) ?? [];
  return found.filter((r) => r !== block && (type === undefined || r.labels[0] === type));
}

/** Resources (optionally of one type) whose named attribute references the block. */
export function referrersVia(config: Configuration, block: Block, type: string, attribute: string): Block[] {
  return (referrerIndex(config).via.get(`${type}\u0000${attribute}\u0000${blockAddress(block)}`) ?? []).slice();
}

/** Resources of a type by the static string of one argument, built once per block list, type and argument. */
const BY_STATIC_VALUE = new WeakMap<Block[], { size: number; byKey: Map<string, Map<string, Block[]>> }>();

/** Resources of `type` by the static string of their `attribute` (`bucket = "logs"`): who names a block instead of referencing it. */
export function resourcesByStaticValue(config: Configuration, type: string, attribute: string): Map<string, Block[]> {
  let cache = BY_STATIC_VALUE.get(config.blocks);
  if (!cache || cache.size !== config.blocks.length) {
    cache = { size: config.blocks.length, byKey: new Map() };
    BY_STATIC_VALUE.set(config.blocks, cache);
  }
  const key = `${type}\u0000${attribute}`;
  let byValue = cache.byKey.get(key);
  if (!byValue) {
    byValue = new Map();
    for (const r of resources(config, type)) {
      const value = staticString(attrExpr(r, attribute));
      if (value === undefined) continue;
      const list = byValue.get(value);
      if (list) list.push(r);
      else byValue.set(value, [r]);
    }
    cache.byKey.set(key, byValue);
  }
  return byValue;
}

/** Resources of the configuration in configuration order, without repeats. */
export function inConfigurationOrder(config: Configuration, blocks: Iterable<Block>): Block[] {
  const position = referrerIndex(config).position;
  return [...new Set(blocks)].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

/** The source text of a block, from the configuration's files. */
export function blockText(config: Configuration, block: Block): string {
  const file = fileByPath(config.files, block.span.file);
  if (!file) return '';
  const lines = sourceLines(file.content);
  return lines.slice(block.span.line - 1, block.span.endLine).join('\n');
}

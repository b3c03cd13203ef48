/** Reference-following helpers for catalog B rules: what an expression points at, and who points at a block. */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { allAttributes, blockAddress, referencesIn, referenceTarget, resources } from '../../model/query.js';
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

/** Resources (optionally of one type) that reference the block anywhere in their body. */
export function referrers(config: Configuration, block: Block, type?: string): Block[] {
  return resources(config, type).filter((r) => r !== block && blockReferences(r, block));
}

/** Resources (optionally of one type) whose named attribute references the block. */
export function referrersVia(config: Configuration, block: Block, type: string, attribute: string): Block[] {
  return resources(config, type).filter((r) => {
    const a = r.attributes.find((x) => x.name === attribute);
    return a ? expressionReferences(a.expr, block) : false;
  });
}

/** The source text of a block, from the configuration's files. */
export function blockText(config: Configuration, block: Block): string {
  const file = config.files.find((f) => f.path === block.span.file);
  if (!file) return '';
  const lines = sourceLines(file.content);
  return lines.slice(block.span.line - 1, block.span.endLine).join('\n');
}

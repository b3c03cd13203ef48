/** Literal string pieces of the blocks where hard-coded environment values matter (not variables or providers). */
import type { Block, Configuration } from '../../model/types.js';
import { allAttributes, walkExpr } from '../../model/query.js';

const KINDS = new Set<Block['kind']>(['resource', 'data', 'locals', 'module', 'output']);

export interface LiteralHit {
  block: Block;
  attribute: string;
  text: string;
}

export function literalStrings(config: Configuration): LiteralHit[] {
  const out: LiteralHit[] = [];
  for (const block of config.blocks) {
    if (!KINDS.has(block.kind)) continue;
    for (const { path, attribute } of allAttributes(block)) {
      walkExpr(attribute.expr, (e) => {
        if (e.kind === 'literal' && typeof e.value === 'string') out.push({ block, attribute: path.join('.'), text: e.value });
      });
    }
  }
  return out;
}

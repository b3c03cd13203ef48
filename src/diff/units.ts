/**
 * The units the diff matches: top-level blocks, except that each local value counts as its own unit
 * (a `locals` block is a file-level container; its entries are what a fix adds, renames or changes).
 */
import type { Block, Configuration } from '../model/types.js';
import { blockAddress } from '../model/query.js';

export function diffUnits(config: Configuration): Block[] {
  const out: Block[] = [];
  for (const b of config.blocks) {
    if (b.kind === 'locals') {
      for (const a of b.attributes) {
        out.push({ kind: 'locals', type: 'locals', labels: [a.name], attributes: [a], blocks: [], span: a.span });
      }
    } else out.push(b);
  }
  return out;
}

/** `local.x` for a flattened local, else the model's block address. */
export function unitAddress(b: Block): string {
  if (b.kind === 'locals' && b.labels.length === 1) return `local.${b.labels[0]}`;
  if (b.kind === 'terraform' || b.kind === 'locals') return b.kind;
  return blockAddress(b);
}

/** Resource/data type, provider name, or the block keyword: what a block "is", independent of its name. */
export function unitType(b: Block): string {
  if (b.kind === 'resource' || b.kind === 'data' || b.kind === 'provider') return b.labels[0] ?? b.type;
  // Unknown top-level blocks (and the `tfvars` pseudo-block of top-level attributes) are told apart by keyword.
  if (b.kind === 'unknown') return b.type;
  return b.kind;
}

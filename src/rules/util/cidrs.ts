/** Addresses meaning "anywhere" in security group, NACL and route rules. */
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, staticString } from '../../model/query.js';
import { resolvedString } from './b-resolve.js';

/** The IPv4 and IPv6 ranges of the whole internet. */
export const WORLD_CIDRS: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/** Whether any of the block's CIDR arguments (a string or a list, inputs and locals resolved) is the whole internet. */
export function worldOpen(config: Configuration, block: Block, keys: string[]): boolean {
  return keys.some((k) => {
    const e = attrExpr(block, k);
    if (!e) return false;
    const items = e.kind === 'tuple' ? e.items : [e];
    return items.some((i) => WORLD_CIDRS.has(resolvedString(config, i) ?? staticString(i) ?? ''));
  });
}

/**
 * Pairs top-level units of the model and the ideal: first by address (kind + type + name), then what is
 * left by kind, type and content, so a renamed resource is one change and not a removal plus an addition.
 * Files do not take part in matching; moves between files are reported by the change builder.
 */
import type { Block } from '../model/types.js';
import type { BlockMatch } from './types.js';
import { unitAddress, unitType } from './units.js';
import { canonicalResourceType } from '../model/names.js';
import { blockSimilarity, nameSimilarity, sharedValues } from './similarity.js';

export interface MatchResult {
  matches: BlockMatch[];
  unmatchedModel: Block[];
  unmatchedIdeal: Block[];
  /** Model address → ideal address for blocks matched by similarity under another name. */
  renames: Map<string, string>;
}

/** Lowest content similarity that counts as "the same block, renamed". */
export const RENAME_THRESHOLD = 0.5;
/** When a type has exactly one leftover on each side, weaker evidence suffices. */
export const RENAME_THRESHOLD_SINGLE = 0.3;

export function matchBlocks(modelUnits: Block[], idealUnits: Block[]): MatchResult {
  const matches: BlockMatch[] = [];
  const usedModel = new Set<number>();
  const usedIdeal = new Set<number>();

  // 1. Same address. Duplicates (several `terraform` blocks) pair by content.
  const byAddress = new Map<string, { m: number[]; i: number[] }>();
  const slot = (addr: string) => {
    let s = byAddress.get(addr);
    if (!s) byAddress.set(addr, (s = { m: [], i: [] }));
    return s;
  };
  modelUnits.forEach((b, idx) => slot(unitAddress(b)).m.push(idx));
  idealUnits.forEach((b, idx) => slot(unitAddress(b)).i.push(idx));
  for (const { m, i } of byAddress.values()) {
    if (!m.length || !i.length) continue;
    // One block on each side pairs whatever its similarity (never below the -1 threshold): no need to score it.
    const pairs = m.length === 1 && i.length === 1 ? [[m[0]!, i[0]!] as const] : greedyPairs(m, i, (a, b) => blockSimilarity(modelUnits[a]!, idealUnits[b]!), -1);
    for (const [mi, ii] of pairs) {
      matches.push({ model: modelUnits[mi]!, ideal: idealUnits[ii]!, by: 'address' });
      usedModel.add(mi);
      usedIdeal.add(ii);
    }
  }

  // 2. Leftovers of the same kind and type, by content.
  const renames = new Map<string, string>();
  const groups = new Map<string, { m: number[]; i: number[] }>();
  const group = (b: Block) => {
    // Both names of one resource (`aws_alb` and `aws_lb`) are one type: the same load balancer under the other name
    // is a rename, not a removal and an addition.
    const key = `${b.kind}\u0000${b.kind === 'resource' ? canonicalResourceType(unitType(b)) : unitType(b)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { m: [], i: [] }));
    return g;
  };
  modelUnits.forEach((b, idx) => {
    if (!usedModel.has(idx)) group(b).m.push(idx);
  });
  idealUnits.forEach((b, idx) => {
    if (!usedIdeal.has(idx)) group(b).i.push(idx);
  });
  for (const { m, i } of groups.values()) {
    if (!m.length || !i.length) continue;
    const threshold = m.length === 1 && i.length === 1 ? RENAME_THRESHOLD_SINGLE : RENAME_THRESHOLD;
    const score = (a: number, b: number) => {
      const mb = modelUnits[a]!;
      const ib = idealUnits[b]!;
      const names = nameSimilarity(mb.labels.join('_'), ib.labels.join('_'));
      // Same type alone is no evidence: a rename keeps some value or some word of the name.
      if (names < 0.5 && sharedValues(mb, ib) === 0) return -1;
      return blockSimilarity(mb, ib) + 0.15 * names;
    };
    for (const [mi, ii] of greedyPairs(m, i, score, threshold)) {
      const mb = modelUnits[mi]!;
      const ib = idealUnits[ii]!;
      matches.push({ model: mb, ideal: ib, by: 'similarity' });
      usedModel.add(mi);
      usedIdeal.add(ii);
      const from = unitAddress(mb);
      const to = unitAddress(ib);
      if (from !== to) renames.set(from, to);
    }
  }

  matches.sort((a, b) => modelUnits.indexOf(a.model) - modelUnits.indexOf(b.model));
  return {
    matches,
    unmatchedModel: modelUnits.filter((_, idx) => !usedModel.has(idx)),
    unmatchedIdeal: idealUnits.filter((_, idx) => !usedIdeal.has(idx)),
    renames,
  };
}

/**
 * Greedy best-first pairing of two index lists by score (ties: original order). Pairs below `threshold`
 * are not made. Deterministic.
 */
export function greedyPairs(a: number[], b: number[], score: (x: number, y: number) => number, threshold: number): [number, number][] {
  const cands: { x: number; y: number; s: number; order: number }[] = [];
  a.forEach((x, xi) =>
    b.forEach((y, yi) => {
      // Position agreement breaks ties, so equal-content duplicates pair in order.
      cands.push({ x, y, s: score(x, y), order: Math.abs(xi - yi) });
    }),
  );
  cands.sort((p, q) => q.s - p.s || p.order - q.order || p.x - q.x || p.y - q.y);
  const ux = new Set<number>();
  const uy = new Set<number>();
  const out: [number, number][] = [];
  for (const c of cands) {
    if (c.s < threshold) break;
    if (ux.has(c.x) || uy.has(c.y)) continue;
    ux.add(c.x);
    uy.add(c.y);
    out.push([c.x, c.y]);
  }
  return out;
}

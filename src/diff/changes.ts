/**
 * The change list of one matched pair of blocks: attributes added/removed/changed, nested blocks
 * added/removed/changed (paired by type, then content and order), meta-arguments, variable defaults.
 * Expressions compare in canonical form (see normalize.ts), so reformatting is not a change.
 */
import type { Attribute, Block, Configuration, SourceSpan } from '../model/types.js';
import type { ChangeKind, ChangeSide, DiffChange } from './types.js';
import { sameExpr, type RenameMap } from './normalize.js';
import { blockSimilarity } from './similarity.js';
import { greedyPairs } from './match.js';
import { spanText } from './snippet.js';
import { unitAddress, unitType } from './units.js';

/** Meta-arguments Terraform defines on every resource/module; a change to one is its own kind. */
export const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers', 'lifecycle']);

export interface PairContext {
  model: Configuration;
  ideal: Configuration;
  /** Model address → ideal address of renamed blocks; model references are read through it. */
  renames: RenameMap;
}

export function side(
  config: Configuration,
  block: Block,
  span: SourceSpan = block.span,
  extra: Partial<Pick<ChangeSide, 'attribute' | 'nested' | 'expr'>> = {},
): ChangeSide {
  return { block, address: unitAddress(block), span, snippet: spanText(config, span), ...extra };
}

export function blockChange(kind: ChangeKind, ctx: PairContext, model?: Block, ideal?: Block): DiffChange {
  const ref = (model ?? ideal)!;
  return {
    kind,
    blockKind: ref.kind,
    blockType: unitType(ref),
    address: unitAddress(ref),
    path: [],
    ...(model ? { model: side(ctx.model, model) } : {}),
    ...(ideal ? { ideal: side(ctx.ideal, ideal) } : {}),
  };
}

/**
 * An ideal block that elides content (`# ... other configuration ...`) shows only part of the block:
 * what it leaves out is not a removal.
 */
export function elidesContent(config: Configuration, block: Block): boolean {
  const text = spanText(config, block.span, 10_000);
  return commentElides(text) || /^[^\S\n]*\.\.\.[^\S\n]*$/m.test(text);
}

/** Comment words that say the surrounding code is left out ("rest of the file unchanged", "existing resources"). */
const ELISION_WORDS = /\b(rest of|remainder of|unchanged|same as (before|above)|existing (code|config|configuration|resources|blocks))\b/i;

/** A comment with `...`/`…` (or elision words) after it on its line. A scan per line: the regex form backtracked quadratically. */
function commentElides(text: string): boolean {
  for (const line of text.split('\n')) {
    const open = /#|\/\/|\/\*/.exec(line);
    if (!open) continue;
    if (line.includes('...', open.index + 1) || line.includes('…', open.index + 1)) return true;
    if (ELISION_WORDS.test(line.slice(open.index + 1))) return true;
  }
  return false;
}

/** A whole ideal file that elides content: what it does not show is not a removal. */
export function fileElides(text: string): boolean {
  return commentElides(text) || /^[^\S\n]*\.\.\.[^\S\n]*$/m.test(text);
}

/** Changes inside one matched pair of top-level blocks. */
export function pairChanges(modelTop: Block, idealTop: Block, ctx: PairContext): DiffChange[] {
  const out: DiffChange[] = [];
  const suppressRemovals = elidesContent(ctx.ideal, idealTop);
  const base = {
    blockKind: modelTop.kind,
    blockType: unitType(modelTop),
    address: unitAddress(modelTop),
  };
  const emit = (kind: ChangeKind, path: string[], model: ChangeSide | undefined, ideal: ChangeSide | undefined) => {
    out.push({ ...base, kind: refineKind(kind, path, modelTop), path, ...(model ? { model } : {}), ...(ideal ? { ideal } : {}) });
  };

  const walk = (m: Block, i: Block, path: string[]) => {
    // Attributes, model order first, then the ideal's new ones.
    const mAttrs = new Map(m.attributes.map((a) => [a.name, a] as const));
    const iAttrs = new Map(i.attributes.map((a) => [a.name, a] as const));
    const attrSide = (cfg: Configuration, top: Block, a: Attribute) => side(cfg, top, a.span, { attribute: a, expr: a.expr });
    for (const a of m.attributes) {
      const other = iAttrs.get(a.name);
      if (other) {
        if (!sameExpr(a.expr, other.expr, ctx.renames)) {
          emit('attribute-changed', [...path, a.name], attrSide(ctx.model, modelTop, a), attrSide(ctx.ideal, idealTop, other));
        }
      } else if (!suppressRemovals) {
        emit('attribute-removed', [...path, a.name], attrSide(ctx.model, modelTop, a), side(ctx.ideal, idealTop, i.span, { nested: i }));
      }
    }
    for (const a of i.attributes) {
      if (mAttrs.has(a.name)) continue;
      emit('attribute-added', [...path, a.name], side(ctx.model, modelTop, m.span, { nested: m }), attrSide(ctx.ideal, idealTop, a));
    }

    // Nested blocks, grouped by type (dynamic blocks by the type they generate).
    const keyOf = (b: Block) => (b.type === 'dynamic' ? `dynamic:${b.labels[0] ?? ''}` : b.type);
    const keys: string[] = [];
    for (const b of [...m.blocks, ...i.blocks]) if (!keys.includes(keyOf(b))) keys.push(keyOf(b));
    for (const key of keys) {
      const mb = m.blocks.filter((b) => keyOf(b) === key);
      const ib = i.blocks.filter((b) => keyOf(b) === key);
      // One block on each side pairs whatever its similarity (never below the -1 threshold): no need to score it.
      const pairs: [number, number][] =
        mb.length === 1 && ib.length === 1
          ? [[0, 0]]
          : greedyPairs(
              mb.map((_, k) => k),
              ib.map((_, k) => k),
              (x, y) => blockSimilarity(mb[x]!, ib[y]!, ctx.renames),
              -1,
            );
      const pm = new Set(pairs.map((p) => p[0]));
      const pi = new Set(pairs.map((p) => p[1]));
      const type = (mb[0] ?? ib[0])!.type;
      const childPath = [...path, type === 'dynamic' ? `dynamic.${key.slice('dynamic:'.length)}` : type];
      for (const [x, y] of pairs.sort((p, q) => p[0] - q[0])) {
        const mc = mb[x]!;
        const ic = ib[y]!;
        const labelsDiffer = mc.type !== 'dynamic' && mc.labels.join('\u0000') !== ic.labels.join('\u0000');
        // CDKTF: `[{...}]` where the provider wants `{...}` (or the reverse) is a nesting change.
        const formDiffers = !!mc.form && !!ic.form && mc.form !== ic.form;
        if (labelsDiffer || formDiffers) {
          emit('nested-block-changed', childPath, side(ctx.model, modelTop, mc.span, { nested: mc }), side(ctx.ideal, idealTop, ic.span, { nested: ic }));
        }
        walk(mc, ic, childPath);
      }
      if (!suppressRemovals) {
        mb.forEach((mc, k) => {
          if (!pm.has(k)) emit('nested-block-removed', childPath, side(ctx.model, modelTop, mc.span, { nested: mc }), side(ctx.ideal, idealTop, i.span, { nested: i }));
        });
      }
      ib.forEach((ic, k) => {
        if (!pi.has(k)) emit('nested-block-added', childPath, side(ctx.model, modelTop, m.span, { nested: m }), side(ctx.ideal, idealTop, ic.span, { nested: ic }));
      });
    }
  };
  walk(modelTop, idealTop, []);
  return out;
}

/** Meta-arguments and variable defaults get their own kinds, so heuristics and readers can tell them apart. */
function refineKind(kind: ChangeKind, path: string[], top: Block): ChangeKind {
  const head = path[0];
  if (head && META_ARGUMENTS.has(head) && (top.kind === 'resource' || top.kind === 'data' || top.kind === 'module')) {
    if (kind === 'attribute-added' || kind === 'nested-block-added') return path.length === 1 ? 'meta-argument-added' : 'meta-argument-changed';
    if (kind === 'attribute-removed' || kind === 'nested-block-removed') return path.length === 1 ? 'meta-argument-removed' : 'meta-argument-changed';
    return 'meta-argument-changed';
  }
  if (top.kind === 'variable' && path.length === 1 && head === 'default') {
    if (kind === 'attribute-added') return 'variable-default-added';
    if (kind === 'attribute-removed') return 'variable-default-removed';
  }
  return kind;
}

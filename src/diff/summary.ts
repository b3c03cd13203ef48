/**
 * One sentence per change: what the ideal does, where, and what the model has instead. Values are shown
 * whole or not at all: a value too long for one line is left to the snippets, never cut mid-expression.
 */
import type { Block } from '../model/types.js';
import { exprToText } from '../model/query.js';
import { activeSchema } from '../schema/index.js';
import type { BlockSchema } from '../schema/types.js';
import type { DiffChange } from './types.js';
import { sameExpr } from './normalize.js';

/** Longest value written into a sentence. */
const MAX_VALUE = 80;
/** Names listed in a sentence about a run of added or removed blocks. */
const MAX_NAMES = 8;

/** `name = ` / `name: ` at the start of a one-line argument. */
const ARGUMENT_HEAD = /^\s*["']?[\w-]+["']?\s*[=:]/;

/** The value of a one-line `name = value` / `name: value,` as written. */
function writtenValue(line: string): string | undefined {
  const head = ARGUMENT_HEAD.exec(line);
  if (!head) return undefined;
  let value = line.slice(head[0].length).trim();
  if (value.endsWith(',')) value = value.slice(0, -1).trimEnd();
  return withoutComment(value);
}

/** A trailing `# ...` / `// ...` comment cut off, unless the marker may sit inside a string. */
function withoutComment(text: string): string | undefined {
  let at = -1;
  for (let k = 1; k < text.length; k++) {
    if (/\s/.test(text[k - 1]!) && (text[k] === '#' || (text[k] === '/' && text[k + 1] === '/'))) {
      at = k;
      break;
    }
  }
  if (at < 0) return text;
  const before = text.slice(0, at).trimEnd();
  // An odd number of quotes before the marker: it is inside a string, keep nothing (the caller falls back).
  return (before.match(/"/g)?.length ?? 0) % 2 === 0 && (before.match(/'/g)?.length ?? 0) % 2 === 0 ? before : undefined;
}

/**
 * The value as written in the response when the argument fits on one line (quotes and all), else the
 * expression rendered back; undefined when too long or when rendering would lose part of it (`[?]`).
 */
function valueText(c: DiffChange, which: 'model' | 'ideal'): string | undefined {
  const s = c[which];
  const e = s?.expr;
  if (!s || !e) return undefined;
  const written = s.attribute && !s.snippet.includes('\n') ? writtenValue(s.snippet) : undefined;
  const text = written || exprToText(e);
  if (text.includes('[?]') || text.includes('(?)')) return undefined;
  return text.length <= MAX_VALUE && !text.includes('\n') ? text : undefined;
}

/** `enabled = true` of a small nested block, for "adds `point_in_time_recovery { enabled = true }`". */
function inlineBlock(b: Block | undefined): string | undefined {
  if (!b || b.blocks.length || b.attributes.length > 2) return undefined;
  const parts = b.attributes.map((a) => `${a.name} = ${exprToText(a.expr)}`);
  const text = parts.length ? `{ ${parts.join(', ')} }` : '{ }';
  return text.length <= MAX_VALUE && !text.includes('\n') ? text : undefined;
}

function describeBlock(c: DiffChange, address = c.address): string {
  switch (c.blockKind) {
    case 'resource':
      return `resource ${address}`;
    case 'data':
      return `data source ${address}`;
    case 'variable':
      return `variable ${address.replace(/^var\./, '')}`;
    case 'locals':
      return `local ${address.replace(/^local\./, '')}`;
    case 'output':
      return `output ${address.replace(/^output\./, '')}`;
    default:
      return `${c.blockKind} block ${address}`;
  }
}

/** One sentence: what the ideal does differently from the model, and where. */
export function summarize(c: DiffChange): string {
  const where = c.path.join('.');
  const on = c.address;
  const mv = valueText(c, 'model');
  const iv = valueText(c, 'ideal');
  switch (c.kind) {
    case 'block-added':
      return `The ideal adds ${describeBlock(c)}; the model has no such block.`;
    case 'block-removed':
      return `The ideal removes ${describeBlock(c)}, which the model declares.`;
    case 'block-renamed':
      return `The ideal renames ${c.model!.address} to ${c.ideal!.address}.`;
    case 'moved-file':
      return `The ideal moves ${on} from ${c.model!.span.file} to ${c.ideal!.span.file}.`;
    case 'meta-argument-added': {
      const inner = c.ideal?.expr ? undefined : inlineBlock(c.ideal?.nested);
      if (inner) return `The ideal sets \`${where} ${inner}\` on ${on}; the model has none.`;
      return iv !== undefined ? `The ideal sets \`${where} = ${iv}\` on ${on}; the model leaves it unset.` : `The ideal sets \`${where}\` on ${on}; the model leaves it unset.`;
    }
    case 'attribute-added':
      return iv !== undefined ? `The ideal sets \`${where} = ${iv}\` on ${on}; the model leaves it unset.` : `The ideal sets \`${where}\` on ${on}; the model leaves it unset.`;
    case 'variable-default-added':
      return iv !== undefined
        ? `The ideal gives ${describeBlock(c)} the default ${iv}; the model's has none, so a plan stops to ask for it.`
        : `The ideal gives ${describeBlock(c)} a default; the model's has none, so a plan stops to ask for it.`;
    case 'attribute-removed':
      return mv !== undefined ? `The model sets \`${where} = ${mv}\` on ${on}; the ideal leaves it out.` : `The model sets \`${where}\` on ${on}; the ideal leaves it out.`;
    case 'meta-argument-removed': {
      const inner = c.model?.expr ? undefined : inlineBlock(c.model?.nested);
      if (inner) return `The model sets \`${where} ${inner}\` on ${on}; the ideal leaves it out.`;
      return mv !== undefined ? `The model sets \`${where} = ${mv}\` on ${on}; the ideal leaves it out.` : `The model sets \`${where}\` on ${on}; the ideal leaves it out.`;
    }
    case 'variable-default-removed':
      return `The model gives ${describeBlock(c)} a default${mv !== undefined ? ` (${mv})` : ''}; the ideal leaves it without one.`;
    case 'attribute-changed':
    case 'meta-argument-changed':
      // The same text on both sides: what differs is what it reads (a local or const the ideal defines otherwise).
      if (mv !== undefined && mv === iv) return `\`${where} = ${iv}\` on ${on} reads a value the ideal defines differently.`;
      if (mv !== undefined && iv !== undefined) return `The ideal sets \`${where} = ${iv}\` on ${on}; the model has ${mv}.`;
      return `The ideal writes \`${where}\` on ${on} differently from the model (see the snippets).`;
    case 'nested-block-added': {
      const inner = inlineBlock(c.ideal?.nested);
      return inner ? `The ideal adds \`${where} ${inner}\` to ${on}; the model has none.` : `The ideal adds a \`${where}\` block to ${on}; the model has none.`;
    }
    case 'nested-block-removed': {
      const inner = inlineBlock(c.model?.nested);
      return inner ? `The model has \`${where} ${inner}\` on ${on}; the ideal leaves it out.` : `The model has a \`${where}\` block on ${on}; the ideal leaves it out.`;
    }
    case 'nested-block-changed': {
      const m = c.model?.nested;
      const i = c.ideal?.nested;
      if (m?.form && i?.form && m.form !== i.form) return `The model writes \`${where}\` on ${on} as ${m.form === 'array-item' ? 'a list' : 'one object'}; the provider wants ${i.form === 'array-item' ? 'a list' : 'one object'}, as the ideal writes it.`;
      return `The ideal uses \`${where} "${i?.labels.join(' ') ?? ''}"\` on ${on}; the model has "${m?.labels.join(' ') ?? ''}".`;
    }
  }
}

/** The schema of a nested path of a resource type, when the bundled schema knows it. */
function schemaAt(type: string, path: readonly string[]): BlockSchema | undefined {
  let block: BlockSchema | undefined;
  try {
    block = activeSchema().resource(type);
  } catch {
    return undefined;
  }
  for (const p of path) block = block?.blocks[p]?.block;
  return block;
}

/** A model argument removed and an ideal argument added beside it with the same value: one rename. */
function renamePair(c: DiffChange, group: readonly DiffChange[], used: Set<DiffChange>): [DiffChange, DiffChange] | undefined {
  if (c.kind !== 'attribute-removed' && c.kind !== 'attribute-added') return undefined;
  const want = c.kind === 'attribute-removed' ? 'attribute-added' : 'attribute-removed';
  const parent = c.path.slice(0, -1).join('.');
  const valueOf = (o: DiffChange) => (o.kind === 'attribute-removed' ? o.model?.expr : o.ideal?.expr);
  const mine = valueOf(c);
  if (!mine) return undefined;
  const twin = group.find((o) => !used.has(o) && o.kind === want && o.address === c.address && o.path.slice(0, -1).join('.') === parent && !!valueOf(o) && sameExpr(mine, valueOf(o)!));
  if (!twin) return undefined;
  return c.kind === 'attribute-removed' ? [c, twin] : [twin, c];
}

/**
 * Sentences for a finding's changes, in order. Two shapes read better together:
 *  - a model argument the ideal writes under another name with the same value is one rename, and when the
 *    provider schema does not know the model's name, it says so (`maximum_event_age` is not an argument);
 *  - a run of blocks of one kind the ideal adds (or removes) is one sentence naming them.
 */
export function groupSentence(group: readonly DiffChange[]): string[] {
  const used = new Set<DiffChange>();
  const out: string[] = [];
  for (const c of group) {
    if (used.has(c)) continue;
    const pair = renamePair(c, group, used);
    if (pair) {
      const [removed, added] = pair;
      used.add(removed).add(added);
      const from = removed.path.join('.');
      const to = added.path[added.path.length - 1]!;
      const name = removed.path[removed.path.length - 1]!;
      const schema = removed.blockKind === 'resource' ? schemaAt(removed.blockType, removed.path.slice(0, -1)) : undefined;
      out.push(
        schema && !(name in schema.attributes) && !(name in schema.blocks)
          ? `\`${from}\` is not an argument of ${removed.blockType}; the ideal uses \`${to}\` (on ${removed.address}).`
          : `The ideal renames \`${from}\` to \`${to}\` on ${removed.address}.`,
      );
      continue;
    }
    if (c.kind === 'block-added' || c.kind === 'block-removed') {
      const run = group.filter((o) => !used.has(o) && o.kind === c.kind && o.blockKind === c.blockKind && (o.blockKind !== 'resource' || o.blockType === c.blockType));
      if (run.length > 1) {
        for (const o of run) used.add(o);
        const names = run.map((o) => o.address.replace(/^(var|local|output)\./, ''));
        const listed = names.slice(0, MAX_NAMES).join(', ') + (names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : '');
        const what = c.blockKind === 'resource' ? `${run.length} ${c.blockType} resources` : `${run.length} ${c.blockKind === 'data' ? 'data sources' : c.blockKind === 'locals' ? 'locals' : `${c.blockKind}s`}`;
        out.push(c.kind === 'block-added' ? `The ideal adds ${what} (${listed}); the model has none of them.` : `The ideal removes ${what} (${listed}) that the model declares.`);
        continue;
      }
    }
    used.add(c);
    // An attributed change carries its sentence (policy changes name their actions); a bare one is summarized.
    out.push('summary' in c && typeof c.summary === 'string' ? c.summary : summarize(c));
  }
  return out;
}

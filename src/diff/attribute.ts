/**
 * Attributes every diff change to a failure category (with severity and fix class) using the heuristic
 * tables in heuristics.ts. Nothing is dropped: what no heuristic explains is `misconfiguration`, low,
 * with heuristic id `fallback`.
 */
import type { CategoryId, Severity } from '../taxonomy/categories.js';
import { categoryInfo } from '../taxonomy/categories.js';
import { exprToText } from '../model/query.js';
import type { AttributedChange, DiffChange } from './types.js';
import { GENERIC_KEYWORDS, HEURISTICS, KEYWORD_CATEGORIES, TYPE_CATEGORIES, type Heuristic, type KeywordCategory } from './heuristics.js';
import {
  literalToReference,
  modelLacksType,
  promptMentionsService,
  type AttributionContext,
} from './predicates.js';

export const FALLBACK_HEURISTIC = 'fallback';

interface Decision {
  id: string;
  category: CategoryId;
  severity: Severity;
  title: string;
}

/** Titles of decisions, by heuristic id, for the finding builder. */
const TITLES = new Map<string, string>();
for (const h of HEURISTICS) TITLES.set(h.id, h.title);
for (const k of [...KEYWORD_CATEGORIES, ...GENERIC_KEYWORDS]) TITLES.set(k.id, k.title);
for (const t of TYPE_CATEGORIES) TITLES.set(t.id, t.title);

export function heuristicTitle(id: string): string | undefined {
  return TITLES.get(id) ?? GENERIC_TITLES[id];
}

const GENERIC_TITLES: Record<string, string> = {
  'missing-resource-prompt': 'Resource the task asks for is missing',
  'missing-resource-type': 'Resource type missing from the model',
  'literal-to-reference': 'Hard-coded value replaced by a reference',
  'variable-added': 'Hard-coded value made an input',
  'renamed': 'Block renamed',
  'kw-name': 'Declaration changed',
  fallback: 'Configuration differs from the ideal',
};

function matches(h: Heuristic, c: DiffChange, x: AttributionContext): boolean {
  if (h.kinds && !h.kinds.includes(c.kind)) return false;
  if (h.blockKinds && !h.blockKinds.includes(c.blockKind)) return false;
  if (h.type && !h.type.test(c.blockType)) return false;
  if (h.key && !c.path.some((p) => h.key!.test(p))) return false;
  if (h.when && !h.when(c, x)) return false;
  return true;
}

/** Name-like keys for block-level changes of variables, locals and outputs: their own name. */
function keysOf(c: DiffChange): string[] {
  // An added or removed nested block is explained by what it holds (`root_block_device { encrypted = true }`).
  const nested = c.kind === 'nested-block-added' ? c.ideal?.nested : c.kind === 'nested-block-removed' ? c.model?.nested : undefined;
  const inner = nested ? [...nested.attributes.map((a) => a.name), ...nested.blocks.map((b) => b.type)] : [];
  const keys = [...[...c.path].reverse(), ...inner];
  // A variable's, local's or output's own name says what it is for (`log_retention_days`, `kmsKeyArn`).
  if (c.blockKind === 'variable' || c.blockKind === 'locals' || c.blockKind === 'output' || c.blockKind === 'module') {
    keys.push(c.address.replace(/^(var|local|output|module)\./, ''));
  }
  // A module says what it is through its source (`terraform-aws-modules/vpc/aws`).
  if (c.blockKind === 'module') {
    const source = (c.ideal ?? c.model)?.block.attributes.find((a) => a.name === 'source')?.expr;
    const text = source?.kind === 'literal' && typeof source.value === 'string' ? source.value : '';
    keys.push(...text.split(/[/_.-]+/).filter((w) => w.length > 2 && !/^(terraform|aws|modules?|git|https?|github|com)$/.test(w)));
  }
  return keys.map(snakeCase);
}

/** CDKTF names are camelCase; the keyword tables are written for snake_case. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]{1,64})([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

export function decide(c: DiffChange, x: AttributionContext): Decision {
  for (const h of HEURISTICS) {
    if (matches(h, c, x)) return { id: h.id, category: h.category, severity: h.severity, title: h.title };
  }
  if (c.kind === 'block-renamed') return { id: 'renamed', category: 'naming', severity: 'low', title: GENERIC_TITLES['renamed']! };
  const blockLevel = c.kind === 'block-added' || c.kind === 'block-removed';
  // A resource's own type says more about an added/removed block than the names inside it.
  if (blockLevel && (c.blockKind === 'resource' || c.blockKind === 'data')) {
    const t = typeDecision(c);
    if (t) return t;
  }
  const kw = keywordDecision(c, KEYWORD_CATEGORIES);
  if (kw) return kw;
  const t = typeDecision(c);
  if (t) return t;
  const generic = keywordDecision(c, GENERIC_KEYWORDS);
  if (generic) return generic;

  if (c.kind === 'block-added' && c.blockKind === 'resource') {
    if (promptMentionsService(c.blockType, x.prompt)) {
      return { id: 'missing-resource-prompt', category: 'missing-resource', severity: modelLacksType(c.blockType, x) ? 'high' : 'medium', title: GENERIC_TITLES['missing-resource-prompt']! };
    }
    if (modelLacksType(c.blockType, x)) {
      return { id: 'missing-resource-type', category: 'missing-resource', severity: 'medium', title: GENERIC_TITLES['missing-resource-type']! };
    }
  }
  if (literalToReference(c)) return { id: 'literal-to-reference', category: 'hardcoded-value', severity: 'low', title: GENERIC_TITLES['literal-to-reference']! };
  if (c.kind === 'block-added' && c.blockKind === 'variable') {
    return { id: 'variable-added', category: 'hardcoded-value', severity: 'low', title: GENERIC_TITLES['variable-added']! };
  }
  return { id: FALLBACK_HEURISTIC, category: 'misconfiguration', severity: 'low', title: GENERIC_TITLES[FALLBACK_HEURISTIC]! };
}

function keywordDecision(c: DiffChange, table: readonly KeywordCategory[]): Decision | undefined {
  for (const key of keysOf(c)) {
    for (const k of table) {
      if (k.key.test(key)) return { id: k.id, category: k.category, severity: k.severity, title: k.title };
    }
  }
  return undefined;
}

function typeDecision(c: DiffChange): Decision | undefined {
  if (c.blockKind !== 'resource' && c.blockKind !== 'data') return undefined;
  for (const t of TYPE_CATEGORIES) {
    if (t.kinds && !t.kinds.includes(c.kind)) continue;
    if (t.type.test(c.blockType)) return { id: t.id, category: t.category, severity: t.severity, title: t.title };
  }
  return undefined;
}

export function attributeChanges(changes: readonly DiffChange[], x: Omit<AttributionContext, 'changes'>): AttributedChange[] {
  const ctx: AttributionContext = { ...x, changes };
  return changes.map((c) => {
    const d = decide(c, ctx);
    return {
      ...c,
      category: d.category,
      severity: d.severity,
      fixClass: categoryInfo(d.category).fixClass,
      heuristic: d.id,
      summary: summarize(c),
    };
  });
}

const MAX_VALUE = 60;

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > MAX_VALUE ? one.slice(0, MAX_VALUE - 1) + '…' : one;
}

function valueOf(c: DiffChange, which: 'model' | 'ideal'): string {
  const e = c[which]?.expr;
  if (!e) return '';
  return short(exprToText(e));
}

/** One line: what the ideal did differently. */
export function summarize(c: DiffChange): string {
  const where = c.path.join('.');
  switch (c.kind) {
    case 'block-added':
      return `ideal adds ${describeBlock(c)}`;
    case 'block-removed':
      return `ideal removes ${describeBlock(c)}`;
    case 'block-renamed':
      return `${c.model!.address} renamed to ${c.ideal!.address}`;
    case 'moved-file':
      return `${c.address} moved from ${c.model!.span.file} to ${c.ideal!.span.file}`;
    case 'attribute-added':
    case 'variable-default-added':
      return `\`${where}\` added (= ${valueOf(c, 'ideal')})`;
    case 'attribute-removed':
    case 'variable-default-removed':
      return `\`${where}\` removed (was ${valueOf(c, 'model')})`;
    case 'attribute-changed':
      return `\`${where}\` changed from ${valueOf(c, 'model')} to ${valueOf(c, 'ideal')}`;
    case 'nested-block-added':
      return `\`${where} { }\` block added`;
    case 'nested-block-removed':
      return `\`${where} { }\` block removed`;
    case 'nested-block-changed': {
      const m = c.model?.nested;
      const i = c.ideal?.nested;
      if (m?.form && i?.form && m.form !== i.form) return `\`${where}\` written as ${m.form}, ideal uses ${i.form}`;
      return `\`${where}\` changed from "${m?.labels.join(' ')}" to "${i?.labels.join(' ')}"`;
    }
    case 'meta-argument-added':
      return `\`${where}\` added${c.ideal?.expr ? ` (= ${valueOf(c, 'ideal')})` : ''}`;
    case 'meta-argument-removed':
      return `\`${where}\` removed`;
    case 'meta-argument-changed':
      return c.model?.expr && c.ideal?.expr ? `\`${where}\` changed from ${valueOf(c, 'model')} to ${valueOf(c, 'ideal')}` : `\`${where}\` changed`;
  }
}

function describeBlock(c: DiffChange): string {
  switch (c.blockKind) {
    case 'resource':
      return `resource ${c.address}`;
    case 'data':
      return `data source ${c.address}`;
    case 'variable':
      return `variable ${c.address.replace(/^var\./, '')}`;
    case 'locals':
      return `local ${c.address.replace(/^local\./, '')}`;
    case 'output':
      return `output ${c.address.replace(/^output\./, '')}`;
    default:
      return `${c.blockKind} block ${c.address}`;
  }
}

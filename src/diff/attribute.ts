/**
 * Attributes every diff change to a failure category (with severity and fix class) using the heuristic
 * tables in heuristics.ts. Nothing is dropped: what no heuristic explains is `misconfiguration`, low,
 * with heuristic id `fallback`.
 */
import type { CategoryId, Severity } from '../taxonomy/categories.js';
import { categoryInfo } from '../taxonomy/categories.js';
import type { AttributedChange, DiffChange } from './types.js';
import { summarize } from './summary.js';

export { summarize } from './summary.js';
import { GENERIC_DECISIONS, GENERIC_KEYWORDS, HEURISTICS, KEYWORD_CATEGORIES, TYPE_CATEGORIES, type Heuristic, type KeywordCategory } from './heuristics.js';
import {
  isStatic,
  literalToReference,
  policyDelta,
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
for (const g of Object.values(GENERIC_DECISIONS)) TITLES.set(g.id, g.title);
TITLES.set(FALLBACK_HEURISTIC, 'Configuration differs from the ideal');

export function heuristicTitle(id: string): string | undefined {
  return TITLES.get(id);
}

function genericDecision(id: keyof typeof GENERIC_DECISIONS, severity?: Severity): Decision {
  const g = GENERIC_DECISIONS[id];
  return { id: g.id, category: g.category, severity: severity ?? g.severity, title: g.title };
}

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
  // A description or comment is documentation wherever it sits (an ingress rule's, an output's).
  if (c.path.length && /(^|_)(description|comment)$/.test(c.path[c.path.length - 1]!) && c.kind.startsWith('attribute')) return genericDecision('description');
  for (const h of HEURISTICS) {
    if (matches(h, c, x)) return { id: h.id, category: h.category, severity: h.severity, title: h.title };
  }
  if (c.kind === 'block-renamed') return genericDecision('renamed');
  // An input the ideal adds or drops is how it parametrizes; what it feeds is reported where it is used.
  if (c.blockKind === 'variable' && c.kind === 'block-added') return genericDecision('variable-added');
  if (c.blockKind === 'variable' && c.kind === 'block-removed') return genericDecision('variable-removed');
  if (c.blockKind === 'locals' && (c.kind === 'block-added' || c.kind === 'block-removed')) return genericDecision('local-changed');
  const blockLevel = c.kind === 'block-added' || c.kind === 'block-removed';
  // A resource's own type says more about an added/removed block than the names inside it.
  if (blockLevel && (c.blockKind === 'resource' || c.blockKind === 'data')) {
    const t = typeDecision(c);
    if (t) return t;
  }
  const table = keywordDecision(c, KEYWORD_CATEGORIES) ?? typeDecision(c) ?? keywordDecision(c, GENERIC_KEYWORDS);
  if (table) return omitted(c, table);

  if (c.kind === 'block-added' && c.blockKind === 'resource') {
    if (promptMentionsService(c.blockType, x.prompt)) {
      return genericDecision('missing-resource-prompt', modelLacksType(c.blockType, x) ? 'high' : 'medium');
    }
    if (modelLacksType(c.blockType, x)) {
      return genericDecision('missing-resource-type');
    }
  }
  if (literalToReference(c)) return genericDecision('literal-to-reference');
  return { id: FALLBACK_HEURISTIC, category: 'misconfiguration', severity: 'low', title: heuristicTitle(FALLBACK_HEURISTIC)! };
}

/**
 * Settings (and blocks) of these categories that the model writes and the ideal leaves out are not the model's
 * defect (a subnet group, a storage type, a name, a VPC the ideal takes from a lookup): often the ideal only
 * shows the lines it changed. Decided by the
 * tables alone; the specific heuristics (deprecated or invalid arguments, destroy blockers, open ingress,
 * over-broad IAM) have already claimed the removals that are defects.
 */
// Secrets too, unless the model hard-codes one (a password literal); a username or a generated password the
// ideal does not show is no defect.
const OMISSION_CATEGORIES: ReadonlySet<CategoryId> = new Set<CategoryId>(['network', 'lifecycle-cost', 'misconfiguration', 'optional-feature', 'dependency', 'naming', 'tagging', 'documentation', 'application-code']);

/** A secret written into the code: the ideal leaving it out fixes a defect. */
const SECRET_KEY = /password|secret|token|api_key|credential|private_key/;

function omitted(c: DiffChange, d: Decision): Decision {
  if (c.kind !== 'attribute-removed' && c.kind !== 'nested-block-removed' && c.kind !== 'block-removed') return d;
  const hardCodedSecret = d.category === 'secrets' && SECRET_KEY.test(snakeCase(c.path[c.path.length - 1] ?? '')) && isStatic(c.model?.expr);
  if (!OMISSION_CATEGORIES.has(d.category) && (d.category !== 'secrets' || hardCodedSecret)) return d;
  const g = GENERIC_DECISIONS['ideal-omits'];
  return { id: g.id, category: d.category, severity: g.severity, title: g.title };
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
      summary: POLICY_SUMMARIES[d.id]?.(c, ctx) ?? summarize(c),
    };
  });
}

/** Actions listed in a sentence; the rest are counted. */
const MAX_ACTIONS = 6;

function listActions(actions: readonly string[]): string {
  const shown = actions.slice(0, MAX_ACTIONS).map((a) => `\`${a}\``).join(', ');
  return actions.length > MAX_ACTIONS ? `${shown} and ${actions.length - MAX_ACTIONS} more` : shown;
}

/** Policy changes say which actions: "the ideal grants `s3:PutObject`", not "the policy differs". */
const POLICY_SUMMARIES: Record<string, (c: DiffChange, x: AttributionContext) => string | undefined> = {
  'iam-actions-added': (c, x) => {
    const added = policyDelta(c, x).addedActions;
    return added.length ? `The ideal grants ${listActions(added)} on ${c.address}; the model's policy lacks ${added.length === 1 ? 'it' : 'them'}.` : undefined;
  },
  'resource-policy-actions-added': (c, x) => {
    const added = policyDelta(c, x).addedActions;
    return added.length ? `The ideal's resource policy on ${c.address} allows ${listActions(added)}; the model's does not.` : undefined;
  },
  'iam-narrowed': (c, x) => {
    const d = policyDelta(c, x);
    if (!d.removedActions.length) return undefined;
    return `The model allows ${listActions(d.removedActions)} on ${c.address}, more than the ideal grants.`;
  },
};

/**
 * Reads IAM policy documents from the model, whatever way they were written:
 * `jsonencode({...})` objects, literal or heredoc JSON strings, `data "aws_iam_policy_document"` blocks,
 * and references to such a data source's `.json`. JSON strings are data: parsed with JSON.parse, never run.
 */
import type { Block, Configuration, Expr, SourceSpan } from '../../model/types.js';
import { attrExpr, exprToText, nestedBlocks, referenceTarget, staticString } from '../../model/query.js';
import { localDefinition } from './suffix.js';
import { appendAll } from '../../io/arrays.js';

export interface PolicyPrincipal {
  /** `*`, `AWS`, `Service`, `Federated`, `CanonicalUser`. */
  type: string;
  identifiers: string[];
}

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  /** Static values as written; non-static values rendered as expression text (never equal to `*`). */
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  principals: PolicyPrincipal[];
  /** Condition keys present (`aws:SourceArn`, ...), when any. */
  conditions?: string[];
  sid?: string;
  span?: SourceSpan;
}

/** Statements of the policy document an expression holds (empty when it is not a readable document). */
export function policyStatements(expr: Expr | undefined, config?: Configuration, depth = 0): PolicyStatement[] {
  if (!expr || depth > 4) return [];
  switch (expr.kind) {
    case 'call':
      if ((expr.name === 'jsonencode' || expr.name === 'JSON.stringify') && expr.args[0]) {
        return statementsFromDocumentExpr(expr.args[0], expr.span);
      }
      return [];
    case 'literal':
    case 'template':
      return statementsFromJsonText(expr);
    case 'reference': {
      // data.aws_iam_policy_document.x.json
      const target = referenceTarget(expr.parts);
      // local.trail_policy_json: the document its definition holds.
      if (config && target?.startsWith('local.') && expr.parts.length === 2) return policyStatements(localDefinition(config, target.slice('local.'.length)), config, depth + 1);
      if (!config || !target?.startsWith('data.aws_iam_policy_document.')) return [];
      const block = config.symbols.get(target)?.block;
      return block ? policyDocumentStatements(block, config, depth + 1) : [];
    }
    case 'conditional':
      return [...policyStatements(expr.then, config, depth + 1), ...policyStatements(expr.else, config, depth + 1)];
    default:
      return [];
  }
}

/** Statements of a `data "aws_iam_policy_document"` block, including `source_policy_documents` it merges. */
export function policyDocumentStatements(block: Block, config?: Configuration, depth = 0): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  for (const key of ['source_policy_documents', 'override_policy_documents']) {
    const e = attrExpr(block, key);
    if (e?.kind === 'tuple') for (const item of e.items) appendAll(out, policyStatements(item, config, depth + 1));
  }
  for (const st of nestedBlocks(block, 'statement')) {
    const effect = staticString(attrExpr(st, 'effect')) === 'Deny' ? 'Deny' : 'Allow';
    const principals = [...nestedBlocks(st, 'principals')].map((p) => ({
      type: staticString(attrExpr(p, 'type')) ?? '?',
      identifiers: valueStrings(attrExpr(p, 'identifiers')),
    }));
    const conditions = nestedBlocks(st, 'condition')
      .map((c) => staticString(attrExpr(c, 'variable')))
      .filter((v): v is string => !!v);
    const stmt: PolicyStatement = {
      effect,
      actions: valueStrings(attrExpr(st, 'actions')),
      notActions: valueStrings(attrExpr(st, 'not_actions')),
      resources: valueStrings(attrExpr(st, 'resources')),
      notResources: valueStrings(attrExpr(st, 'not_resources')),
      principals,
      span: st.span,
    };
    const sid = staticString(attrExpr(st, 'sid'));
    if (sid) stmt.sid = sid;
    if (conditions.length) stmt.conditions = conditions;
    out.push(stmt);
  }
  return out;
}

/** Every policy-document statement in the configuration, with the block it sits in. */
export function allPolicyStatements(config: Configuration): { block: Block; attribute: string; statement: PolicyStatement }[] {
  const out: { block: Block; attribute: string; statement: PolicyStatement }[] = [];
  for (const block of config.blocks) {
    if (block.kind === 'data' && block.labels[0] === 'aws_iam_policy_document') {
      for (const statement of policyDocumentStatements(block, config)) out.push({ block, attribute: 'statement', statement });
      continue;
    }
    if (block.kind !== 'resource') continue;
    for (const a of block.attributes) {
      if (!POLICY_ATTRIBUTES.has(a.name)) continue;
      // References to policy documents are reported at the document, not at each user.
      if (a.expr.kind === 'reference') continue;
      for (const statement of policyStatements(a.expr, config)) out.push({ block, attribute: a.name, statement });
    }
    for (const nested of nestedBlocks(block, 'inline_policy')) {
      const e = attrExpr(nested, 'policy');
      if (e && e.kind !== 'reference') for (const statement of policyStatements(e, config)) out.push({ block, attribute: 'inline_policy', statement });
    }
  }
  return out;
}

/** Attributes that hold a policy document. */
export const POLICY_ATTRIBUTES = new Set(['policy', 'assume_role_policy', 'inline_policy']);

/** Strings of a value that is a string or a list of strings. */
function valueStrings(e: Expr | undefined): string[] {
  if (!e) return [];
  if (e.kind === 'tuple') return e.items.flatMap(valueStrings);
  const s = staticString(e);
  if (s !== undefined) return [s];
  return [exprToText(e)];
}

function entryValue(obj: Extract<Expr, { kind: 'object' }>, key: string): Expr | undefined {
  return obj.entries.find((en) => en.key === key)?.value;
}

function statementsFromDocumentExpr(doc: Expr, span?: SourceSpan): PolicyStatement[] {
  if (doc.kind !== 'object') return [];
  const st = entryValue(doc, 'Statement');
  if (!st) return [];
  const items = st.kind === 'tuple' ? st.items : [st];
  const out: PolicyStatement[] = [];
  for (const item of items) {
    if (item.kind !== 'object') continue;
    const stmt: PolicyStatement = {
      effect: staticString(entryValue(item, 'Effect')) === 'Deny' ? 'Deny' : 'Allow',
      actions: valueStrings(entryValue(item, 'Action')),
      notActions: valueStrings(entryValue(item, 'NotAction')),
      resources: valueStrings(entryValue(item, 'Resource')),
      notResources: valueStrings(entryValue(item, 'NotResource')),
      principals: principalsFromExpr(entryValue(item, 'Principal')),
    };
    const sid = staticString(entryValue(item, 'Sid'));
    if (sid) stmt.sid = sid;
    const cond = entryValue(item, 'Condition');
    if (cond?.kind === 'object') {
      const keys = cond.entries.flatMap((op) => (op.value.kind === 'object' ? op.value.entries.map((k) => k.key ?? '?') : []));
      if (keys.length) stmt.conditions = keys;
    }
    const s = item.span ?? span;
    if (s) stmt.span = s;
    out.push(stmt);
  }
  return out;
}

function principalsFromExpr(e: Expr | undefined): PolicyPrincipal[] {
  if (!e) return [];
  const s = staticString(e);
  if (s !== undefined) return [{ type: s === '*' ? '*' : 'AWS', identifiers: [s] }];
  if (e.kind !== 'object') return [{ type: '?', identifiers: [exprToText(e)] }];
  return e.entries.map((en) => ({ type: en.key ?? '?', identifiers: valueStrings(en.value) }));
}

// ---- JSON text (literal strings and heredocs) ----

const PLACEHOLDER = '__IACJUDGE_EXPR_';

/**
 * Parses a JSON policy written as a string. Interpolations become placeholders inside the JSON text
 * (they sit inside string values in any valid policy), and are rendered back as expression text.
 */
function statementsFromJsonText(expr: Expr): PolicyStatement[] {
  const interpolations: string[] = [];
  let text: string;
  if (expr.kind === 'literal') {
    if (typeof expr.value !== 'string') return [];
    text = expr.value;
  } else if (expr.kind === 'template') {
    text = expr.parts
      .map((p) => {
        if (p.kind === 'literal') return String(p.value ?? '');
        interpolations.push('${' + exprToText(p) + '}');
        return `${PLACEHOLDER}${interpolations.length - 1}__`;
      })
      .join('');
  } else return [];
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.includes('Statement')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const restore = (v: string): string =>
    v.includes(PLACEHOLDER) ? v.replace(/__IACJUDGE_EXPR_(\d+)__/g, (_m, i: string) => interpolations[Number(i)] ?? '') : v;
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.flatMap(strings) : typeof v === 'string' ? [restore(v)] : v === undefined ? [] : [JSON.stringify(v)];
  if (!doc || typeof doc !== 'object') return [];
  const st = (doc as Record<string, unknown>).Statement;
  const items = Array.isArray(st) ? st : st ? [st] : [];
  const out: PolicyStatement[] = [];
  for (const raw of items) {
    if (!raw || typeof raw !== 'object') continue;
    const item = raw as Record<string, unknown>;
    const principal = item.Principal;
    let principals: PolicyPrincipal[] = [];
    if (typeof principal === 'string') principals = [{ type: principal === '*' ? '*' : 'AWS', identifiers: [restore(principal)] }];
    else if (principal && typeof principal === 'object')
      principals = Object.entries(principal as Record<string, unknown>).map(([type, ids]) => ({ type, identifiers: strings(ids) }));
    const stmt: PolicyStatement = {
      effect: item.Effect === 'Deny' ? 'Deny' : 'Allow',
      actions: strings(item.Action),
      notActions: strings(item.NotAction),
      resources: strings(item.Resource),
      notResources: strings(item.NotResource),
      principals,
    };
    if (typeof item.Sid === 'string') stmt.sid = item.Sid;
    if (item.Condition && typeof item.Condition === 'object') {
      const keys = Object.values(item.Condition as Record<string, unknown>).flatMap((v) =>
        v && typeof v === 'object' ? Object.keys(v as object) : [],
      );
      if (keys.length) stmt.conditions = keys;
    }
    if (expr.span) stmt.span = expr.span;
    out.push(stmt);
  }
  return out;
}

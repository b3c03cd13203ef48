/**
 * One engine for checks that have the same shape across many resource types: "this argument of this resource
 * must hold this value". The knowledge lives in data tables (src/rules/<category>/*-table.ts), one entry per
 * check with the resource types, the argument paths and what an unset argument means; this module turns each
 * entry into an ordinary Rule, so the catalog, `iacjudge explain` and the judge see no difference.
 *
 * Paths name nested blocks then one argument: `["encrypt_at_rest", "enabled"]`. A test test/rules checks every
 * path against the bundled provider schema, so a misspelt argument cannot make a check silently pass.
 */
import type { Block, Configuration, Expr } from '../../model/types.js';
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { attr, attrExpr, blockAddress, exprToText, literalValue, nestedBlocks, referenceTarget, referencesIn, resources, staticString } from '../../model/query.js';
import { isLogBucket } from './b-s3.js';
import { referrersVia, resourcesByStaticValue } from './b-refs.js';
import { resolveExpr, resolvedBool, resolvedNumber, resolvedString } from './b-resolve.js';
import { promptNear } from './b-prompt.js';

/** What the argument's value must be. Values that cannot be resolved statically always pass (no guessing). */
export type ValueTest =
  | { is: boolean }
  /** Any non-empty value. */
  | { set: true }
  | { oneOf: string[] }
  | { noneOf: string[] }
  /** A string value must match. */
  | { matches: RegExp }
  /** A list (or single string) must not contain any of these. */
  | { excludes: string[] }
  /** A list (or single string) must contain one of these (case-insensitive); for `when` conditions. */
  | { includesAny: string[] }
  /** A number within bounds. */
  | { atLeast: number }
  | { atMost: number };

export interface Requirement {
  /** Nested block names, then the argument. */
  path: string[];
  test: ValueTest;
  /** What an absent argument means: the provider default is safe (`ok`) or not (`gap`). */
  unset: 'ok' | 'gap';
  /** What absent enclosing blocks mean; defaults to `unset`. */
  blockUnset?: 'ok' | 'gap';
  /** Also acceptable when this requirement fails (e.g. SSE-SQS off but a KMS key set). */
  orElse?: Requirement;
}

export interface TableRow {
  types: string[];
  /** Every requirement must hold. */
  require: Requirement[];
  /** The check applies only when these hold (e.g. listener protocol HTTPS); unresolvable → does not apply. */
  when?: Requirement[];
  /** The resource is out of scope when one of these arguments is set (replicas and restores inherit settings). */
  exemptWhenSet?: string[];
  /** The resource is out of scope when its name says it is deliberately so (`aws_subnet.public`). */
  exemptName?: RegExp;
  /** The resource is out of scope when one of these nested blocks is written (a Firehose reading a Kinesis stream). */
  exemptWhenBlock?: string[];
  /**
   * A separate resource that configures the setting instead (`aws_redshift_logging.cluster_identifier` naming the
   * cluster): when one of its arguments refers to the resource, the row is satisfied.
   */
  coveredByReferrer?: Referrer[];
  /** The resource is out of scope when it is an S3 bucket that receives logs (named for logs or a log target). */
  exemptLogBucket?: boolean;
}

/**
 * A separate resource that can configure a setting for the resource it names (`aws_s3_bucket_versioning.bucket`,
 * `aws_flow_log.vpc_id`). It counts only when every `require` holds on it (a versioning resource that suspends
 * versioning covers nothing); `byName` also accepts a literal in `attr` equal to that argument of the resource
 * (`bucket = "my-bucket"` next to `aws_s3_bucket.b.bucket = "my-bucket"`).
 */
export interface Referrer {
  type: string;
  attr: string;
  require?: Requirement[];
  byName?: string;
  /**
   * A referrer whose argument names no block of the configuration (an input such as `var.vpc_id`, a construct
   * prop such as `config.vpcId`) may well be this resource: the row is then not reported, rather than guessed.
   */
  opaqueCovers?: boolean;
}
// A row with `coveredByReferrer` and no `require` is a gap unless a covering resource refers to the resource
// (the setting exists only as a separate resource in the bundled provider schema).

export interface TableCheck extends RuleMeta {
  rows: TableRow[];
  /** Finding text after the address: `is not encrypted at rest`. */
  what: string;
  /** An `aws_ebs_encryption_by_default` resource in the configuration covers the check. */
  coveredByEbsDefault?: boolean;
  /**
   * The check fires only when the task's prompt asks for it (subject near word, regex sources); on a plain
   * folder it stays silent. The rule's `fix` text says so, for `iacjudge explain`.
   */
  prompt?: { subject: string; word: string };
}

type Verdict = 'pass' | 'gap' | 'unknown';

/** Owners of the final argument: the blocks the path's block names lead to. */
function owners(block: Block, blockPath: string[]): Block[] {
  let current = [block];
  for (const name of blockPath) current = current.flatMap((b) => nestedBlocks(b, name));
  return current;
}

function testValue(config: Configuration, expr: Expr, test: ValueTest): Verdict {
  const resolved = resolveExpr(config, expr);
  if (resolved && literalValue(resolved) === null) return 'gap';
  if ('is' in test) {
    const v = resolvedBool(config, expr);
    return v === undefined ? 'unknown' : v === test.is ? 'pass' : 'gap';
  }
  if ('set' in test) {
    const v = literalValue(resolved);
    if (v === '' ) return 'gap';
    if (resolved?.kind === 'tuple' && resolved.items.length === 0) return 'gap';
    return 'pass';
  }
  if ('excludes' in test) {
    const items = resolved?.kind === 'tuple' ? resolved.items : resolved ? [resolved] : [];
    const strings = items.map((i) => resolvedString(config, i));
    return strings.some((s) => s !== undefined && test.excludes.includes(s)) ? 'gap' : 'pass';
  }
  if ('includesAny' in test) {
    const items = resolved?.kind === 'tuple' ? resolved.items : resolved ? [resolved] : [];
    const wanted = new Set(test.includesAny.map((w) => w.toUpperCase()));
    const strings = items.map((i) => resolvedString(config, i));
    if (strings.some((s) => s !== undefined && (wanted.has(s.toUpperCase()) || s === '*'))) return 'pass';
    return strings.some((s) => s === undefined) ? 'unknown' : 'gap';
  }
  if ('atLeast' in test || 'atMost' in test) {
    const n = resolvedNumber(config, expr);
    if (n === undefined) return 'unknown';
    return ('atLeast' in test ? n >= test.atLeast : n <= test.atMost) ? 'pass' : 'gap';
  }
  const s = resolvedString(config, expr);
  if (s === undefined) return 'unknown';
  if ('oneOf' in test) return test.oneOf.includes(s) ? 'pass' : 'gap';
  if ('noneOf' in test) return test.noneOf.includes(s) ? 'gap' : 'pass';
  return test.matches.test(s) ? 'pass' : 'gap';
}

interface Outcome {
  verdict: Verdict;
  /** Where the failing value sits, when it is written. */
  at?: Block | undefined;
  span?: import('../../model/types.js').SourceSpan;
  detail: string;
}

/** Evaluates one requirement on a resource: every owner block must satisfy it. */
export function evaluate(config: Configuration, block: Block, req: Requirement): Outcome {
  const blockPath = req.path.slice(0, -1);
  const name = req.path[req.path.length - 1]!;
  const dotted = req.path.join('.');
  const found = owners(block, blockPath);
  let outcome: Outcome;
  if (!found.length) {
    const v = req.blockUnset ?? req.unset;
    outcome = { verdict: v === 'ok' ? 'pass' : 'gap', detail: `\`${dotted}\` is not set (no ${blockPath.join('.')} block)` };
  } else {
    outcome = { verdict: 'pass', detail: '' };
    for (const owner of found) {
      const a = attr(owner, name);
      if (!a) {
        if (req.unset === 'gap') {
          outcome = { verdict: 'gap', at: owner, span: owner.span, detail: `\`${dotted}\` is not set` };
          break;
        }
        continue;
      }
      const v = testValue(config, a.expr, req.test);
      if (v === 'gap') {
        outcome = { verdict: 'gap', at: owner, span: a.span, detail: `\`${dotted} = ${exprToText(a.expr)}\`` };
        break;
      }
      if (v === 'unknown') outcome = { verdict: 'unknown', detail: '' };
    }
  }
  if (outcome.verdict === 'gap' && req.orElse) {
    const alt = evaluate(config, block, req.orElse);
    if (alt.verdict !== 'gap') return alt;
  }
  return outcome;
}

function ebsDefault(config: Configuration): boolean {
  return resources(config, 'aws_ebs_encryption_by_default').some((r) => resolvedBool(config, attrExpr(r, 'enabled')) !== false);
}

/**
 * Resources of a type whose argument references inputs only (an opaque value that may name any block), built once
 * per block list, type and argument.
 */
const OPAQUE_REFERRERS = new WeakMap<Block[], { size: number; byKey: Map<string, Block[]> }>();

function opaqueReferrers(config: Configuration, type: string, name: string): Block[] {
  let cache = OPAQUE_REFERRERS.get(config.blocks);
  if (!cache || cache.size !== config.blocks.length) {
    cache = { size: config.blocks.length, byKey: new Map() };
    OPAQUE_REFERRERS.set(config.blocks, cache);
  }
  const key = `${type}\u0000${name}`;
  let found = cache.byKey.get(key);
  if (!found) {
    found = resources(config, type).filter((r) => {
      const e = attrExpr(r, name);
      const refs = e ? referencesIn(e) : [];
      return refs.length > 0 && refs.every((ref) => (referenceTarget(ref.parts) ?? 'var.').startsWith('var.'));
    });
    cache.byKey.set(key, found);
  }
  return found;
}

/**
 * Whether a resource of a covering type refers to `block` in the named argument (and satisfies its requirements).
 * The referrers come from indexes built once per configuration: asked per block, a scan of every referrer made
 * 4,000 buckets with 4,000 side resources quadratic.
 */
function coveredByReferrer(config: Configuration, block: Block, referrers: Referrer[]): boolean {
  return referrers.some(({ type, attr: name, require, byName, opaqueCovers }) => {
    const own = byName ? staticString(attrExpr(block, byName)) : undefined;
    const candidates = [
      ...referrersVia(config, block, type, name),
      ...(opaqueCovers === true ? opaqueReferrers(config, type, name) : []),
      ...(own !== undefined ? (resourcesByStaticValue(config, type, name).get(own) ?? []) : []),
    ];
    return candidates.some((r) => (require ?? []).every((req) => evaluate(config, r, req).verdict !== 'gap'));
  });
}

/** The findings one table check produces on a configuration. */
export function runTableCheck(check: TableCheck, ctx: RuleContext): void {
  if (check.coveredByEbsDefault && ebsDefault(ctx.config)) return;
  if (check.prompt && !promptNear(ctx, check.prompt.subject, check.prompt.word)) return;
  for (const row of check.rows) {
    for (const type of row.types) {
      for (const block of resources(ctx.config, type)) {
        if (row.exemptName?.test(block.labels[1] ?? '')) continue;
        if (row.exemptWhenSet?.some((n) => attr(block, n) && literalValue(attrExpr(block, n)) !== null)) continue;
        if (row.exemptWhenBlock?.some((n) => nestedBlocks(block, n).length > 0)) continue;
        if (row.exemptLogBucket && isLogBucket(ctx.config, block)) continue;
        if (row.coveredByReferrer && coveredByReferrer(ctx.config, block, row.coveredByReferrer)) continue;
        if (row.when?.some((w) => evaluate(ctx.config, block, w).verdict !== 'pass')) continue;
        const gaps = row.require.map((r) => evaluate(ctx.config, block, r)).filter((o) => o.verdict === 'gap');
        if (!row.require.length && row.coveredByReferrer) {
          gaps.push({ verdict: 'gap', detail: `no ${row.coveredByReferrer.map((c) => `\`${c.type}\``).join(' or ')} refers to it` });
        }
        if (!gaps.length) continue;
        const addr = blockAddress(block);
        ctx.report({
          block,
          resource: addr,
          ...(gaps[0]!.span ? { span: gaps[0]!.span } : {}),
          message: `${addr} ${check.what}: ${gaps.map((g) => g.detail).join('; ')}.`,
        });
      }
    }
  }
}

/** Turns table entries into catalog rules. */
export function rulesFromTable(checks: TableCheck[]): Rule[] {
  return checks.map((check) => {
    const { rows: _rows, what: _what, coveredByEbsDefault: _ebs, prompt: _prompt, ...meta } = check;
    return { meta, check: (ctx: RuleContext) => runTableCheck(check, ctx) };
  });
}

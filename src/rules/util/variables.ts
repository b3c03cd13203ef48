/** Input variables, guards and small text helpers shared by rules. */
import { TOP_LEVEL_ATTRIBUTES, type Block, type Configuration, type Expr } from '../../model/types.js';
import { editDistance } from '../../schema/suggest.js';
import { attr, attrExpr, blocksOfKind, literalValue } from '../../model/query.js';
import { reachableTargets } from './suffix.js';
import { calledModuleDirs, inCalledModule } from './modules.js';
import { isChildModuleFile } from './files.js';

export function variableName(block: Block): string {
  return block.labels[0] ?? '';
}

/** A variable with no `default` (or with a default of null, which Terraform still treats as set). */
export function hasDefault(block: Block): boolean {
  return attr(block, 'default') !== undefined;
}

/** Variables a deployment must be given values for: no default. */
export function requiredVariables(config: Configuration): Block[] {
  // A child module's variables are inputs its caller passes (module-input-mismatch checks the call), not inputs
  // of the deploy.
  // A `modules/<name>` folder no module block calls is never loaded with the root: its variables are nobody's inputs.
  const called = calledModuleDirs(config);
  return blocksOfKind(config, 'variable').filter((v) => !hasDefault(v) && !inCalledModule(v, called) && !isChildModuleFile(v.span.file));
}

/** Whether a variable's default is null or an empty string: optional, but usable only when guarded. */
export function hasEmptyDefault(block: Block): boolean {
  const d = attrExpr(block, 'default');
  if (!d) return false;
  const v = literalValue(d);
  return v === null || v === '';
}

/** Whether a resource is created conditionally (count / for_each), i.e. an optional feature is guarded. */
export function isGuarded(block: Block): boolean {
  return attr(block, 'count') !== undefined || attr(block, 'for_each') !== undefined || block.construct?.conditional === true;
}

/** `var.x` names an expression depends on (through locals). */
export function variablesUsed(expr: Expr, config: Configuration): string[] {
  return [...reachableTargets(expr, config)].filter((t) => t.startsWith('var.')).map((t) => t.slice(4));
}

/** Variables a block's attributes (recursively) depend on, through locals. */
export function blockVariables(block: Block, config: Configuration, skip: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const visit = (b: Block): void => {
    for (const a of b.attributes) if (!skip.has(a.name)) for (const v of variablesUsed(a.expr, config)) out.add(v);
    for (const n of b.blocks) visit(n);
  };
  visit(block);
  return out;
}

/** Input names that point at something outside the stack: ARNs, ids, URLs, zones, certificates. */
const EXTERNAL_REF_NAME = /(^|_)(arn|arns|id|ids|url|uri|zone_id|zone|certificate|cert|vpc|subnets?|ami|endpoint|hosted_zone)$/i;

export function looksLikeExternalReference(name: string): boolean {
  const snake = toSnake(name);
  if (/(^|_)(count|size|length|days|port|enabled|enable|name_prefix)$|^(aws_)?account_id$/.test(snake)) return false;
  // Labels of the organisation (a project, team or cost centre id) are tag values, not ids of AWS objects.
  if (/^(project|team|cost_center|owner|customer|tenant|client|org|organization|business_unit|application|app|workload)_id$/.test(snake)) return false;
  return EXTERNAL_REF_NAME.test(snake);
}

/** The top-level assignments of the configuration's `.tfvars` files, one block per file (the front-end's TOP_LEVEL_ATTRIBUTES). */
export function tfvarsBlocks(config: Configuration): Block[] {
  return config.blocks.filter((b) => b.kind === 'unknown' && b.type === TOP_LEVEL_ATTRIBUTES && b.span.file.endsWith('.tfvars'));
}

export function toSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Longest name a "did you mean" is looked for: identifiers are short; a longer one is not a typo of a declared name. */
const MAX_SUGGESTED_NAME = 128;

/** The closest candidate by edit distance or containment, when it is close enough to be a plausible typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_SUGGESTED_NAME) return undefined;
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  const asSuffix = `_${name}`;
  const asPrefix = `${name}_`;
  for (const c of candidates) {
    if (c === name || c.length > MAX_SUGGESTED_NAME) continue;
    // `aws_region` vs `region`: one name contained in the other at a word boundary is a strong hint.
    const affix =
      c.endsWith(asSuffix) || c.startsWith(asPrefix) || (name.length > c.length && ((name.endsWith(c) && name[name.length - c.length - 1] === '_') || (name.startsWith(c) && name[c.length] === '_')));
    // Bounded by the best so far (and the plausibility limit): a farther candidate stops early and cannot win.
    const score = affix ? 1 : editDistance(name, c, Math.min(bestScore, limit));
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= limit ? best : undefined;
}

/**
 * How many names one check run looks up suggestions for. Each lookup compares the name with every declaration,
 * so thousands of undeclared names against thousands of declarations would cost their product; past this many
 * the findings are still reported, without "did you mean".
 */
export const MAX_SUGGESTION_LOOKUPS = 200;

/** `closestName` for at most MAX_SUGGESTION_LOOKUPS names, then nothing: the cost stays linear in the input. */
export function boundedSuggester(): (name: string, candidates: Iterable<string>) => string | undefined {
  let left = MAX_SUGGESTION_LOOKUPS;
  return (name, candidates) => (left-- > 0 ? closestName(name, candidates) : undefined);
}

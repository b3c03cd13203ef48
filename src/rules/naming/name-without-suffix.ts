import type { Configuration, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { SUFFIX_IN_CODE, SUFFIX_PROMPT } from './suffix-prompt.js';
import { blockAddress, exprToText, referenceTarget, resources, walkExpr } from '../../model/query.js';
import { declaresSuffix, localDefinition, mentionsSuffix, reachableTargets } from '../util/suffix.js';
import { hasUniqueName, nameExprs } from '../util/names.js';
import { isChildModuleFile } from '../util/files.js';

/** Prefix attributes get a unique generated ending from AWS: no collision without the suffix. */
const PREFIX_ATTRIBUTES = new Set(['name_prefix', 'bucket_prefix', 'identifier_prefix']);

/** References a name may carry that are neither a resource (derived names), nor unresolvable. */
const LOCAL_HEADS = new Set(['var', 'local', 'data', 'each', 'count', 'path', 'terraform', 'self']);

/**
 * A name derived from another resource (its id, name, or a random_* value) is unique or inherits the suffix;
 * a name built from something the front-end could not resolve (a CDKTF prop or local) may carry it: both are not reported.
 */
function derivedOrUnknown(expr: Expr, config: Configuration): boolean {
  for (const t of reachableTargets(expr, config)) {
    if (!t.startsWith('var.') && !t.startsWith('local.') && !t.startsWith('data.')) return true;
  }
  let unknown = false;
  walkExpr(expr, (e) => {
    if (e.kind === 'opaque') unknown = true;
    if (e.kind === 'reference' && !referenceTarget(e.parts) && !LOCAL_HEADS.has(e.parts[0] ?? '')) unknown = true;
    if (e.kind === 'reference' && e.parts[0] === 'local' && !localDefinition(config, e.parts[1] ?? '')) unknown = true;
  });
  return unknown;
}

export const rule: Rule = {
  meta: {
    id: 'name-without-suffix',
    category: 'naming',
    severity: 'high',
    fixClass: 'B',
    title: 'Resource name without the environment suffix',
    rootCause: 'The model builds names from project and environment variables or literals, which are the same for every deployment.',
    fix: 'Include the suffix input in every AWS-side name (directly or through a local such as `name_prefix`).',
    fixExample: 'locals {\n  name_prefix = "app-${var.environment_suffix}"\n}\n\nresource "aws_sqs_queue" "jobs" {\n  name = "${local.name_prefix}-jobs"\n}',
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/naming-your-resources.html',
    knowledgeGap: 'CI/CD requirements: unique environment suffix for parallel deployments',
    promptGate: SUFFIX_PROMPT,
    idealGate: SUFFIX_IN_CODE,
    impact: 'A second deployment in the same account fails with "already exists" for this resource.',
  },
  check(ctx) {
    const { config, conventions } = ctx;
    // Without any suffix input, missing-suffix-variable reports once instead of once per resource.
    if (!declaresSuffix(config, conventions)) return;
    for (const r of resources(config)) {
      if (!hasUniqueName(r.labels[0] ?? '')) continue;
      const names = nameExprs(r, { includeTagName: false });
      if (!names.length || names.some((n) => PREFIX_ATTRIBUTES.has(n.attribute))) continue;
      // In a child module a name built from the module's inputs takes whatever the caller passes (often a prefix
      // that carries the suffix): only the caller's side can be judged.
      const callerFed = (e: Expr) => isChildModuleFile(r.span.file) && [...reachableTargets(e, config)].some((t) => t.startsWith('var.'));
      const missing = names.filter((n) => !mentionsSuffix(n.expr, conventions, config) && !derivedOrUnknown(n.expr, config) && !callerFed(n.expr));
      if (!missing.length || missing.length < names.length) continue;
      const n = missing[0]!;
      ctx.report({
        block: r,
        resource: blockAddress(r),
        message: `${blockAddress(r)}.${n.attribute} = ${exprToText(n.expr)} does not include var.${conventions.suffixVariable}.`,
      });
    }
  },
};

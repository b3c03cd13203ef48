import type { Block } from '../../model/types.js';
import type { Rule, RuleContext } from '../types.js';
import { allAttributes, blockAddress } from '../../model/query.js';
import { isCdktfConfig } from '../util/files.js';
import { literalStrings } from './cdktf-literal-reference-undeclared.js';

/** Longest interpolation read; anything longer is not a value a model meant to write inline. */
const MAX_INTERPOLATION = 200;

/**
 * The `${…}` sequences of a string that Terraform will read as template interpolations: `$${` is Terraform's
 * escape and is skipped. A scan, not a regex: unclosed or nested braces stay linear.
 */
export function interpolations(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('${', at);
    if (open < 0) break;
    if (open > 0 && text[open - 1] === '$') {
      at = open + 2;
      continue;
    }
    let depth = 1;
    let end = open + 2;
    while (end < text.length && end - open < MAX_INTERPOLATION && depth > 0) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
      end++;
    }
    if (depth === 0) out.push(text.slice(open + 2, end - 1).trim());
    at = end;
  }
  return out;
}

const HCL_ROOTS = new Set(['var', 'local', 'data', 'module', 'each', 'count', 'path', 'self', 'terraform']);

/**
 * What Terraform makes of an interpolation the model wrote in a quoted TypeScript string: an HCL expression it can
 * evaluate (a reference through a known root or a resource type, a function call), an IAM policy variable
 * (`aws:username`, which HCL cannot parse), or a TypeScript expression (`Date.now()`, `bucket.id`, `environment`)
 * that HCL reads as a reference to nothing.
 */
export function interpolationKind(inner: string): 'hcl' | 'policy-variable' | 'typescript' {
  const root = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(inner)?.[0] ?? '';
  // Not a name first (a nested `${`, a quoted literal): nothing this check can read with confidence.
  if (!root) return 'hcl';
  const next = inner[root.length];
  if (next === ':') return 'policy-variable';
  if (HCL_ROOTS.has(root) && (next === '.' || next === '[')) return 'hcl';
  // A resource traversal (`aws_s3_bucket.logs.arn`) or a Terraform function call (`upper(var.name)`).
  if (/^[a-z][a-z0-9]*_[a-z0-9_]*$/.test(root) && next === '.') return 'hcl';
  if (/^[a-z][a-z0-9_]*$/.test(root) && next === '(') return 'hcl';
  return 'typescript';
}

/** The `${…}` of one kind in the literal strings of a block's arguments, with the first one's argument span. */
function interpolationsOfKind(b: Block, kind: 'policy-variable' | 'typescript'): { inner: string; span: Block['span'] }[] {
  const found: { inner: string; span: Block['span'] }[] = [];
  for (const { attribute } of allAttributes(b)) {
    for (const text of literalStrings(attribute.expr)) {
      for (const inner of interpolations(text)) if (interpolationKind(inner) === kind) found.push({ inner, span: attribute.span });
    }
  }
  return found;
}

/** One finding per block holding `${…}` of the kind, worded by `what` for the first one. */
function reportInterpolations(ctx: RuleContext, kind: 'policy-variable' | 'typescript', what: (inner: string) => string): void {
  if (!isCdktfConfig(ctx.config)) return;
  for (const b of ctx.config.blocks) {
    const found = interpolationsOfKind(b as Block, kind);
    if (!found.length) continue;
    const more = found.length > 1 ? `; ${found.length - 1} more in this block` : '';
    ctx.report({ block: b as Block, span: found[0]!.span, message: `${blockAddress(b)} holds ${what(found[0]!.inner)}${more}.` });
  }
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-string-interpolation-invalid',
    category: 'reference',
    severity: 'high',
    fixClass: 'C',
    // Synth succeeds, but Terraform cannot resolve the synthesized value: validate and plan stop.
    blocker: true,
    title: 'TypeScript value in a quoted CDKTF string (Terraform reads it as a reference to nothing)',
    rootCause:
      "The model writes `'snapshot-${Date.now()}'` or `'S3-${bucket.id}'` in single or double quotes: TypeScript leaves the text as it is, and Terraform reads the `${…}` of the synthesized string as its own reference.",
    fix: 'Use a template literal (backticks) so TypeScript substitutes the value (a token for construct attributes).',
    fixExample: 'finalSnapshotIdentifier: `final-snapshot-${environmentSuffix}`,\noriginId: `S3-${mediaBucket.id}`,',
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/tokens',
    knowledgeGap: 'TypeScript interpolates only inside backticks; a `${…}` left in a quoted string reaches Terraform as an HCL reference.',
    impact: 'The synthesized configuration fails `terraform validate` ("Invalid reference" or "Reference to undeclared resource").',
  },
  check(ctx) {
    reportInterpolations(ctx, 'typescript', (inner) => `"\${${inner}}" in a quoted string: TypeScript does not interpolate it and Terraform reads it as a reference to nothing (use a template literal)`);
  },
};

export const policyVariableRule: Rule = {
  meta: {
    id: 'cdktf-policy-variable-unescaped',
    category: 'syntax',
    severity: 'high',
    fixClass: 'C',
    // Terraform cannot parse the synthesized string: validate stops.
    blocker: true,
    title: 'IAM policy variable written unescaped in a CDKTF string (Terraform cannot parse it)',
    rootCause:
      "The model writes an IAM policy variable such as `'arn:aws:iam::*:user/${aws:username}'` in a CDKTF string; Terraform reads every `${` of the synthesized configuration as its own interpolation and cannot parse `aws:username`.",
    fix: 'Escape it as `$${aws:username}` (or wrap the string in `Fn.rawString(...)`) so Terraform passes it to IAM unchanged.',
    fixExample: "Resource: 'arn:aws:iam::*:user/$${aws:username}',",
    docs: 'https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences',
    knowledgeGap: 'IAM policy variables collide with Terraform interpolation: write `$${aws:username}` in Terraform strings, CDKTF ones included.',
    impact: 'The synthesized configuration fails `terraform validate` ("Extra characters after interpolation expression").',
  },
  check(ctx) {
    reportInterpolations(ctx, 'policy-variable', (inner) => `the IAM policy variable "\${${inner}}" unescaped: Terraform cannot parse it (write $\${${inner}})`);
  },
};

import type { Rule } from '../types.js';
import type { Block, Expr } from '../../model/types.js';
import { allAttributes, blockAddress, walkExpr } from '../../model/query.js';
import { isCdktfConfig } from '../util/files.js';

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

function literalStrings(expr: Expr): string[] {
  const out: string[] = [];
  walkExpr(expr, (e) => {
    if (e.kind === 'literal' && typeof e.value === 'string' && e.value.includes('${')) out.push(e.value);
  });
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-string-interpolation-invalid',
    category: 'syntax',
    severity: 'high',
    fixClass: 'C',
    // Synth succeeds, but Terraform cannot read the synthesized value: validate and plan stop.
    blocker: true,
    title: 'TypeScript or IAM interpolation in a quoted CDKTF string (Terraform cannot read it)',
    rootCause:
      "The model writes `'snapshot-${Date.now()}'` or `'arn:aws:iam::*:user/${aws:username}'` in single or double quotes: TypeScript leaves the text as it is, and Terraform reads every `${` of the synthesized string as its own interpolation.",
    fix: 'Use a template literal (backticks) for TypeScript values; for an IAM policy variable write `$${aws:username}` (or `Fn.rawString(...)`) so Terraform passes it through.',
    fixExample: "finalSnapshotIdentifier: `final-snapshot-${environmentSuffix}`,\nresources: ['arn:aws:iam::*:user/$${aws:username}'],",
    docs: 'https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences',
    knowledgeGap: 'Strings reach Terraform as templates: `${` must be a Terraform expression or be escaped as `$${`; TypeScript interpolates only inside backticks.',
    impact: 'The synthesized configuration fails `terraform validate` ("Extra characters after interpolation expression" for a policy variable, "Invalid reference" or "Reference to undeclared resource" for a TypeScript value).',
  },
  check(ctx) {
    if (!isCdktfConfig(ctx.config)) return;
    for (const b of ctx.config.blocks) {
      const found: { inner: string; kind: string; span: Block['span'] }[] = [];
      for (const { attribute } of allAttributes(b)) {
        for (const text of literalStrings(attribute.expr)) {
          for (const inner of interpolations(text)) {
            const kind = interpolationKind(inner);
            if (kind !== 'hcl') found.push({ inner, kind, span: attribute.span });
          }
        }
      }
      if (!found.length) continue;
      const first = found[0]!;
      const what =
        first.kind === 'policy-variable'
          ? `the IAM policy variable "\${${first.inner}}" unescaped: Terraform cannot parse it (write $\${${first.inner}})`
          : `"\${${first.inner}}" in a quoted string: TypeScript does not interpolate it and Terraform reads it as a reference to nothing (use a template literal)`;
      ctx.report({
        block: b as Block,
        span: first.span,
        message: `${blockAddress(b)} holds ${what}${found.length > 1 ? `; ${found.length - 1} more in this block` : ''}.`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { allAttributes, blockAddress, walkExpr } from '../../model/query.js';
import { isCdktfConfig } from '../util/files.js';

/** The traversals written inside `${…}` in a string (`"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"`). */
export function interpolatedTraversals(text: string): string[] {
  // A scan, not a regex: an unclosed `${` run must stay linear.
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('${', at);
    if (open < 0) break;
    let end = open + 2;
    while (end < text.length && /[A-Za-z0-9_.-]/.test(text[end]!)) end++;
    if (end > open + 2) out.push(text.slice(open + 2, end));
    at = end;
  }
  return out;
}

/** What a traversal needs declared: the type of a resource or data source, or an input's name. */
function needed(traversal: string): { kind: 'resource' | 'data' | 'variable'; key: string; text: string } | undefined {
  const parts = traversal.split('.');
  if (parts[0] === 'var' && parts[1]) return { kind: 'variable', key: parts[1], text: `var.${parts[1]}` };
  if (parts[0] === 'data' && parts[1] && parts[2]) return { kind: 'data', key: parts[1], text: `data.${parts[1]}.${parts[2]}` };
  if (parts[0] && parts[1] && /^[a-z0-9]+_[a-z0-9_]+$/.test(parts[0]) && !['local', 'module', 'each', 'count', 'self', 'path', 'terraform'].includes(parts[0])) {
    return { kind: 'resource', key: parts[0], text: `${parts[0]}.${parts[1]}` };
  }
  return undefined;
}

function declared(config: Configuration): { resource: Set<string>; data: Set<string>; variable: Set<string> } {
  const out = { resource: new Set<string>(), data: new Set<string>(), variable: new Set<string>() };
  for (const b of config.blocks) {
    if (b.kind === 'resource') out.resource.add(b.labels[0] ?? '');
    else if (b.kind === 'data') out.data.add(b.labels[0] ?? '');
    else if (b.kind === 'variable') out.variable.add(b.labels[0] ?? '');
  }
  return out;
}

/** The literal strings inside an expression that hold `${`: what Terraform will read as a template. */
export function literalStrings(expr: Expr): string[] {
  const out: string[] = [];
  walkExpr(expr, (e) => {
    if (e.kind === 'literal' && typeof e.value === 'string' && e.value.includes('${')) out.push(e.value);
  });
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-literal-reference-undeclared',
    category: 'reference',
    severity: 'high',
    // Terraform refuses the configuration ("Reference to undeclared ..."): listed even where the ideal repeats it.
    blocker: true,
    fixClass: 'C',
    title: 'Terraform reference in a CDKTF string to something the stack never declares',
    rootCause:
      'The model writes HCL interpolation inside a TypeScript string (`"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"`); Terraform reads it as a reference, but the stack declares no such data source, resource or variable.',
    fix: 'Declare the construct and use its attribute token (`const caller = new DataAwsCallerIdentity(this, \'current\')`, then `` `arn:aws:iam::${caller.accountId}:root` `` in a template literal).',
    fixExample: "const caller = new DataAwsCallerIdentity(this, 'current');\nconst principal = `arn:aws:iam::${caller.accountId}:root`;",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/tokens',
    knowledgeGap: 'CDKTF: reference other constructs through their attribute tokens, not HCL interpolation in strings.',
    impact: '`terraform validate` on the synthesized stack fails ("Reference to undeclared resource").',
  },
  check(ctx) {
    if (!isCdktfConfig(ctx.config)) return;
    const have = declared(ctx.config);
    const reported = new Set<string>();
    for (const b of ctx.config.blocks) {
      for (const { attribute } of allAttributes(b)) {
        for (const text of literalStrings(attribute.expr)) {
          for (const traversal of interpolatedTraversals(text)) {
            const need = needed(traversal);
            if (!need || have[need.kind].has(need.key) || reported.has(need.text)) continue;
            reported.add(need.text);
            ctx.report({
              block: b as Block,
              span: attribute.span,
              resource: need.text,
              message: `${blockAddress(b)} holds the string "\${${traversal}}", a Terraform reference to ${need.text}, which the stack never declares: validate fails on the synthesized configuration.`,
            });
          }
        }
      }
    }
  },
};

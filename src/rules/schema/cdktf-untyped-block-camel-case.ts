import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { lineOf } from '../util/ts-classes.js';

/**
 * Provider arguments that @cdktf/provider-aws types as `any` (recursive schemas the generator does not expand):
 * their value is passed to Terraform as written (`anyToTerraform` is the identity), so keys are not converted from
 * camelCase. Construct class → argument. A test compares the list with the installed declarations.
 */
export const UNTYPED_ARGUMENTS: Record<string, string> = {
  Wafv2WebAcl: 'statement',
  Wafv2RuleGroup: 'statement',
  QuicksightAnalysis: 'definition',
  QuicksightDashboard: 'definition',
  QuicksightTemplate: 'definition',
};

export interface CamelKey {
  className: string;
  argument: string;
  key: string;
  line: number;
}

function className(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The first key with an upper-case letter in an object literal, at any depth. */
function firstCamelKey(obj: ts.ObjectLiteralExpression): ts.PropertyAssignment | undefined {
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
    if (name && /[A-Z]/.test(name)) return p;
    if (ts.isObjectLiteralExpression(p.initializer)) {
      const inner = firstCamelKey(p.initializer);
      if (inner) return inner;
    }
    if (ts.isArrayLiteralExpression(p.initializer)) {
      for (const el of p.initializer.elements) {
        const inner = ts.isObjectLiteralExpression(el) ? firstCamelKey(el) : undefined;
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

/** camelCase keys written inside an untyped argument of a construct (`statement: { rateBasedStatement: {...} }`). */
export function camelKeysInUntypedArguments(path: string, content: string): CamelKey[] {
  const sf = parseTypeScript(path, content);
  const out: CamelKey[] = [];
  const inConstruct = (node: ts.Node, cls: string, argument: string): void => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === argument && ts.isObjectLiteralExpression(node.initializer)) {
      const camel = firstCamelKey(node.initializer);
      if (camel) out.push({ className: cls, argument, key: (camel.name as ts.Identifier).text, line: lineOf(sf, camel) });
      return;
    }
    ts.forEachChild(node, (n) => inConstruct(n, cls, argument));
  };
  const walk = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const cls = className(node.expression);
      const argument = cls === undefined ? undefined : UNTYPED_ARGUMENTS[cls];
      if (cls && argument) for (const a of node.arguments ?? []) inConstruct(a, cls, argument);
    }
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return out;
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-untyped-block-camel-case',
    category: 'schema',
    severity: 'high',
    fixClass: 'C',
    // validate rejects the synthesized block whatever the check's measured precision.
    blocker: true,
    title: 'camelCase keys in an argument CDKTF passes through unconverted (WAF statement)',
    rootCause:
      'The provider bindings type a WAFv2 rule `statement` (and QuickSight `definition`) as `any`, so CDKTF writes its keys to Terraform exactly as given; the model writes `rateBasedStatement` / `managedRuleGroupStatement` as it does in typed arguments, where CDKTF converts them.',
    fix: 'Write the keys inside `statement` in Terraform\'s snake_case (`rate_based_statement`, `managed_rule_group_statement`, `vendor_name`, `aggregate_key_type`).',
    fixExample: "statement: {\n  managed_rule_group_statement: {\n    name: 'AWSManagedRulesCommonRuleSet',\n    vendor_name: 'AWS',\n  },\n},",
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl#statement-block',
    knowledgeGap: 'CDKTF converts camelCase keys only where the bindings declare the type; `any`-typed arguments reach Terraform as written.',
    impact: 'The synthesized configuration fails `terraform validate` (Blocks of type "rateBasedStatement" are not expected here).',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const found = camelKeysInUntypedArguments(file.path, file.content);
      if (!found.length) continue;
      const first = found[0]!;
      ctx.report({
        span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: `${file.path}:${first.className}.${first.argument}`,
        message: `${basename(file.path)}: \`${first.key}\` inside ${first.className}'s \`${first.argument}\` (line ${first.line}${found.length > 1 ? ` and ${found.length - 1} more` : ''}) reaches Terraform unconverted: the bindings type \`${first.argument}\` as any, so Terraform expects \`${snake(first.key)}\`.`,
      });
    }
  },
};

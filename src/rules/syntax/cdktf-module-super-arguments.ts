import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { baseName, lineOf, namedImportsFrom } from '../util/ts-classes.js';

export interface ModuleSuperCall {
  className: string;
  line: number;
}

/**
 * Classes that extend cdktf's `TerraformModule` and call `super(scope, id)` without the module options: its
 * constructor is `(scope, id, options: TerraformModuleConfig)`, with a required `source`.
 */
export function moduleSuperCallsWithoutOptions(path: string, content: string): ModuleSuperCall[] {
  const sf = parseTypeScript(path, content);
  const locals = new Set([...namedImportsFrom(sf, 'cdktf')].filter(([, imported]) => imported === 'TerraformModule').map(([local]) => local));
  if (!locals.size) return [];
  const out: ModuleSuperCall[] = [];
  for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
    const base = baseName(cls);
    if (!cls.name || base === undefined || !locals.has(base)) continue;
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    const call = ctor?.body?.statements.find(
      (s): s is ts.ExpressionStatement => ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && s.expression.expression.kind === ts.SyntaxKind.SuperKeyword,
    );
    const args = call ? (call.expression as ts.CallExpression).arguments : undefined;
    if (args && args.length < 3 && !args.some(ts.isSpreadElement)) out.push({ className: cls.name.text, line: lineOf(sf, call!) });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-module-super-arguments',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Construct class extends TerraformModule without module options (TypeScript does not compile)',
    rootCause:
      'The model groups its own resources in a class that extends `TerraformModule` and calls `super(scope, id)`; TerraformModule stands for a Terraform module block and its constructor requires options with the module `source`. Groups of resources are Constructs.',
    fix: 'Extend `Construct` (from constructs) for a group of resources; keep TerraformModule for calling a registry or local Terraform module with `source`.',
    fixExample: "import { Construct } from 'constructs';\n\nexport class KmsModule extends Construct {\n  constructor(scope: Construct, id: string, config: KmsModuleConfig) {\n    super(scope, id);\n    // resources\n  }\n}",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/constructs',
    knowledgeGap: 'CDKTF: custom groups of resources extend Construct; TerraformModule(scope, id, { source }) is a Terraform module call.',
    impact: '`tsc` fails (TS2554: Expected 3 arguments, but got 2), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const calls = moduleSuperCallsWithoutOptions(file.path, file.content);
      if (!calls.length) continue;
      const first = calls[0]!;
      ctx.report({
        span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: `${file.path}:${first.className}`,
        message: `${basename(file.path)}: ${calls.map((c) => c.className).join(', ')} extend${calls.length === 1 ? 's' : ''} TerraformModule and call${calls.length === 1 ? 's' : ''} super(scope, id) without the module options (line ${first.line}): tsc rejects it (TS2554); a group of resources extends Construct.`,
      });
    }
  },
};

import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { baseName, lineOf, namedImportsFrom, visitThisScope } from '../util/ts-classes.js';

interface NestedStack {
  file: string;
  line: number;
  child: string;
  parent: string;
  childHasProvider: boolean;
}

function createsProvider(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && /Provider$/.test(n.expression.text)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * `new ChildStack(this, ...)` inside another TerraformStack subclass, where ChildStack is a TerraformStack subclass
 * of the response itself (classes are matched by name across the files).
 */
export function nestedStacks(files: { path: string; content: string }[]): NestedStack[] {
  const parsed = files.map((f) => ({ path: f.path, sf: parseTypeScript(f.path, f.content) }));
  const stackClasses = new Map<string, ts.ClassDeclaration>();
  for (const { sf } of parsed) {
    const stackNames = new Set([...namedImportsFrom(sf, 'cdktf')].filter(([, imported]) => imported === 'TerraformStack').map(([local]) => local));
    if (!stackNames.size) continue;
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      const base = baseName(cls);
      if (cls.name && base !== undefined && stackNames.has(base)) stackClasses.set(cls.name.text, cls);
    }
  }
  const out: NestedStack[] = [];
  for (const { path, sf } of parsed) {
    for (const parent of sf.statements.filter(ts.isClassDeclaration)) {
      if (!parent.name || stackClasses.get(parent.name.text) !== parent) continue;
      visitThisScope(parent, (n) => {
        if (!ts.isNewExpression(n) || !ts.isIdentifier(n.expression) || n.arguments?.[0]?.kind !== ts.SyntaxKind.ThisKeyword) return;
        const child = stackClasses.get(n.expression.text);
        if (child && child !== parent) out.push({ file: path, line: lineOf(sf, n), child: n.expression.text, parent: parent.name!.text, childHasProvider: createsProvider(child) });
      });
    }
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-nested-stack',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    // `cdktf synth` stops (provider validation) or the nested stack is a separate deployment the pipeline never
    // runs: listed whatever the check's measured precision unless the ideal does the same.
    applyFailure: true,
    title: 'TerraformStack created inside another stack',
    rootCause:
      'The model carries over AWS CDK nested stacks: it makes each part a `TerraformStack` and creates it inside the main stack. In CDKTF every stack is its own Terraform configuration with its own providers; the parts should be `Construct`s.',
    fix: 'Make the parts `Construct` subclasses (`class NetworkStack extends Construct`) so their resources join the main stack and use its provider.',
    fixExample: "import { Construct } from 'constructs';\n\nexport class NetworkModule extends Construct {\n  constructor(scope: Construct, id: string, props: NetworkProps) {\n    super(scope, id);\n    // resources use the provider of the stack that contains this construct\n  }\n}",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/stacks',
    knowledgeGap: 'CDKTF stacks are separate configurations: no nested stacks, providers do not cross stack boundaries.',
    impact: '`cdktf synth` fails ("Found resources without a matching provider construct") or the nested stack is never deployed with the main one.',
  },
  check(ctx) {
    const found = nestedStacks(typeScriptFiles(ctx.config));
    const byParent = new Map<string, NestedStack[]>();
    for (const n of found) byParent.set(`${n.file}:${n.parent}`, [...(byParent.get(`${n.file}:${n.parent}`) ?? []), n]);
    for (const [key, group] of byParent) {
      const first = group[0]!;
      const children = [...new Set(group.map((g) => g.child))];
      const withoutProvider = group.filter((g) => !g.childHasProvider).map((g) => g.child);
      ctx.report({
        span: { file: first.file, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: key,
        message: `${basename(first.file)}: ${first.parent} creates the TerraformStack subclass${children.length > 1 ? 'es' : ''} ${children.join(', ')} inside itself (line ${first.line}); ${withoutProvider.length ? `${[...new Set(withoutProvider)].join(', ')} declare${withoutProvider.length > 1 ? '' : 's'} no provider, so \`cdktf synth\` fails its provider validation` : 'each is a separate stack the main deployment does not include'}. Make them Constructs.`,
      });
    }
  },
};

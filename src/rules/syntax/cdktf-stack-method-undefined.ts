import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { baseName, lineOf, namedImportsFrom, visitThisScope } from '../util/ts-classes.js';

/**
 * Instance members of the CDKTF base classes a stack or construct inherits (cdktf 0.21 `TerraformStack`,
 * constructs 10 `Construct`; private members left out: calling them does not compile either). A test compares
 * these lists with the declaration files of the installed packages.
 */
export const TERRAFORM_STACK_MEMBERS = [
  'synthesizer', 'dependencies', 'moveTargets', 'prepareStack', 'addOverride', 'getLogicalId', 'allocateLogicalId', 'allProviders',
  'ensureBackendExists', 'toHclTerraform', 'toTerraform', 'registerOutgoingCrossStackReference', 'registerIncomingCrossStackReference',
  'dependsOn', 'addDependency', 'runAllValidations', 'hasResourceMove',
];
export const CONSTRUCT_MEMBERS = ['node', 'with', 'toString'];

/** The packages the base classes come from, and the members each base brings. */
const BASES: Record<string, { module: string; members: string[] }> = {
  TerraformStack: { module: 'cdktf', members: [...TERRAFORM_STACK_MEMBERS, ...CONSTRUCT_MEMBERS] },
  Construct: { module: 'constructs', members: CONSTRUCT_MEMBERS },
};

/** What to write instead of a method models borrow from other frameworks. */
const INSTEAD: Record<string, string> = {
  addOutput: 'outputs are `new TerraformOutput(this, id, { value })`',
};

interface UndefinedCall {
  className: string;
  base: string;
  method: string;
  line: number;
}

function memberNames(cls: ts.ClassDeclaration): Set<string> {
  const names = new Set<string>();
  for (const m of cls.members) {
    if (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) || ts.isPrivateIdentifier(m.name))) names.add(m.name.text);
    // Constructor parameter properties (`constructor(private readonly config: Config)`) are members too.
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) if (ts.isIdentifier(p.name) && ts.getModifiers(p)?.length) names.add(p.name.text);
    }
  }
  return names;
}

/** `this.name(...)` calls inside a class whose base is a CDKTF stack or construct and that declares no such member. */
export function undefinedThisCalls(path: string, content: string): UndefinedCall[] {
  const sf = parseTypeScript(path, content);
  const bases = new Map<string, string>();
  for (const [base, { module }] of Object.entries(BASES)) for (const [local, imported] of namedImportsFrom(sf, module)) if (imported === base) bases.set(local, base);
  if (!bases.size) return [];
  // An interface merged with the class (`interface MyStack extends Mixin {}`) can add members this does not see.
  const interfaces = new Set(sf.statements.filter(ts.isInterfaceDeclaration).map((i) => i.name.text));
  const out: UndefinedCall[] = [];
  for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
    const local = baseName(cls);
    const base = local === undefined ? undefined : bases.get(local);
    if (!base || !cls.name || interfaces.has(cls.name.text)) continue;
    const known = new Set([...memberNames(cls), ...BASES[base]!.members]);
    visitThisScope(cls, (node) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.expression.kind !== ts.SyntaxKind.ThisKeyword) return;
      const method = node.expression.name.text;
      if (!known.has(method)) out.push({ className: cls.name!.text, base, method, line: lineOf(sf, node) });
    });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-stack-method-undefined',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Call of a method the stack class does not have (TypeScript does not compile)',
    rootCause:
      'The model calls `this.addOutput(...)` or another helper on a TerraformStack or Construct subclass that neither the class nor its CDKTF base declares, borrowing the API of AWS CDK or of a helper it never wrote.',
    fix: 'Use the CDKTF construct for it (`new TerraformOutput(this, id, { value })`) or write the helper method in the class.',
    fixExample: "import { TerraformOutput } from 'cdktf';\n\nnew TerraformOutput(this, 'vpc-id', { value: vpc.id, description: 'VPC ID' });",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/variables-and-outputs#output-values',
    knowledgeGap: 'CDKTF stacks have no addOutput: outputs are TerraformOutput constructs (TS2339 otherwise).',
    impact: '`tsc` fails (TS2339: property does not exist on the type), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const calls = undefinedThisCalls(file.path, file.content);
      const byClassMethod = new Map<string, UndefinedCall[]>();
      for (const c of calls) byClassMethod.set(`${c.className}.${c.method}`, [...(byClassMethod.get(`${c.className}.${c.method}`) ?? []), c]);
      for (const [key, group] of byClassMethod) {
        const first = group[0]!;
        const instead = INSTEAD[first.method] ? `; ${INSTEAD[first.method]}` : '';
        ctx.report({
          span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
          resource: `${file.path}:${key}`,
          message: `${basename(file.path)}: \`this.${first.method}(...)\` (line ${first.line}${group.length > 1 ? ` and ${group.length - 1} more` : ''}) is not a member of ${first.className} or of ${first.base}: tsc rejects it (TS2339)${instead}.`,
        });
      }
    }
  },
};

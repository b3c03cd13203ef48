/** TypeScript AST helpers for rules that read the classes of a CDKTF program (imports, bases, `this` scope). */
import ts from 'typescript';
import { activeSchema, type BlockSchema } from '../../schema/index.js';
import { typeFromClassName } from '../../cdktf/naming.js';

/** Named imports from one module, local name → exported name (`import { TerraformStack as Stack } from 'cdktf'`). */
export function namedImportsFrom(sf: ts.SourceFile, module: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== module) continue;
    const bindings = s.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) out.set(el.name.text, (el.propertyName ?? el.name).text);
  }
  return out;
}

/** The identifier a class extends (`class A extends B` → "B"), when it is a plain identifier. */
export function baseName(cls: ts.ClassDeclaration): string | undefined {
  const base = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return base && ts.isIdentifier(base) ? base.text : undefined;
}

/** Visits the nodes of a class's members where `this` is the instance: not inside function expressions or nested classes. */
export function visitThisScope(cls: ts.ClassDeclaration, visit: (node: ts.Node) => void): void {
  const walk = (n: ts.Node): void => {
    if (ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n) || (ts.isClassLike(n) && n !== cls)) return;
    visit(n);
    ts.forEachChild(n, walk);
  };
  for (const m of cls.members) walk(m);
}

/** 1-based line of a node's first token. */
export function lineOf(sf: ts.SourceFile, node: ts.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** The class a `new X(...)` / `new ns.X(...)` builds. */
export function newClassName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Variables initialised with `new X(...)`, mapped to X: the construct each one holds. */
export function constructVariables(sf: ts.SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isNewExpression(node.initializer)) {
      const cls = newClassName(node.initializer.expression);
      if (cls) out.set(node.name.text, cls);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The schema of the AWS resource or data source a provider class (`S3Bucket`, `DataAwsAmi`) builds, if known. */
export function providerClassSchema(cls: string): BlockSchema | undefined {
  const schema = activeSchema();
  const guess = typeFromClassName('aws', cls);
  return guess.kind === 'data' ? schema.dataSource(guess.type) : guess.kind === 'resource' ? schema.resource(guess.type) : undefined;
}

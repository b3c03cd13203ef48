/**
 * Unused imports and local variables in TypeScript sources, as `@typescript-eslint/no-unused-vars` reports them.
 * Syntax-only (no type checker): a name counts as used when any identifier in a value or type position spells it,
 * which can only under-report (a shadowed name looks used), never invent an unused one.
 */
import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';

export interface UnusedName {
  name: string;
  kind: 'import' | 'variable';
  /** 1-based. */
  line: number;
}

interface Declared {
  name: string;
  kind: UnusedName['kind'];
  node: ts.Identifier;
}

function isExported(stmt: ts.VariableStatement): boolean {
  return (ts.getModifiers(stmt) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DeclareKeyword);
}

function bindingNames(name: ts.BindingName, out: ts.Identifier[]): void {
  if (ts.isIdentifier(name)) {
    out.push(name);
    return;
  }
  for (const el of name.elements) {
    if (ts.isOmittedExpression(el)) continue;
    // `const { a, ...rest } = o`: `a` only picks `rest` out of `o` (ESLint's ignoreRestSiblings).
    if (ts.isObjectBindingPattern(name) && name.elements.some((e) => e.dotDotDotToken)) {
      if (!el.dotDotDotToken) continue;
    }
    bindingNames(el.name, out);
  }
}

/** Identifiers that name a member or a key rather than refer to a binding. */
function isNonReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p as ts.PropertyAccessExpression).name === id) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p) || ts.isEnumMember(p)) && p.name === id) return true;
  if (ts.isBindingElement(p) && p.propertyName === id) return true;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return true;
  if (ts.isJsxAttribute(p) && p.name === id) return true;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return true;
  return false;
}

export function unusedNames(path: string, content: string): UnusedName[] {
  const sf = parseTypeScript(path, content);
  // A file without imports is a fragment quoted in prose (`const vpc = new Vpc(...)`), not a module ESLint would see.
  if (!sf.statements.some((s) => ts.isImportDeclaration(s))) return [];
  const declared: Declared[] = [];
  const declarationNodes = new Set<ts.Node>();
  const used = new Set<string>();

  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !stmt.importClause) continue;
    const clause = stmt.importClause;
    const ids: ts.Identifier[] = [];
    if (clause.name) ids.push(clause.name);
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) ids.push(nb.name);
    if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) ids.push(el.name);
    for (const id of ids) {
      declared.push({ name: id.text, kind: 'import', node: id });
      declarationNodes.add(id);
    }
  }

  const visit = (node: ts.Node): void => {
    if (ts.isVariableStatement(node) && !isExported(node)) {
      for (const d of node.declarationList.declarations) {
        const ids: ts.Identifier[] = [];
        bindingNames(d.name, ids);
        for (const id of ids) {
          if (id.text.startsWith('_')) continue;
          declared.push({ name: id.text, kind: 'variable', node: id });
          declarationNodes.add(id);
        }
      }
    }
    if (ts.isIdentifier(node) && !declarationNodes.has(node) && !isNonReference(node)) used.add(node.text);
    if (ts.isShorthandPropertyAssignment(node)) used.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);

  const out: UnusedName[] = [];
  for (const d of declared) {
    if (used.has(d.name)) continue;
    out.push({ name: d.name, kind: d.kind, line: sf.getLineAndCharacterOfPosition(d.node.getStart(sf)).line + 1 });
  }
  return out.sort((a, b) => a.line - b.line || (a.name < b.name ? -1 : 1));
}

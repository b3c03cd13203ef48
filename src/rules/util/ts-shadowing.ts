import ts from 'typescript';
import { parseTypeScript } from './ts-source.js';

/**
 * Local variables and parameters that reuse the name of an import of the same file. `selfReference`: a `const` or
 * `let` whose own initializer reads the name (`const eip = new eip.Eip(...)`), which TypeScript rejects (TS2448:
 * block-scoped variable used before its declaration).
 */
export function shadowedImports(path: string, content: string): { name: string; line: number; selfReference: boolean }[] {
  const sf = parseTypeScript(path, content);
  const imported = new Set<string>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause) continue;
    const c = s.importClause;
    if (c.name) imported.add(c.name.text);
    if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) imported.add(c.namedBindings.name.text);
    if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const el of c.namedBindings.elements) imported.add(el.name.text);
  }
  const out: { name: string; line: number; selfReference: boolean }[] = [];
  if (!imported.size) return out;
  const readsName = (node: ts.Node, name: string): boolean => {
    let found = false;
    const walk = (n: ts.Node): void => {
      if (found) return;
      // `x.name` reads x, not the name; only an identifier in value position counts.
      if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) found = true;
      else ts.forEachChild(n, walk);
    };
    walk(node);
    return found;
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name) && imported.has(node.name.text)) {
      const blockScoped = ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & (ts.NodeFlags.Const | ts.NodeFlags.Let)) !== 0;
      const selfReference = blockScoped && node.initializer !== undefined && readsName(node.initializer, node.name.text);
      out.push({ name: node.name.text, line: sf.getLineAndCharacterOfPosition(node.name.getStart(sf)).line + 1, selfReference });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

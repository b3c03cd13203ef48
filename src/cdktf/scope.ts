/** Lexical name lookup over a parsed file: which declaration an identifier refers to. No type checker involved. */
import ts from 'typescript';

export type Declaration =
  | ts.VariableDeclaration
  | ts.BindingElement
  | ts.ParameterDeclaration
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.EnumDeclaration
  | ts.ImportSpecifier
  | ts.NamespaceImport
  | ts.ImportClause
  | ts.ImportEqualsDeclaration;

const tables = new WeakMap<ts.Node, Map<string, Declaration>>();

/** The declaration `name` refers to at `from`, searching enclosing scopes outwards. */
export function lookup(name: string, from: ts.Node): Declaration | undefined {
  for (let n: ts.Node | undefined = from; n; n = n.parent) {
    if (!isScope(n)) continue;
    const hit = tableOf(n).get(name);
    if (hit) return hit;
  }
  return undefined;
}

function isScope(n: ts.Node): boolean {
  return (
    ts.isSourceFile(n) ||
    ts.isBlock(n) ||
    ts.isModuleBlock(n) ||
    ts.isCaseClause(n) ||
    ts.isDefaultClause(n) ||
    ts.isFunctionLike(n) ||
    ts.isForStatement(n) ||
    ts.isForOfStatement(n) ||
    ts.isForInStatement(n) ||
    ts.isCatchClause(n)
  );
}

function tableOf(scope: ts.Node): Map<string, Declaration> {
  let table = tables.get(scope);
  if (table) return table;
  table = new Map();
  const add = (name: string, decl: Declaration): void => {
    if (!table!.has(name)) table!.set(name, decl);
  };
  if (ts.isFunctionLike(scope)) {
    for (const p of scope.parameters) bindName(p.name, p, add);
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) for (const d of init.declarations) bindName(d.name, d, add);
  } else if (ts.isCatchClause(scope)) {
    if (scope.variableDeclaration) bindName(scope.variableDeclaration.name, scope.variableDeclaration, add);
  } else {
    const statements = ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : (scope as ts.Block).statements;
    for (const st of statements ?? []) addStatement(st, add);
  }
  tables.set(scope, table);
  return table;
}

function addStatement(st: ts.Statement, add: (name: string, decl: Declaration) => void): void {
  if (ts.isVariableStatement(st)) {
    for (const d of st.declarationList.declarations) bindName(d.name, d, add);
  } else if (ts.isFunctionDeclaration(st) && st.name) {
    add(st.name.text, st);
  } else if (ts.isClassDeclaration(st) && st.name) {
    add(st.name.text, st);
  } else if (ts.isEnumDeclaration(st)) {
    add(st.name.text, st);
  } else if (ts.isImportDeclaration(st) && st.importClause) {
    const c = st.importClause;
    if (c.name) add(c.name.text, c);
    const nb = c.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) add(nb.name.text, nb);
    else if (nb) for (const el of nb.elements) add(el.name.text, el);
  } else if (ts.isImportEqualsDeclaration(st)) {
    add(st.name.text, st);
  }
}

function bindName(
  name: ts.BindingName,
  decl: ts.VariableDeclaration | ts.ParameterDeclaration,
  add: (name: string, decl: Declaration) => void,
): void {
  if (ts.isIdentifier(name)) {
    add(name.text, decl);
    return;
  }
  for (const el of name.elements) {
    if (ts.isOmittedExpression(el)) continue;
    if (ts.isIdentifier(el.name)) add(el.name.text, el);
    else bindName(el.name, decl, add);
  }
}

/**
 * Pre-order walk without recursion, so deeply nested input cannot exhaust the stack. `visit` returning false skips
 * the node's children.
 */
export function walk(root: ts.Node, visit: (n: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    const kids: ts.Node[] = [];
    ts.forEachChild(n, (c) => {
      kids.push(c);
    });
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** True when a `let`/`var` name is assigned after its declaration anywhere in the file (then its initializer is not its value). */
export function reassignedNames(sf: ts.SourceFile, assignments?: Map<string, ts.Expression[]>): Set<string> {
  const out = new Set<string>();
  walk(sf, (n) => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      if (ts.isIdentifier(n.left)) {
        out.add(n.left.text);
        if (assignments) assignments.set(n.left.text, [...(assignments.get(n.left.text) ?? []), n.right]);
      }
    } else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && ts.isIdentifier(n.operand)) {
      if (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) out.add(n.operand.text);
    }
  });
  return out;
}

/** `const`, or a `let`/`var` never reassigned. */
export function isStableDeclaration(decl: ts.VariableDeclaration, reassigned: Set<string>): boolean {
  const list = decl.parent;
  if (ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const) return true;
  return ts.isIdentifier(decl.name) && !reassigned.has(decl.name.text);
}

/** The class whose body contains `node`, if any. */
export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) return n;
  }
  return undefined;
}

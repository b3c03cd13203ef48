import ts from 'typescript';
import type { Rule } from '../types.js';
import { basename } from '../util/files.js';

/** Local variables and parameters that reuse the name of an import of the same file. */
export function shadowedImports(path: string, content: string): { name: string; line: number }[] {
  const sf = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imported = new Set<string>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause) continue;
    const c = s.importClause;
    if (c.name) imported.add(c.name.text);
    if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) imported.add(c.namedBindings.name.text);
    if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const el of c.namedBindings.elements) imported.add(el.name.text);
  }
  const out: { name: string; line: number }[] = [];
  if (!imported.size) return out;
  const visit = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name) && imported.has(node.name.text)) {
      out.push({ name: node.name.text, line: sf.getLineAndCharacterOfPosition(node.name.getStart(sf)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'ts-shadowed-import',
    category: 'naming',
    severity: 'low',
    fixClass: 'C',
    title: 'Local variable reuses the name of an import',
    rootCause: 'The model names a construct handle after the module namespace it imported (`const eip = new eip.Eip(...)`).',
    fix: 'Give the local a distinct name (`natEip`, `elasticIp`).',
    fixExample: "import * as eip from '@cdktf/provider-aws/lib/eip';\n\nconst natEip = new eip.Eip(this, 'nat-eip', { domain: 'vpc' });",
    docs: 'https://typescript-eslint.io/rules/no-shadow/',
    knowledgeGap: 'Distinct names for imports and locals in TypeScript',
    impact: 'Compile errors (use before declaration) or confusing code when the import is needed in the same scope.',
  },
  check(ctx) {
    for (const file of ctx.config.files) {
      if (!/\.tsx?$/.test(file.path) || file.path.endsWith('.d.ts')) continue;
      for (const s of shadowedImports(file.path, file.content)) {
        ctx.report({
          span: { file: file.path, line: s.line, column: 1, endLine: s.line, endColumn: 1 },
          resource: `${file.path}:${s.name}`,
          message: `${basename(file.path)}: local \`${s.name}\` (line ${s.line}) has the name of an import of this file.`,
        });
      }
    }
  },
};

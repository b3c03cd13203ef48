import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { lineOf } from '../util/ts-classes.js';

interface DuplicateId {
  id: string;
  className: string;
  lines: number[];
}

/** `new X(this, 'id', ...)` written directly as a statement of the block (not under a condition or loop). */
function directConstructId(statement: ts.Statement): { id: string; node: ts.NewExpression } | undefined {
  const exprs: ts.Expression[] = [];
  if (ts.isExpressionStatement(statement)) exprs.push(statement.expression);
  if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) if (d.initializer) exprs.push(d.initializer);
  for (const e of exprs) {
    const n = ts.isAwaitExpression(e) ? e.expression : e;
    if (!ts.isNewExpression(n) || n.arguments?.[0]?.kind !== ts.SyntaxKind.ThisKeyword) continue;
    const id = n.arguments[1];
    if (id && (ts.isStringLiteral(id) || ts.isNoSubstitutionTemplateLiteral(id))) return { id: id.text, node: n };
  }
  return undefined;
}

/** Construct ids used twice among the direct statements of one method or constructor body of a class. */
export function duplicateConstructIds(path: string, content: string): DuplicateId[] {
  const sf = parseTypeScript(path, content);
  const out: DuplicateId[] = [];
  for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
    for (const m of cls.members) {
      const body = (ts.isConstructorDeclaration(m) || ts.isMethodDeclaration(m)) && m.body ? m.body : undefined;
      if (!body) continue;
      const byId = new Map<string, number[]>();
      for (const st of body.statements) {
        const hit = directConstructId(st);
        if (hit) byId.set(hit.id, [...(byId.get(hit.id) ?? []), lineOf(sf, hit.node)]);
      }
      for (const [id, lines] of byId) if (lines.length > 1) out.push({ id, className: cls.name?.text ?? '(anonymous class)', lines });
    }
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-duplicate-construct-id',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    // The constructs library throws during synth: listed whatever the check's measured precision.
    applyFailure: true,
    title: 'Two constructs with the same id in one scope',
    rootCause:
      "The model reuses a construct id in one scope (`new DataAwsCallerIdentity(this, 'current')` and `new DataAwsRegion(this, 'current')`): ids must be unique among a scope's children, whatever their class.",
    fix: "Give each construct of the scope its own id ('caller-identity', 'region').",
    fixExample: "const caller = new DataAwsCallerIdentity(this, 'caller-identity');\nconst region = new DataAwsRegion(this, 'region');",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/constructs',
    knowledgeGap: 'Construct ids are unique per scope, across construct classes.',
    impact: '`cdktf synth` throws ("There is already a Construct with name ... in ..."), so nothing is synthesized.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      for (const d of duplicateConstructIds(file.path, file.content)) {
        ctx.report({
          span: { file: file.path, line: d.lines[1]!, column: 1, endLine: d.lines[1]!, endColumn: 1 },
          resource: `${file.path}:${d.className}:${d.id}`,
          message: `${basename(file.path)}: ${d.className} creates ${d.lines.length} constructs with the id '${d.id}' in the same scope (lines ${d.lines.join(', ')}): synth throws "There is already a Construct with name '${d.id}'".`,
        });
      }
    }
  },
};

import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { camelToSnake } from '../../model/names.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { constructVariables, providerClassSchema } from '../util/ts-classes.js';

/** Schema types the CDKTF bindings expose as plain arrays (`string[]`, `number[]`), which have no `.get(i)`. */
const PLAIN_LIST = /^(?:list|set)\((?:string|number|bool)\)$/;

/**
 * `x.prop.get(i)` where `x` was built from a provider class and `prop` is an attribute of a primitive list type:
 * the binding's getter returns `string[]`, which has no `get` (TS2339). Lists of objects return a complex list,
 * whose `.get(i)` is right.
 */
export function listAttributeGets(path: string, content: string): { line: number; variable: string; attribute: string; type: string }[] {
  const sf = parseTypeScript(path, content);
  const classes = constructVariables(sf);
  const calls: { line: number; variable: string; property: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get') {
      const list = node.expression.expression;
      if (ts.isPropertyAccessExpression(list) && ts.isIdentifier(list.expression)) {
        calls.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, variable: list.expression.text, property: list.name.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const out: { line: number; variable: string; attribute: string; type: string }[] = [];
  for (const c of calls) {
    const cls = classes.get(c.variable);
    const block = cls ? providerClassSchema(cls) : undefined;
    if (!block) continue;
    const name = Object.keys(block.attributes).find((n) => (block.attributes[n]!.cdktfName ?? null) === c.property) ?? camelToSnake(c.property);
    const attr = block.attributes[name];
    if (!attr || !PLAIN_LIST.test(attr.type)) continue;
    out.push({ line: c.line, variable: c.variable, attribute: c.property, type: attr.type });
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-list-attribute-get',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'CDKTF list attribute read with .get(i) (TypeScript does not compile)',
    rootCause:
      'Models treat every list attribute of a CDKTF construct as a complex list with `.get(i)`; attributes that are lists of strings or numbers (`availabilityZones.names`, `ami.ids`) are plain arrays of tokens.',
    fix: 'Use `Fn.element(zones.names, i)` (or `Fn.tolist(...)`) to pick an element of a plain list attribute.',
    fixExample: "import { Fn } from 'cdktf';\n\nconst az = Fn.element(zones.names, i);",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/tokens#lists',
    knowledgeGap: 'CDKTF exposes primitive list attributes as string[] / number[] tokens; only lists of objects have .get(i).',
    impact: '`tsc` fails (TS2339: property "get" does not exist on type string[]), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const found = listAttributeGets(file.path, file.content);
      if (!found.length) continue;
      const first = found[0]!;
      ctx.report({
        span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: `file:${file.path}`,
        message: `${basename(file.path)}: \`${first.variable}.${first.attribute}.get(...)\` (line ${first.line}) calls get on a ${first.type} attribute, a plain array in the bindings: tsc rejects it (TS2339)${found.length > 1 ? `; ${found.length - 1} more in this file` : ''}.`,
      });
    }
  },
};

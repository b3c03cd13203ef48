import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { camelToSnake } from '../../model/names.js';
import { constructVariables, providerClassSchema } from '../util/ts-classes.js';
import { basename, typeScriptFiles } from '../util/files.js';

export interface AttributeCall {
  line: number;
  variable: string;
  attribute: string;
}

/**
 * `cert.domainValidationOptions('0')`: a call of an attribute or block of a provider construct. The bindings expose
 * attributes and blocks as getters (a token, a list or a complex object), never as methods, so tsc rejects the call
 * (TS2349, not callable). Methods of the bindings (`putX`, `resetX`, `getStringAttribute`, `addOverride`) are not
 * schema names, so they never match.
 */
export function attributeCalls(path: string, content: string): AttributeCall[] {
  const sf = parseTypeScript(path, content);
  const classes = constructVariables(sf);
  const calls: AttributeCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      calls.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, variable: node.expression.expression.text, attribute: node.expression.name.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return calls.filter((c) => {
    const cls = classes.get(c.variable);
    const block = cls ? providerClassSchema(cls) : undefined;
    if (!block) return false;
    const byCdktfName = (names: Record<string, { cdktfName?: string }>) => Object.keys(names).some((n) => names[n]!.cdktfName === c.attribute);
    const snake = camelToSnake(c.attribute);
    return byCdktfName(block.attributes) || byCdktfName(block.blocks) || snake in block.attributes || snake in block.blocks;
  });
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-attribute-called',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'CDKTF attribute called as a method (TypeScript does not compile)',
    rootCause:
      'The model calls an attribute of a provider construct as if it were a method (`cert.domainValidationOptions(0)`); the bindings expose attributes and blocks as getters: lists of objects are read with `.get(i)`, plain values directly.',
    fix: 'Read the attribute as a property: `cert.domainValidationOptions.get(0).resourceRecordName`.',
    fixExample: "const option = certificate.domainValidationOptions.get(0);\nnew Route53Record(this, 'validation', {\n  zoneId: zone.zoneId,\n  name: option.resourceRecordName,\n  type: option.resourceRecordType,\n  records: [option.resourceRecordValue],\n  ttl: 60,\n});",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/tokens#lists',
    knowledgeGap: 'CDKTF exposes resource attributes as getters (tokens and complex lists), not as methods.',
    impact: '`tsc` fails (TS2349: this expression is not callable), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const found = attributeCalls(file.path, file.content);
      if (!found.length) continue;
      const first = found[0]!;
      ctx.report({
        span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: `file:${file.path}`,
        message: `${basename(file.path)}: \`${first.variable}.${first.attribute}(...)\` (line ${first.line}) calls an attribute of a provider construct; the bindings expose it as a getter, so tsc rejects the call (TS2349)${found.length > 1 ? `; ${found.length - 1} more in this file` : ''}.`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { shadowedImports } from '../util/ts-shadowing.js';

export const rule: Rule = {
  meta: {
    id: 'ts-use-before-declaration',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Local variable read in its own initializer (TypeScript does not compile)',
    rootCause:
      'The model names a construct handle after the module namespace it imported and builds it from that namespace (`const subnet = new subnet.Subnet(...)`): inside the initializer the name is the new local, not the import.',
    fix: 'Give the local a distinct name (`publicSubnet`), or import the class by name.',
    fixExample: "import * as subnet from '@cdktf/provider-aws/lib/subnet';\n\nconst publicSubnet = new subnet.Subnet(this, 'public', { vpcId: vpc.id, cidrBlock: '10.0.1.0/24' });",
    docs: 'https://www.typescriptlang.org/docs/handbook/variable-declarations.html#block-scoping',
    knowledgeGap: 'Block-scoped names shadow imports from the start of their scope (TS2448).',
    impact: '`tsc` fails (TS2448: block-scoped variable used before its declaration), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      for (const s of shadowedImports(file.path, file.content).filter((x) => x.selfReference)) {
        ctx.report({
          span: { file: file.path, line: s.line, column: 1, endLine: s.line, endColumn: 1 },
          resource: `${file.path}:${s.name}`,
          message: `${basename(file.path)}: \`const ${s.name} = ...\` (line ${s.line}) reads \`${s.name}\` in its own initializer, meaning the local, not the import: tsc rejects it (TS2448).`,
        });
      }
    }
  },
};

import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { shadowedImports } from '../util/ts-shadowing.js';

export { shadowedImports };

export const rule: Rule = {
  meta: {
    id: 'ts-shadowed-import',
    category: 'naming',
    severity: 'low',
    fixClass: 'C',
    // Shadowing compiles; the case that does not (the local read in its own initializer) is
    // ts-use-before-declaration's failure. What remains is naming: an observation.
    defaultTier: 'observation',
    title: 'Local variable reuses the name of an import',
    rootCause: 'The model names a construct handle after the module namespace it imported (`const eip = new eip.Eip(...)`).',
    fix: 'Give the local a distinct name (`natEip`, `elasticIp`).',
    fixExample: "import * as eip from '@cdktf/provider-aws/lib/eip';\n\nconst natEip = new eip.Eip(this, 'nat-eip', { domain: 'vpc' });",
    docs: 'https://typescript-eslint.io/rules/no-shadow/',
    knowledgeGap: 'Distinct names for imports and locals in TypeScript',
    impact: 'Compile errors (use before declaration) or confusing code when the import is needed in the same scope.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      // A local read in its own initializer does not compile: ts-use-before-declaration reports it.
      for (const s of shadowedImports(file.path, file.content).filter((x) => !x.selfReference)) {
        ctx.report({
          span: { file: file.path, line: s.line, column: 1, endLine: s.line, endColumn: 1 },
          resource: `${file.path}:${s.name}`,
          message: `${basename(file.path)}: local \`${s.name}\` (line ${s.line}) has the name of an import of this file.`,
        });
      }
    }
  },
};

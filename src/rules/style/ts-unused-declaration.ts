import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { unusedNames } from './ts-unused.js';

const MAX_LISTED = 5;

export const rule: Rule = {
  meta: {
    id: 'ts-unused-declaration',
    category: 'style',
    severity: 'low',
    fixClass: 'C',
    title: 'Unused imports or variables (lint errors)',
    rootCause: 'The model imports constructs it ends up not using and keeps construct handles in constants nothing reads; `@typescript-eslint/no-unused-vars` rejects both.',
    fix: 'Remove unused imports; create constructs whose handle is not needed without binding them (`new S3BucketPolicy(this, ...)`), or use the binding.',
    fixExample: "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\n\nnew S3Bucket(this, 'logs', { bucketPrefix: `logs-${environmentSuffix}` });",
    docs: 'https://typescript-eslint.io/rules/no-unused-vars/',
    knowledgeGap: 'Lint-clean TypeScript (no unused imports or variables)',
    impact: 'The lint step (`npm run lint`) fails before build and deploy.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const unused = unusedNames(file.path, file.content);
      if (!unused.length) continue;
      const listed = unused.slice(0, MAX_LISTED).map((u) => `${u.kind} \`${u.name}\` (line ${u.line})`).join(', ');
      const more = unused.length > MAX_LISTED ? ` and ${unused.length - MAX_LISTED} more` : '';
      const first = unused[0]!;
      ctx.report({
        span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: `file:${file.path}`,
        message: `${basename(file.path)}: unused ${listed}${more}.`,
      });
    }
  },
};

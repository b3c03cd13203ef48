import type { Configuration, SourceFile } from '../../model/types.js';
import type { Rule } from '../types.js';
import { basename } from '../util/files.js';
import { PRINT_WIDTH, tsFormatStats } from './ts-format.js';

/** Over-long lines below this count are left to judgment (a long type or URL). */
const MIN_LONG_LINES = 3;

function tsFiles(config: Configuration): SourceFile[] {
  return config.files.filter((f) => /\.tsx?$/.test(f.path) && !f.path.endsWith('.d.ts'));
}

/** The reference's quote convention: 'single' when its literals are (almost) all single-quoted. */
function referenceQuotes(config: Configuration): 'single' | 'double' | null {
  let single = 0;
  let double = 0;
  for (const f of tsFiles(config)) {
    const s = tsFormatStats(f.path, f.content);
    single += s.singleQuoted;
    double += s.doubleQuoted;
  }
  if (single + double < 5) return null;
  if (double <= single * 0.05) return 'single';
  if (single <= double * 0.05) return 'double';
  return null;
}

export const rule: Rule = {
  meta: {
    id: 'ts-not-prettier-formatted',
    category: 'style',
    severity: 'low',
    fixClass: 'C',
    title: 'TypeScript not formatted to the project\'s Prettier settings',
    rootCause: 'The model formats TypeScript by habit (double quotes, long unwrapped lines) instead of the project\'s Prettier configuration, so `eslint --fix` rewrites much of the file.',
    fix: 'Run the formatter (`npm run format` / `eslint --fix`): single quotes, lines wrapped at 80 columns.',
    fixExample: "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\n\nnew S3Bucket(this, 'logs', {\n  bucketPrefix: `logs-${environmentSuffix}`,\n});",
    docs: 'https://prettier.io/docs/en/options.html',
    knowledgeGap: 'Project formatting conventions (Prettier) for TypeScript',
    impact: 'The lint step fails with formatting errors before build and deploy.',
  },
  check(ctx) {
    const files = tsFiles(ctx.config);
    if (!files.length) return;
    const convention = ctx.ideal ? referenceQuotes(ctx.ideal) : null;
    const referenceLong = ctx.ideal ? tsFiles(ctx.ideal).reduce((n, f) => n + tsFormatStats(f.path, f.content).longLines.length, 0) : 0;
    for (const file of files) {
      const s = tsFormatStats(file.path, file.content);
      const problems: string[] = [];
      let line: number | undefined;
      // Quotes: against the reference's convention, or mixed within the file when there is no reference.
      const wrongQuotes = convention === 'single' ? s.doubleQuoted >= 3 : !ctx.ideal && s.doubleQuoted >= 3 && s.singleQuoted >= 3;
      if (wrongQuotes) {
        problems.push(`${s.doubleQuoted} double-quoted strings${convention ? ' (the project uses single quotes)' : ` mixed with ${s.singleQuoted} single-quoted`}`);
        line = s.firstDoubleLine;
      }
      if (s.longLines.length >= MIN_LONG_LINES && s.longLines.length > referenceLong) {
        problems.push(`${s.longLines.length} code lines over ${PRINT_WIDTH} columns`);
        line ??= s.longLines[0];
      }
      if (!problems.length || line === undefined) continue;
      ctx.report({
        span: { file: file.path, line, column: 1, endLine: line, endColumn: 1 },
        resource: `file:${file.path}`,
        message: `${basename(file.path)}: ${problems.join('; ')}.`,
      });
    }
  },
};

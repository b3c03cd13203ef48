import type { Block, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, dataSources, exprToText, resources } from '../../model/query.js';
import { dirname, normalizePath } from '../util/files.js';

/** Resolve a path expression written relative to the module (`${path.module}/x`, `./x`, `x`); undefined when dynamic. */
export function modulePath(expr: Expr | undefined, moduleDir: string): string | undefined {
  if (!expr) return undefined;
  let text = '';
  const parts = expr.kind === 'template' ? expr.parts : [expr];
  for (const p of parts) {
    if (p.kind === 'literal' && typeof p.value === 'string') text += p.value;
    else if (p.kind === 'reference' && p.parts[0] === 'path' && (p.parts[1] === 'module' || p.parts[1] === 'root' || p.parts[1] === 'cwd')) text += moduleDir;
    else return undefined;
  }
  if (text.startsWith('/')) return undefined;
  return normalizePath(text.startsWith(moduleDir) ? text : `${moduleDir}/${text}`);
}

const CODE_FILE = /\.(py|js|mjs|cjs|ts|rb|go|java|cs|ps1|sh)$/;

export const rule: Rule = {
  meta: {
    id: 'lambda-code-outside-lambda-dir',
    category: 'file-layout',
    severity: 'high',
    // A layout convention: listed where the reviewer's ideal moved the code (read against the code where the ideal
    // keeps lib/handler.py too: judged noise).
    failureNeedsIdealChange: true,
    fixClass: 'B',
    title: 'Lambda source outside the lambda folder',
    rootCause: 'The model packages handler files from the module root instead of the dedicated application-code folder.',
    fix: 'Put handler code under lib/lambda/ and package that folder (`source_dir = "${path.module}/lambda"`).',
    fixExample: 'data "archive_file" "handler" {\n  type        = "zip"\n  source_dir  = "${path.module}/lambda"\n  output_path = "${path.module}/lambda.zip"\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file',
    knowledgeGap: 'Project structure conventions: application code belongs in lib/lambda',
    impact: 'Application code mixed with infrastructure files; the pipeline\'s layout checks and packaging expect lib/lambda.',
  },
  check(ctx) {
    const lambdaDir = normalizePath(ctx.conventions.lambdaDir);
    const inLambdaDir = (p: string): boolean => p === lambdaDir || p.startsWith(`${lambdaDir}/`);
    const check = (block: Block, expr: Expr | undefined, requireCodeFile: boolean): void => {
      const p = modulePath(expr, dirname(block.span.file) || 'lib');
      if (!p || inLambdaDir(p)) return;
      if (requireCodeFile && !CODE_FILE.test(p)) return;
      ctx.report({
        block,
        resource: blockAddress(block),
        message: `${blockAddress(block)} packages \`${exprToText(expr!)}\` (${p}), outside ${lambdaDir}/.`,
      });
    };
    for (const d of dataSources(ctx.config, 'archive_file')) {
      check(d, attrExpr(d, 'source_file'), false);
      check(d, attrExpr(d, 'source_dir'), false);
      // `source { content, filename }` names a file inside the zip with inline content: no file on disk.
    }
    for (const type of ['aws_lambda_function', 'aws_lambda_layer_version']) {
      // `filename` normally points at the built zip; only source files placed at the root are layout findings.
      for (const r of resources(ctx.config, type)) check(r, attrExpr(r, 'filename'), true);
    }
  },
};

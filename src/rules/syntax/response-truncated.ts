import type { Rule } from '../types.js';
import type { ResponseFiles } from '../../contracts/task.js';
import type { Block, Configuration } from '../../model/types.js';
import { blockAddress } from '../../model/query.js';

/** The innermost resource or data block of `file` whose span holds `line`. */
function blockAt(config: Configuration, file: string, line: number): Block | undefined {
  let best: Block | undefined;
  for (const b of config.blocks) {
    if ((b.kind !== 'resource' && b.kind !== 'data') || b.span.file !== file) continue;
    if (b.span.line > line || b.span.endLine < line) continue;
    if (!best || b.span.line > best.span.line) best = b;
  }
  return best;
}

/**
 * A response cut off by the end of the generation: its last code fence never closes and stops inside a heredoc
 * or a block (extraction's `truncation`). Nothing after the cut exists, so the stack cannot deploy as given; a
 * reviewer lists it first, and what is missing after the cut (resources, permissions, outputs, the broken last
 * block) is this one failure (ROOT_CAUSE_PAIRS in src/judge/group.ts).
 */
export const rule: Rule = {
  meta: {
    id: 'response-truncated',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'A',
    title: 'Response is cut off mid-file',
    rootCause:
      'The model ran out of output length: long answers that repeat the whole configuration (a draft, then the final answer) or inline large policies and Lambda code stop in the middle of a block.',
    fix: 'Deliver the complete configuration: finish the cut block and every file after it; keep answers short enough to end (no repeated drafts, Lambda code in its own file).',
    fixExample:
      'resource "aws_lambda_function" "api" {\n  function_name = "api-${var.environment_suffix}"\n  filename      = data.archive_file.api.output_path\n  handler       = "index.handler"\n  runtime       = "nodejs20.x"\n  role          = aws_iam_role.api.arn\n}',
    fixExampleTs:
      "new LambdaFunction(this, 'api', {\n  functionName: `api-${environmentSuffix}`,\n  filename: asset.path,\n  handler: 'index.handler',\n  runtime: 'nodejs20.x',\n  role: role.arn,\n});",
    docs: 'https://developer.hashicorp.com/terraform/language/syntax/configuration',
    knowledgeGap: 'Delivering a complete answer within the output budget instead of a cut-off one',
    impact: 'The configuration does not parse past the cut and everything after it is missing: nothing deploys as delivered.',
    blocker: true,
  },
  check(ctx) {
    // Only the response this configuration was extracted from (the rules also run on the ideal).
    const response = [ctx.task.model, ctx.task.ideal].find(
      (r): r is ResponseFiles => r !== null && r.truncation !== undefined && ctx.config.files.some((f) => f.markdownPath === r.origin),
    );
    const cut = response?.truncation;
    if (!cut) return;
    const inside = cut.how === 'heredoc' ? `an unclosed heredoc (<<${cut.heredoc})` : `${cut.depth} unclosed bracket${cut.depth === 1 ? '' : 's'}`;
    const where = cut.block ? ` in \`${cut.block}\`` : '';
    const message = cut.recovered
      ? `The response stops at ${cut.markdownPath}:${cut.markdownLine} inside ${inside}${where}: its last copy of \`${cut.file}\` is cut off. An earlier complete copy is analyzed, but the answer as delivered ends mid-file.`
      : `The response stops at ${cut.markdownPath}:${cut.markdownLine} inside ${inside}${where} of \`${cut.file}\`: the generation was cut off, and everything after the cut is missing.`;
    const file = cut.recovered ? cut.markdownPath : cut.file;
    const line = cut.recovered ? cut.markdownLine : cut.line;
    // A CDKTF cut names the class it falls in; the resource block being written there is what stops mid-way.
    const cutResource = cut.recovered || ctx.task.platform !== 'cdktf-ts' ? undefined : blockAt(ctx.config, cut.file, cut.line);
    ctx.report({
      span: { file, line, column: 1, endLine: line, endColumn: 1 },
      resource: cutResource ? blockAddress(cutResource) : (cut.block ?? `file:${cut.file}`),
      message,
    });
  },
};

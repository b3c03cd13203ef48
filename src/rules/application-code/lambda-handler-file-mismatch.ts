import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { literalText } from '../util/b-s3.js';
import { handlerCodeFiles } from '../util/b-code.js';
import { handlerModuleStem, handlerStrings, knownCodeStems, localFileCode, scriptRuntime } from '../util/app-code.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-handler-file-mismatch',
    category: 'application-code',
    severity: 'high',
    fixClass: 'A',
    title: 'Lambda handler names a module the package does not contain',
    rootCause:
      'Models name the handler after the function ("health.lambda_handler", "index.handler") and the source file after something else ("health_service.py", "app.js"); the runtime imports the module named in the handler and finds nothing.',
    fix: 'Make the module part of `handler` equal the source file name inside the zip: `<file name without extension>.<function>`.',
    fixExample: `data "archive_file" "orders" {
  type        = "zip"
  source_file = "\${path.module}/lambda/orders.py"
  output_path = "\${path.module}/orders.zip"
}

resource "aws_lambda_function" "orders" {
  filename = data.archive_file.orders.output_path
  handler  = "orders.lambda_handler" # orders.py defines lambda_handler
  runtime  = "python3.12"
  # ...
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html',
    knowledgeGap: 'The Lambda handler string is <module file>.<function>; the module must exist at the root of the package.',
    impact: 'Every invocation fails with Runtime.ImportModuleError ("No module named ..." / "Cannot find module").',
  },
  check(ctx) {
    const known = knownCodeStems(ctx.config, ctx.task);
    if (!known.size) return;
    const codePaths = [...handlerCodeFiles(ctx.config, ctx.task), ...localFileCode(ctx.config)].map((f) => f.path);
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      if (!scriptRuntime(ctx.config, fn)) continue;
      const archives = [
        ...referencedBlocks(ctx.config, attrExpr(fn, 'filename'), 'archive_file'),
        ...referencedBlocks(ctx.config, attrExpr(fn, 'source_code_hash'), 'archive_file'),
      ];
      // Only packages the response builds itself: a prebuilt zip or an S3 object may hold anything.
      if (!archives.length) continue;
      // A zipped directory whose files the response does not show: its contents are unknown.
      const opaqueDir = archives.some((a) => {
        const dir = attrExpr(a, 'source_dir');
        if (!dir) return false;
        const tail = literalText(dir).replace(/^-?\/?/, '').replace(/^(\.{1,2}\/)+/, '');
        return !tail || tail.split('/').includes('-') || !codePaths.some((p) => p.includes(`${tail}/`));
      });
      if (opaqueDir) continue;
      const wrong = [...new Set(handlerStrings(ctx.config, fn))].filter((h) => {
        const stem = handlerModuleStem(h);
        return stem !== undefined && !known.has(stem);
      });
      if (!wrong.length) continue;
      ctx.report({
        block: fn,
        message: `${blockAddress(fn)} uses handler ${wrong.map((h) => `"${h}"`).slice(0, 4).join(', ')}, but no code file in the response has that module name (files: ${[...known].sort().slice(0, 6).join(', ')}).`,
      });
    }
  },
};

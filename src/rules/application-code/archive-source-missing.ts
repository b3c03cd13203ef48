import type { Rule } from '../types.js';
import { attrExpr, blockAddress, dataSources } from '../../model/query.js';
import { literalText } from '../util/b-s3.js';
import { handlerCodeFiles, judgingModel } from '../util/b-code.js';
import { basename } from '../util/files.js';

/** An extractor-made name for a code block the answer did not name (`lib/unnamed-3.py`): it may be any file. */
const UNNAMED = /(?:^|\/)unnamed-\d+\.[a-z]+$/;

/** `${path.module}/lambda/handler.py` (literal parts `-/lambda/handler.py`) → `lambda/handler.py`. */
function pathTail(text: string): string {
  let out = text.replace(/^-?\/?/, '').replace(/^(?:\.\.?\/)+/, '');
  while (out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

function extensionOf(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

export const rule: Rule = {
  meta: {
    id: 'archive-source-missing',
    category: 'application-code',
    severity: 'high',
    fixClass: 'A',
    // `archive_file` is read at plan: a source that does not exist stops the plan ("could not archive missing
    // file"). Listed whatever the check's measured precision unless the ideal has the same gap.
    applyFailure: true,
    title: 'archive_file zips a source the response never provides',
    rootCause:
      'Models wire a `data "archive_file"` to `${path.module}/lambda_function.py` (or a `lambda/` folder) and describe the handler, but never write the file the archive reads.',
    fix: 'Ship the handler source at the path the archive reads (a named code block or file), or inline it with `source_content`.',
    fixExample: `data "archive_file" "fn" {
  type        = "zip"
  source_file = "\${path.module}/lambda/index.py"
  output_path = "\${path.module}/lambda.zip"
}
# lib/lambda/index.py must be part of the response`,
    docs: 'https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file',
    knowledgeGap: 'archive_file reads its source at plan time: the file must exist in the stack.',
    impact: '`terraform plan` fails: the archive source does not exist, so the function cannot be packaged or deployed.',
  },
  check(ctx) {
    // Only where the response is the whole delivery (a markdown answer): a plain folder may hold the code elsewhere.
    if (!judgingModel(ctx.config, ctx.task)) return;
    const code = handlerCodeFiles(ctx.config, ctx.task);
    const allFiles = [...ctx.config.files.map((f) => f.path), ...code.map((f) => f.path)];
    for (const archive of dataSources(ctx.config, 'archive_file')) {
      const sourceFile = attrExpr(archive, 'source_file');
      const sourceDir = attrExpr(archive, 'source_dir');
      const tail = pathTail(literalText(sourceFile ?? sourceDir));
      // Only literal paths (with `${path.module}` and the like stripped) can be looked for.
      if (!tail || tail.includes('${') || /[*?]/.test(tail)) continue;
      if (sourceFile) {
        const ext = extensionOf(tail);
        if (!ext) continue;
        const name = basename(tail);
        if (allFiles.some((p) => basename(p) === name)) continue;
        // An unnamed block of the same language may be that file: nothing to say.
        if (allFiles.some((p) => UNNAMED.test(p) && extensionOf(p) === ext)) continue;
      } else {
        const dir = tail.split('/').pop()!;
        if (allFiles.some((p) => p.split('/').slice(0, -1).includes(dir))) continue;
        if (code.some((f) => UNNAMED.test(f.path))) continue;
      }
      ctx.report({
        block: archive,
        message: `${blockAddress(archive)} zips \`${tail}\`${sourceFile ? '' : ' (a folder)'}, which the response never provides: the plan stops ("could not archive missing file").`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, dataSources } from '../../model/query.js';
import { literalText } from '../util/b-s3.js';
import { FENCE_LANGUAGES as FENCE_LANGS, handlerCodeFiles, judgingModel, pathTail } from '../util/b-code.js';
import { basename } from '../util/files.js';

/** Fence info strings of a source file's language (`py` → python). */

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
    // Code blocks of the answer that were not taken as files (an unnamed Python block): any of them may be the source.
    const loose = (ctx.task.model?.fences ?? []).filter((f) => f.kind !== 'file' && f.lang);
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
        const lang = FENCE_LANGS[ext];
        if (!lang || loose.some((f) => lang.test(f.lang!))) continue;
      } else {
        const dir = tail.split('/').pop()!;
        if (allFiles.some((p) => p.split('/').slice(0, -1).includes(dir))) continue;
        if (loose.some((f) => Object.values(FENCE_LANGS).some((l) => l.test(f.lang!)))) continue;
      }
      ctx.report({
        block: archive,
        message: `${blockAddress(archive)} zips \`${tail}\`${sourceFile ? '' : ' (a folder)'}, which the response never provides: the plan stops ("could not archive missing file").`,
      });
    }
  },
};

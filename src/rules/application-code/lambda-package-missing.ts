import type { Rule } from '../types.js';
import { attrExpr, blockAddress, dataSources, exprToText, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { literalText } from '../util/b-s3.js';
import { blockText } from '../util/b-refs.js';
import { basename } from '../util/files.js';
import { judgingModel } from '../util/b-code.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-package-missing',
    category: 'application-code',
    severity: 'high',
    fixClass: 'A',
    title: 'Lambda deployment package that nothing builds',
    rootCause:
      'Models point `filename` at a zip (`lambda.zip`, `${path.module}/function.zip`) and assume someone builds it; no archive_file, asset or build step in the response produces it.',
    fix: 'Package the code in the configuration: `data "archive_file"` over the handler source (CDKTF: `TerraformAsset`), and pass its output_path and output_base64sha256.',
    fixExample: `data "archive_file" "fn" {
  type        = "zip"
  source_dir  = "\${path.module}/lambda"
  output_path = "\${path.module}/lambda.zip"
}

resource "aws_lambda_function" "fn" {
  filename         = data.archive_file.fn.output_path
  source_code_hash = data.archive_file.fn.output_base64sha256
  # ...
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/archive/latest/docs/data-sources/file',
    knowledgeGap: 'A Lambda zip must be produced by the configuration (archive_file / TerraformAsset), not assumed.',
    impact: '`terraform apply` fails: the zip file does not exist.',
  },
  check(ctx) {
    const built = dataSources(ctx.config, 'archive_file').map((a) => basename(literalText(attrExpr(a, 'output_path'))));
    // A later copy of a file the extractor kept only as a hint (cut off by the end of the response) may be where the
    // answer packages its code: its archive_file outputs count (read against the code: judged false without them).
    const hints = judgingModel(ctx.config, ctx.task) ? (ctx.task.model?.hints ?? []) : [];
    for (const hint of hints) for (const m of hint.content.matchAll(/\boutput_path\s*=\s*"([^"\n]{1,300})"/g)) built.push(basename(m[1]!));
    // A build step (local-exec zip) may produce the file; then the package is accounted for.
    const buildStep = [...resources(ctx.config, 'null_resource'), ...resources(ctx.config, 'terraform_data')].some((r) => /\bzip\b|archive/i.test(blockText(ctx.config, r)));
    if (buildStep) return;
    // The response's own build instructions (`zip lambda1.zip lambda1.js` in a shell block) make the zip by hand: a
    // pipeline that runs only Terraform still fails (reviewers document it), but the message must not say that
    // nothing in the response builds it (read against the code: judged false when it did).
    const zippedByCommand = zipsNamedInCommands(judgingModel(ctx.config, ctx.task) ? (ctx.task.model?.markdown ?? '') : '');
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const e = attrExpr(fn, 'filename');
      if (!e) continue;
      const path = resolvedString(ctx.config, e) ?? (e.kind === 'template' ? literalText(e) : undefined);
      if (!path || !/\.zip$/i.test(path)) continue;
      const name = basename(path);
      if (built.some((b) => b === name)) continue;
      const manual = zippedByCommand.get(name);
      ctx.report({
        block: fn,
        message: manual
          ? `${blockAddress(fn)} deploys ${exprToText(e)}, which only a manual shell step of the response makes (\`${manual}\`); no archive_file or build step in the configuration produces it, so an unattended apply fails on the missing file.`
          : `${blockAddress(fn)} deploys ${exprToText(e)}, which no archive_file or build step in the response produces.`,
      });
    }
  },
};

/** A shell line that packs files into a zip (`zip -r ../fn.zip .`, `Compress-Archive ... fn.zip`, `jar cf fn.zip`). */
// The command starts the line (after a list marker, a backtick or a prompt) or follows `&&`, `;` or `|`: prose that
// merely mentions "a zip" does not count.
const ZIP_COMMAND = /(?:^\s*(?:[-*]\s+|\d+\.\s+)?`?(?:\$\s*)?|&&\s*|;\s*|\|\s*)(?:zip|Compress-Archive|jar)\s/i;

/**
 * File names of the zips that the response's own shell commands create, with the command, read once per response (one pass over its
 * lines, so a response with many functions stays linear).
 */
function zipsNamedInCommands(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    if (line.length > 2000 || !ZIP_COMMAND.test(line)) continue;
    const command = line.trim().replace(/^(?:[-*]\s+|\d+\.\s+)?`?(?:\$\s*)?/, '').replace(/`$/, '').slice(0, 120);
    for (const m of line.matchAll(/[^\s"'`=()<>|;&]{1,300}\.zip\b/gi)) if (!out.has(basename(m[0]))) out.set(basename(m[0]), command);
  }
  return out;
}

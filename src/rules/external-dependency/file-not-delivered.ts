import type { Rule } from '../types.js';
import type { Expr } from '../../model/types.js';
import { allAttributes, blockAddress, resources, attrExpr, walkExpr } from '../../model/query.js';
import { FENCE_LANGUAGES, judgingModel, pathTail } from '../util/b-code.js';
import { resolvedString } from '../util/b-resolve.js';
import { basename } from '../util/files.js';
import { FILE_READERS, outsideStack } from './file-outside-stack.js';

/** Fence info strings that may hold a file of this extension, besides the code languages of FENCE_LANGUAGES. */
const DATA_FENCES: Record<string, RegExp> = {
  sh: /^(?:sh|bash|shell|zsh)$/i,
  bash: /^(?:sh|bash|shell)$/i,
  json: /^json5?$/i,
  yaml: /^ya?ml$/i,
  yml: /^ya?ml$/i,
  ps1: /^(?:ps1|powershell|pwsh)$/i,
};

/** Archives a build produces; their absence is reported by the package checks. */
const PACKAGES = new Set(['zip', 'jar', 'war']);

/** Fence decisions that cannot be an undelivered file: files themselves, command lists, trees, empty blocks. */
const NOT_CONTENT = new Set(['file', 'commands', 'tree', 'empty']);

/** Path roots Terraform expands to the configuration's own folders. */
const PATH_ROOTS = new Set(['path.module', 'path.root', 'path.cwd']);

/**
 * The path a file function reads, when it is known: a literal, or a template of `${path.module}` (or root, cwd)
 * followed by literals only. Anything built from inputs is left alone.
 */
function literalPath(e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  if (e.kind === 'literal') return typeof e.value === 'string' ? e.value : undefined;
  if (e.kind !== 'template') return undefined;
  let out = '';
  for (const [i, p] of e.parts.entries()) {
    if (p.kind === 'literal' && typeof p.value === 'string') out += p.value;
    else if (i === 0 && p.kind === 'reference' && PATH_ROOTS.has(p.parts.join('.'))) out += '.';
    else return undefined;
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'file-not-delivered',
    category: 'external-dependency',
    severity: 'high',
    fixClass: 'B',
    // `terraform validate` and plan evaluate file functions with literal paths: a file the stack does not ship
    // stops them ("no file exists at ..."). Listed whatever the check's measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'File function reads a file the response never delivers',
    rootCause:
      'The model reads a user-data script, policy document or template with `file()`/`templatefile()` from the module folder, but never writes that file (or writes it with a `local_file` resource, which exists only after apply, while the function reads it at plan).',
    fix: 'Ship the file with the configuration (a named block for `user_data.sh`), or inline its content (a heredoc or `jsonencode`).',
    fixExample: 'resource "aws_launch_template" "app" {\n  # ...\n  user_data = base64encode(templatefile("${path.module}/user_data.sh", { region = var.aws_region }))\n}\n# lib/user_data.sh must be part of the response',
    docs: 'https://developer.hashicorp.com/terraform/language/functions/templatefile',
    knowledgeGap: 'File functions read the stack\'s own files when Terraform plans: every file they name must be delivered with the configuration.',
    impact: '`terraform validate` and plan fail: Invalid value for "path" parameter: no file exists at the path.',
  },
  check(ctx) {
    const { config, task } = ctx;
    // Only where the response is the whole delivery (a markdown answer): a plain folder may hold the file elsewhere.
    if (!judgingModel(config, task)) return;
    const delivered = new Set(config.files.map((f) => basename(f.path)));
    for (const f of task.model?.fences ?? []) {
      if (f.path) delivered.add(basename(f.path));
      if (f.of) delivered.add(basename(f.of));
    }
    // Code blocks of the answer that were not taken as files: any of them in the file's language may be it.
    // Command lists (`terraform init`), trees and empty blocks are no file's content.
    const loose = (task.model?.fences ?? []).filter((f) => f.lang && !NOT_CONTENT.has(f.kind)).map((f) => f.lang!);
    const writtenBy = new Map<string, string>();
    for (const lf of resources(config, 'local_file')) {
      const name = literalPath(attrExpr(lf, 'filename')) ?? resolvedString(config, attrExpr(lf, 'filename'));
      if (name) writtenBy.set(basename(name), blockAddress(lf));
    }
    const reported = new Set<string>();
    for (const b of config.blocks) {
      if (b.kind !== 'resource' && b.kind !== 'data' && b.kind !== 'locals' && b.kind !== 'module' && b.kind !== 'output') continue;
      for (const { attribute } of allAttributes(b)) {
        walkExpr(attribute.expr, (e) => {
          if (e.kind !== 'call' || !FILE_READERS.has(e.name)) return;
          const path = literalPath(e.args[0]);
          if (path === undefined || outsideStack(path)) return;
          const tail = pathTail(path);
          const name = basename(tail);
          const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
          // Deployment packages (`filebase64sha256("lambda.zip")`) are lambda-package-missing's concern.
          if (!ext || PACKAGES.has(ext) || delivered.has(name) || reported.has(name)) return;
          const writer = writtenBy.get(name);
          if (!writer) {
            const lang = DATA_FENCES[ext] ?? FENCE_LANGUAGES[ext];
            // An unnamed block of the file's language (or of any language, for a template of unknown kind) may be it.
            if (lang ? loose.some((l) => lang.test(l)) : loose.some((l) => !/^(?:hcl|terraform|tf|ts|typescript)$/i.test(l))) return;
          }
          reported.add(name);
          ctx.report({
            block: b,
            span: attribute.span,
            message: writer
              ? `${blockAddress(b)} reads \`${tail}\` with ${e.name}(), which only ${writer} writes, during apply: the function reads it at plan, before it exists ("no file exists at ${tail}").`
              : `${blockAddress(b)} reads \`${tail}\` with ${e.name}(), which the response never delivers: validate and plan fail ("no file exists at ${tail}").`,
          });
        });
      }
    }
  },
};

import type { Rule } from '../types.js';
import { allAttributes, blockAddress, walkExpr } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

/** Terraform functions that read a file from disk at plan time. */
/** Functions that read a file when Terraform plans (validate already evaluates them with literal paths). */
export const FILE_READERS = new Set(['file', 'filebase64', 'templatefile', 'filemd5', 'filesha1', 'filesha256', 'filesha512', 'filebase64sha256', 'filebase64sha512']);

/**
 * A path on the machine that runs Terraform rather than in the stack: the home folder (`~/.ssh/id_rsa.pub`, which
 * Terraform expands) or an absolute path. Paths relative to the configuration (`"${path.module}/x"`) are the stack's.
 */
export function outsideStack(path: string): boolean {
  return path.startsWith('~') || path.startsWith('/');
}

export const rule: Rule = {
  meta: {
    id: 'file-outside-stack',
    category: 'external-dependency',
    severity: 'high',
    fixClass: 'B',
    // Plan fails wherever the file is not there (a CI runner, a reviewer's machine): listed whatever the precision.
    applyFailure: true,
    title: 'File read from the deploying machine, outside the stack',
    rootCause:
      'The model reads an SSH public key or another file with `file("~/.ssh/id_rsa.pub")` or an absolute path: it exists only on the machine of whoever wrote the code, not in the stack or on the machine that deploys it.',
    fix: 'Create what the file stood for in the stack (a `tls_private_key` for the key pair), take it as an input, or ship the file with the configuration and read it from `path.module`.',
    fixExample:
      'resource "tls_private_key" "ssh" {\n  algorithm = "RSA"\n  rsa_bits  = 4096\n}\n\nresource "aws_key_pair" "main" {\n  key_name   = "app-${var.environment_suffix}"\n  public_key = tls_private_key.ssh.public_key_openssh\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/functions/file',
    knowledgeGap: 'A deployable stack reads files only from its own folder (path.module); home-folder and absolute paths do not exist where it is deployed.',
    impact: 'Plan fails on any machine without that file (Invalid value for "path" parameter: no file exists at ...).',
  },
  check(ctx) {
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'resource' && b.kind !== 'data' && b.kind !== 'locals' && b.kind !== 'module' && b.kind !== 'output') continue;
      for (const { attribute } of allAttributes(b)) {
        let path: string | undefined;
        walkExpr(attribute.expr, (e) => {
          if (path === undefined && e.kind === 'call' && FILE_READERS.has(e.name)) {
            const p = resolvedString(ctx.config, e.args[0]);
            if (p !== undefined && outsideStack(p)) path = p;
          }
        });
        if (path === undefined) continue;
        ctx.report({ block: b, span: attribute.span, message: `${blockAddress(b)} reads "${path}" from the deploying machine: the stack does not contain it, and plan fails wherever it is missing.` });
        break;
      }
    }
  },
};

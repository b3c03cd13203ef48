import type { Rule } from '../types.js';
import { attr, blockAddress, blocksOfKind, walkExpr } from '../../model/query.js';
import { isHclConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'variable-default-not-constant',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Input default built from other values',
    rootCause:
      'The model composes an input\'s default from other inputs, locals or functions (`default = "${var.project}-logs"`), but a variable default must be a constant: Terraform evaluates defaults before anything else.',
    fix: 'Keep the default constant and compose the value in a local (`locals { bucket = coalesce(var.bucket, "${var.project}-logs") }`).',
    fixExample: 'variable "bucket_name" {\n  type    = string\n  default = null\n}\n\nlocals {\n  bucket_name = coalesce(var.bucket_name, "${var.project}-logs-${var.environment_suffix}")\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables#default-values',
    knowledgeGap: 'Variable defaults are literal values: no references, no function calls.',
    impact: '`terraform init`/`validate` fails ("Variables not allowed" / "Function calls not allowed"): nothing can be planned.',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    for (const v of blocksOfKind(ctx.config, 'variable')) {
      const d = attr(v, 'default');
      if (!d) continue;
      let what: string | undefined;
      walkExpr(d.expr, (e) => {
        if (what) return;
        if (e.kind === 'reference') what = `the reference \`${e.parts.join('.')}\``;
        else if (e.kind === 'call') what = `the function call \`${e.name}()\``;
      });
      if (!what) continue;
      ctx.report({ block: v, span: d.span, message: `The default of ${blockAddress(v)} uses ${what}: a variable default must be a constant, so init and validate fail.` });
    }
  },
};

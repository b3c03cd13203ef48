import type { Rule } from '../types.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { allAttributes, blocksOfKind, exprToText, referenceTarget, walkExpr } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'backend-uses-variables',
    category: 'backend',
    severity: 'critical',
    fixClass: 'B',
    title: 'Backend configuration uses variables or expressions',
    rootCause:
      'Models treat the backend block like any other block and interpolate `var.environment_suffix` into bucket or key names; Terraform reads the backend before variables exist and allows only literals.',
    fix: 'Keep literals (or nothing) in the backend block and pass dynamic values with `terraform init -backend-config=...` (partial configuration).',
    fixExample: `terraform {
  backend "s3" {}
}
# terraform init -backend-config="bucket=tf-state-\${ENVIRONMENT_SUFFIX}" -backend-config="key=app/terraform.tfstate"`,
    docs: 'https://developer.hashicorp.com/terraform/language/backend#partial-configuration',
    knowledgeGap: 'Terraform backend blocks cannot reference variables, locals or functions.',
    impact: '`terraform init` fails ("Variables not allowed"), blocking every deployment.',
    // `terraform init` rejects the block: an apply failure whatever share of reviewers names it.
    applyFailure: true,
  },
  check(ctx) {
    for (const tf of blocksOfKind(ctx.config, 'terraform')) {
      for (const backend of tf.blocks.filter((b) => b.type === 'backend' || b.type === 'cloud')) {
        const dynamic = dynamicAttributes(ctx.config, backend);
        if (!dynamic.length) continue;
        ctx.report({
          block: backend,
          resource: `terraform.backend.${backend.labels[0] ?? backend.type}`,
          message: `Backend ${backend.labels[0] ?? backend.type} uses expressions Terraform does not allow here: ${dynamic.join(', ')}.`,
        });
      }
    }
  },
};

function dynamicAttributes(config: Configuration, backend: Block): string[] {
  const cdktf = config.platform.startsWith('cdktf');
  const out: string[] = [];
  for (const { path, attribute } of allAttributes(backend)) {
    let dynamic = false;
    walkExpr(attribute.expr, (e) => {
      if (cdktf ? isTerraformToken(config, e) : isExpression(e)) dynamic = true;
    });
    if (dynamic) out.push(`${path.join('.')} = ${exprToText(attribute.expr)}`);
  }
  return out;
}

function isExpression(e: Expr): boolean {
  if (e.kind === 'reference' || e.kind === 'call' || e.kind === 'conditional' || e.kind === 'for' || e.kind === 'operation') return true;
  return e.kind === 'template' && e.parts.some((p) => p.kind !== 'literal');
}

/**
 * CDKTF resolves TypeScript values at synth time, so constructor props and TS expressions are fine in a backend;
 * what breaks is a Terraform token: a TerraformVariable, a local, or a resource/data attribute.
 */
function isTerraformToken(config: Configuration, e: Expr): boolean {
  if (e.kind !== 'reference') return false;
  const target = referenceTarget(e.parts);
  if (!target) return false;
  const block = config.symbols.get(target)?.block;
  if (!block) return false;
  if (target.startsWith('var.')) return block.construct !== undefined;
  return true;
}

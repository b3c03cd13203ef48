import type { Rule } from '../types.js';

/**
 * A response that declares no infrastructure at all (no resource, module or data block, no provider construct):
 * prose, a plan, a file listing or a truncated answer. Nothing deploys; a reviewer lists it first.
 */
export const rule: Rule = {
  meta: {
    id: 'response-without-infrastructure',
    category: 'missing-resource',
    severity: 'critical',
    fixClass: 'A',
    title: 'Response contains no infrastructure code',
    rootCause: 'The model described the solution, listed files or stopped early instead of writing the configuration.',
    fix: 'Write the complete configuration: every resource the task asks for, in the files the project layout expects.',
    fixExample: 'resource "aws_s3_bucket" "data" {\n  bucket = "data-${var.environment_suffix}"\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/resources/syntax',
    knowledgeGap: 'Delivering a complete, deployable configuration rather than a description of one',
    impact: 'Nothing can be deployed: the response has no resources.',
    blocker: true,
  },
  check(ctx) {
    const infra = ctx.config.blocks.some((b) => b.kind === 'resource' || b.kind === 'module' || b.kind === 'data');
    if (infra) return;
    const file = ctx.task.model?.origin ?? ctx.config.files[0]?.path ?? 'lib/MODEL_RESPONSE.md';
    const codeFiles = ctx.config.files.filter((f) => /\.(tf|ts|json)$/.test(f.path)).length;
    ctx.report({
      span: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: 'response',
      message:
        codeFiles === 0
          ? 'The response contains no Terraform or CDKTF code: no resource, module or data source is declared.'
          : `The response's ${codeFiles} code file(s) declare no resource, module or data source: nothing would be deployed.`,
    });
  },
};

import type { Rule } from '../types.js';
import { commentStats } from './measure.js';

/** The response's comment density is below this share of the reference's. */
const MAX_SHARE = 0.6;
/** ...and at the response's size, the reference's density would add at least this many comment lines. */
const MIN_MISSING_LINES = 10;

export const rule: Rule = {
  meta: {
    id: 'sparse-code-comments',
    category: 'documentation',
    severity: 'low',
    fixClass: 'C',
    title: 'Code commented far less than the reference',
    rootCause: 'The model writes resources without saying why they are configured as they are (security choices, service limits, dependencies).',
    fix: 'Comment the non-obvious choices next to the code: why a setting is needed, which service constraint it works around.',
    fixExample: '# ALB access logs only support SSE-S3 (AES256), not KMS.\nresource "aws_s3_bucket_server_side_encryption_configuration" "alb_logs" {\n  ...\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/syntax/configuration#comments',
    knowledgeGap: 'Explaining configuration choices in code comments',
  },
  check(ctx) {
    if (!ctx.ideal) return;
    const model = commentStats(ctx.config.files);
    const reference = commentStats(ctx.ideal.files);
    if (!model.codeLines || !reference.codeLines || !reference.commentLines) return;
    const modelDensity = model.commentLines / model.codeLines;
    const referenceDensity = reference.commentLines / reference.codeLines;
    if (modelDensity >= MAX_SHARE * referenceDensity) return;
    if (referenceDensity * model.codeLines - model.commentLines < MIN_MISSING_LINES) return;
    const file = ctx.config.files.find((f) => /\.(tf|ts|py|js)$/.test(f.path)) ?? ctx.config.files[0];
    if (!file) return;
    const per100 = (d: number) => (100 * d).toFixed(1);
    ctx.report({
      span: { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: 'comments',
      message: `${model.commentLines} comment lines for ${model.codeLines} lines of code (${per100(modelDensity)} per 100); the reference has ${per100(referenceDensity)} per 100.`,
    });
  },
};

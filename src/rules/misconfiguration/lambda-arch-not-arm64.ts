import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';
import { promptMentions } from '../util/b-prompt.js';
import { docValue, UNKNOWN } from '../util/b-value.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-arch-not-arm64',
    category: 'misconfiguration',
    severity: 'medium',
    fixClass: 'B',
    title: 'Lambda not on arm64 although the task asks for Graviton',
    rootCause: 'Lambda defaults to x86_64; models omit `architectures` even when the task asks for ARM/Graviton.',
    fix: 'Set `architectures = ["arm64"]` on the functions.',
    fixExample: `resource "aws_lambda_function" "api" {
  # ...
  architectures = ["arm64"]
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html',
    knowledgeGap: 'Graviton Lambda requires an explicit arm64 architecture.',
    impact: 'Up to ~20% higher compute cost than requested and a requirement not met.',
  },
  check(ctx) {
    if (!promptMentions(ctx, /\barm64\b|graviton|\barm[- ]based\b|\barm architecture/)) return;
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const e = attrExpr(fn, 'architectures');
      if (e) {
        const v = docValue(resolveExpr(ctx.config, e));
        if (!Array.isArray(v) || v.some((x) => x === UNKNOWN)) continue;
        if (v.includes('arm64')) continue;
      }
      ctx.report({
        block: fn,
        message: e ? 'The task asks for arm64/Graviton, but this function is built for x86_64.' : 'The task asks for arm64/Graviton, but this function has no `architectures` (defaults to x86_64).',
      });
    }
  },
};

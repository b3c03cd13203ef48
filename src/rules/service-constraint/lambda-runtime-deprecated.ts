import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { DEPRECATED_LAMBDA_RUNTIMES, LAMBDA_RUNTIMES_CHECKED, LAMBDA_RUNTIMES_SOURCE } from './engine-versions.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-runtime-deprecated',
    category: 'service-constraint',
    severity: 'medium',
    fixClass: 'B',
    title: 'Deprecated Lambda runtime',
    rootCause: 'Models default to the runtimes most frequent in their training data (python3.8, nodejs14.x/16.x), which Lambda has deprecated.',
    fix: 'Use a supported runtime (e.g. python3.12+ or nodejs20.x+) and, for Node.js, the AWS SDK v3.',
    fixExample: `resource "aws_lambda_function" "api" {
  runtime = "python3.12"
}`,
    docs: LAMBDA_RUNTIMES_SOURCE,
    knowledgeGap: 'Lambda runtimes are deprecated on a published schedule; function creation is later blocked.',
    impact: 'No security patches; once creation is blocked, the deployment fails.',
  },
  check(ctx) {
    for (const fn of [...resources(ctx.config, 'aws_lambda_function'), ...resources(ctx.config, 'aws_lambda_layer_version')]) {
      const runtimeExpr = attrExpr(fn, 'runtime') ?? attrExpr(fn, 'compatible_runtimes');
      const runtime = resolvedString(ctx.config, runtimeExpr);
      if (!runtime) continue;
      const entry = DEPRECATED_LAMBDA_RUNTIMES.find((r) => r.runtime === runtime);
      if (!entry) continue;
      ctx.report({
        block: fn,
        severity: entry.createBlocked ? 'high' : 'low',
        message: `Runtime ${runtime} was deprecated on ${entry.deprecated}${entry.createBlocked ? '; creating functions with it is blocked' : ''} (checked ${LAMBDA_RUNTIMES_CHECKED}).`,
      });
    }
  },
};

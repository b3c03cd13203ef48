import type { Rule } from '../types.js';
import { LAMBDA_RUNTIMES_CHECKED, LAMBDA_RUNTIMES_SOURCE } from './engine-versions.js';
import { deprecatedRuntimes } from './lambda-runtime-deprecated.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-runtime-create-blocked',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateFunction refuses the runtime: listed whatever the check's measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'Lambda runtime that can no longer be created',
    rootCause: 'Models default to the runtimes most frequent in their training data (python3.8, nodejs14.x/16.x), which Lambda has deprecated and no longer lets new functions use.',
    fix: 'Use a supported runtime (e.g. python3.12+ or nodejs20.x+) and, for Node.js, the AWS SDK v3.',
    fixExample: `resource "aws_lambda_function" "api" {
  runtime = "python3.12"
}`,
    docs: LAMBDA_RUNTIMES_SOURCE,
    knowledgeGap: 'Lambda runtimes are deprecated on a published schedule, and function creation is blocked after it.',
    impact: 'CreateFunction fails (InvalidParameterValueException: the runtime is no longer supported), so the function is never created.',
  },
  check(ctx) {
    for (const { fn, runtime, entry } of deprecatedRuntimes(ctx.config)) {
      if (!entry.createBlocked) continue;
      ctx.report({ block: fn, message: `Runtime ${runtime} was deprecated on ${entry.deprecated}; creating functions with it is blocked (checked ${LAMBDA_RUNTIMES_CHECKED}).` });
    }
  },
};

import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
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
    impact: 'No security patches, and function creation will be blocked on the published date (then lambda-runtime-create-blocked).',
  },
  check(ctx) {
    // Runtimes whose function creation is blocked fail the apply: lambda-runtime-create-blocked reports them.
    for (const { fn, runtime, entry } of deprecatedRuntimes(ctx.config)) {
      if (entry.createBlocked) continue;
      ctx.report({ block: fn, severity: 'low', message: `Runtime ${runtime} was deprecated on ${entry.deprecated} (checked ${LAMBDA_RUNTIMES_CHECKED}).` });
    }
  },
};

/** Functions and layers whose runtime is in the deprecated-runtimes table. */
export function deprecatedRuntimes(config: Configuration): { fn: Block; runtime: string; entry: (typeof DEPRECATED_LAMBDA_RUNTIMES)[number] }[] {
  const out: { fn: Block; runtime: string; entry: (typeof DEPRECATED_LAMBDA_RUNTIMES)[number] }[] = [];
  for (const fn of [...resources(config, 'aws_lambda_function'), ...resources(config, 'aws_lambda_layer_version')]) {
    const runtime = resolvedString(config, attrExpr(fn, 'runtime') ?? attrExpr(fn, 'compatible_runtimes'));
    const entry = runtime ? DEPRECATED_LAMBDA_RUNTIMES.find((r) => r.runtime === runtime) : undefined;
    if (runtime && entry) out.push({ fn, runtime, entry });
  }
  return out;
}

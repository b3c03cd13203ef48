import type { Rule } from '../types.js';
import { attr, resources } from '../../model/query.js';
import { resolvedNumber } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-reserved-concurrency',
    category: 'scaling',
    severity: 'low',
    fixClass: 'A',
    title: 'Lambda reserved concurrency set',
    rootCause: 'Models reserve concurrency as a "best practice"; in accounts with a low concurrency quota, reservations push unreserved concurrency below the minimum of 10.',
    fix: 'Leave `reserved_concurrent_executions` unset unless the task needs it, and keep reservations small when it does.',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
    knowledgeGap: 'Reserved concurrency draws from an account-wide quota and can fail deployments in small accounts.',
    impact: 'Deployment can fail: "decreases account\'s UnreservedConcurrentExecution below its minimum value of [10]".',
  },
  check(ctx) {
    // The task itself asks for reserved concurrency ("reserved concurrency of 50"): the reservation is a requirement.
    // Any word of concurrency in the task ("Concurrent execution limits: 10 for development") asks for a setting.
    const asked = ctx.task.prompt !== null && /\bconcurren(?:cy|t\s+execution)/i.test(ctx.task.prompt);
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const a = attr(fn, 'reserved_concurrent_executions');
      if (!a) continue;
      const n = resolvedNumber(ctx.config, a.expr);
      if (n === -1) continue;
      if (n === 0) {
        ctx.report({ block: fn, severity: 'medium', message: '`reserved_concurrent_executions = 0` throttles every invocation: the function never runs.' });
        continue;
      }
      if (asked) continue;
      ctx.report({ block: fn, message: `reserved_concurrent_executions = ${n ?? 'a computed value'} reserves account concurrency and can fail on accounts with a low quota.` });
    }
  },
};

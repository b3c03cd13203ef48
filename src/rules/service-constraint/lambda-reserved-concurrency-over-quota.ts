import type { Rule } from '../types.js';
import { attr, exprToText, resources } from '../../model/query.js';
import { resolvedNumber } from '../util/b-resolve.js';

/**
 * Lambda's default concurrency quota per account and region, and the part of it that must stay unreserved: a
 * reservation that leaves less than the minimum is refused. Accounts can raise the quota; a stack meant to deploy
 * anywhere cannot count on it.
 */
export const DEFAULT_CONCURRENCY_QUOTA = 1000;
export const MIN_UNRESERVED = 100;

export const rule: Rule = {
  meta: {
    id: 'lambda-reserved-concurrency-over-quota',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // PutFunctionConcurrency is refused on an account with the default quota.
    applyFailure: true,
    title: 'Lambda reservations exceed the default account concurrency',
    rootCause:
      'The model reserves concurrency on several functions (1,000 and 500) without adding them up: together they exceed what an account with the default quota of 1,000 can reserve, since 100 must stay unreserved.',
    fix: 'Reserve only what the task needs (or nothing), keeping the sum per region well under 900; ask for a quota increase outside the stack if more is required.',
    fixExample: 'resource "aws_lambda_function" "processor" {\n  # ...\n  reserved_concurrent_executions = 50\n}',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
    knowledgeGap: 'Reserved concurrency comes out of an account-wide regional quota (1,000 by default), of which 100 stays unreserved.',
    impact: 'Apply fails (InvalidParameterValueException: decreases account\'s UnreservedConcurrentExecution below its minimum value of [100]).',
  },
  check(ctx) {
    // Reservations add up per account and region: group by the provider the function uses.
    const byProvider = new Map<string, { total: number; fns: Parameters<typeof ctx.report>[0]['block'][] }>();
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const a = attr(fn, 'reserved_concurrent_executions');
      const n = a ? resolvedNumber(ctx.config, a.expr) : undefined;
      if (n === undefined || n <= 0) continue;
      const providerExpr = attr(fn, 'provider')?.expr;
      const key = providerExpr ? exprToText(providerExpr) : 'default';
      const group = byProvider.get(key) ?? { total: 0, fns: [] };
      group.total += n;
      group.fns.push(fn);
      byProvider.set(key, group);
    }
    for (const { total, fns } of byProvider.values()) {
      if (total <= DEFAULT_CONCURRENCY_QUOTA - MIN_UNRESERVED) continue;
      ctx.report({
        block: fns[0]!,
        message: `${fns.length} function${fns.length > 1 ? 's reserve' : ' reserves'} ${total} concurrent executions in one region; with the default quota of ${DEFAULT_CONCURRENCY_QUOTA}, at most ${DEFAULT_CONCURRENCY_QUOTA - MIN_UNRESERVED} can be reserved.`,
      });
    }
  },
};

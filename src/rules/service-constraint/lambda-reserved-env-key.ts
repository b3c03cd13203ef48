import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';

/**
 * Environment variable keys the Lambda runtime sets itself; CreateFunction and UpdateFunctionConfiguration reject
 * a function that sets any of them ("contains reserved keys that are currently not supported for modification").
 * From the Lambda developer guide's list of defined runtime environment variables.
 */
export const LAMBDA_RESERVED_ENV_KEYS = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

/** The literal keys of a map, through locals, input defaults and `merge(...)`. */
function mapKeys(config: Configuration, expr: Expr | undefined, depth = 0): string[] {
  const e = resolveExpr(config, expr);
  if (!e || depth > 6) return [];
  if (e.kind === 'object') return e.entries.flatMap((x) => (x.key === undefined ? [] : [x.key]));
  if (e.kind === 'call' && e.name === 'merge') return e.args.flatMap((a) => mapKeys(config, a, depth + 1));
  return [];
}

export const rule: Rule = {
  meta: {
    id: 'lambda-reserved-env-key',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The create call is refused outright: listed whatever the check's measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'Lambda environment sets a key the runtime reserves',
    rootCause:
      'Models pass the region or tracing settings to the function as `AWS_REGION`, `AWS_DEFAULT_REGION` or `_X_AMZN_TRACE_ID`, keys the Lambda runtime defines itself and does not let a function set.',
    fix: 'Drop the key (the runtime already provides AWS_REGION) or rename it (`REGION`, `APP_REGION`).',
    fixExample: 'resource "aws_lambda_function" "processor" {\n  # ...\n  environment {\n    variables = {\n      TABLE_NAME = aws_dynamodb_table.items.name\n      APP_REGION = var.aws_region\n    }\n  }\n}',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime',
    knowledgeGap: 'Lambda reserves AWS_REGION, AWS_DEFAULT_REGION, _X_AMZN_TRACE_ID and the other runtime variables.',
    impact: 'CreateFunction fails (InvalidParameterValueException: reserved keys), so the function and everything wired to it is never created.',
  },
  check(ctx) {
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const reserved = [...new Set(nestedBlocks(fn, 'environment').flatMap((env) => mapKeys(ctx.config, attrExpr(env, 'variables'))))].filter((k) => LAMBDA_RESERVED_ENV_KEYS.has(k));
      if (!reserved.length) continue;
      ctx.report({ block: fn, message: `${blockAddress(fn)} sets the reserved environment key${reserved.length > 1 ? 's' : ''} ${reserved.join(', ')}; Lambda rejects the function.` });
    }
  },
};

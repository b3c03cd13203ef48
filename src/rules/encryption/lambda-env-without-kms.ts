import type { Rule } from '../types.js';
import { attrExpr, literalValue, nestedBlocks, resources } from '../../model/query.js';
import { ENCRYPT_WORD, promptNear } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-env-without-kms',
    category: 'encryption',
    severity: 'medium',
    fixClass: 'A',
    title: 'Lambda environment variables not encrypted with the requested KMS key',
    rootCause: 'Lambda encrypts environment variables with an AWS managed key by default, so models leave `kms_key_arn` out even when the task asks for explicit KMS encryption.',
    fix: 'Create (or reference) a KMS key and set `kms_key_arn` on the function; grant the role kms:Decrypt.',
    fixExample: `resource "aws_lambda_function" "api" {
  # ...
  kms_key_arn = aws_kms_key.lambda_env.arn
  environment {
    variables = { TABLE_NAME = aws_dynamodb_table.items.name }
  }
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html',
    knowledgeGap: 'Requested environment-variable encryption must be configured explicitly with kms_key_arn.',
    impact: 'The stated security requirement is not demonstrably met.',
  },
  check(ctx) {
    if (!promptNear(ctx, 'environment variables?|env vars?', ENCRYPT_WORD)) return;
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      if (!nestedBlocks(fn, 'environment').length) continue;
      const key = attrExpr(fn, 'kms_key_arn');
      if (key && literalValue(key) !== null && literalValue(key) !== '') continue;
      ctx.report({ block: fn, message: 'The task asks for encrypted environment variables, but this function has an environment and no kms_key_arn.' });
    }
  },
};

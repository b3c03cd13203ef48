import type { Rule } from '../types.js';
import { resources } from '../../model/query.js';
import { referrers } from '../util/b-refs.js';
import { hasServicePrincipal, keyPolicy } from '../util/b-kms.js';

/** Resources that refer to a key without being a consumer that encrypts data with it. */
const NOT_CONSUMERS = /^aws_(kms_alias|kms_key_policy|kms_grant|iam_role_policy|iam_policy|iam_role)$/;

export const rule: Rule = {
  meta: {
    id: 'kms-unnecessary-lambda-principal',
    category: 'key-policy',
    severity: 'medium',
    fixClass: 'A',
    title: 'KMS key policy grants the Lambda service principal unnecessarily',
    rootCause:
      'Models assume Lambda needs a service-principal statement to use a key for environment variables; Lambda uses the execution role\'s IAM permissions (and grants), so the statement only widens the key policy.',
    fix: 'Remove the lambda.amazonaws.com statement; keep the account-root statement and grant kms:Decrypt to the execution role.',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html',
    knowledgeGap: 'Lambda environment encryption uses execution-role permissions, not a service principal in the key policy.',
    impact: 'A broader key policy than needed and confusion about how Lambda reaches the key.',
  },
  check(ctx) {
    for (const key of resources(ctx.config, 'aws_kms_key')) {
      const policy = keyPolicy(ctx.config, key);
      const lambdaStatements = policy.statements.filter(
        (st) => st.effect === 'Allow' && hasServicePrincipal(st, (id) => id.replace(/"/g, '') === 'lambda.amazonaws.com'),
      );
      if (!lambdaStatements.length) continue;
      const consumers = referrers(ctx.config, key).filter((r) => !NOT_CONSUMERS.test(r.labels[0] ?? ''));
      if (!consumers.length || consumers.some((c) => c.labels[0] !== 'aws_lambda_function')) continue;
      ctx.report({
        block: key,
        message: `The key is used only by Lambda function(s) for environment encryption, yet its policy grants lambda.amazonaws.com${lambdaStatements[0]?.sid ? ` (statement "${lambdaStatements[0].sid}")` : ''}.`,
      });
    }
  },
};

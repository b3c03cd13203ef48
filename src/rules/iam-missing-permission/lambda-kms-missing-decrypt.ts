import type { Rule } from '../types.js';
import { attrExpr, literalValue, nestedBlocks, resources } from '../../model/query.js';
import { actionMatches, allowsAction, roleFromExpr, rolePermissions } from '../util/b-iam.js';
import { referencedBlocks } from '../util/b-refs.js';
import { keyPolicy } from '../util/b-kms.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-kms-missing-decrypt',
    category: 'iam-missing-permission',
    severity: 'medium',
    fixClass: 'A',
    title: 'Lambda with a customer managed key but no kms:Decrypt on its role',
    rootCause: 'Models set `kms_key_arn` for environment encryption and forget that the execution role must be allowed to decrypt with that key.',
    fix: 'Grant the execution role kms:Decrypt on the key ARN.',
    fixExample: `{
  Effect   = "Allow"
  Action   = ["kms:Decrypt"]
  Resource = aws_kms_key.lambda_env.arn
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html',
    knowledgeGap: 'A customer managed key for Lambda environment variables needs kms:Decrypt on the execution role.',
    impact: 'Invocations fail with KMSAccessDeniedException when the environment cannot be decrypted.',
  },
  check(ctx) {
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const key = attrExpr(fn, 'kms_key_arn');
      if (!key || literalValue(key) === null || literalValue(key) === '') continue;
      if (!nestedBlocks(fn, 'environment').length) continue;
      const role = roleFromExpr(ctx.config, attrExpr(fn, 'role'));
      if (!role) continue;
      const perms = rolePermissions(ctx.config, role);
      if (!perms.complete || allowsAction(perms, 'kms:Decrypt')) continue;
      // A key policy that names the role (or any principal) grants Decrypt without IAM.
      const roleAddress = `aws_iam_role.${role.labels[1] ?? ''}`;
      const grantedByKey = referencedBlocks(ctx.config, key, 'aws_kms_key').some((k) =>
        keyPolicy(ctx.config, k).statements.some(
          (st) =>
            st.effect === 'Allow' &&
            st.actions.some((a) => actionMatches(a, 'kms:Decrypt')) &&
            st.principals.some((p) => p.identifiers.some((id) => id === '*' || id.includes(roleAddress))),
        ),
      );
      if (grantedByKey) continue;
      ctx.report({ block: fn, message: `Environment variables use a customer managed key, but role ${role.labels[1] ?? '?'} has no kms:Decrypt.` });
    }
  },
};

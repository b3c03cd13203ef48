import type { Rule } from '../types.js';
import { resources } from '../../model/query.js';
import { keyPolicy } from '../util/b-kms.js';

export const rule: Rule = {
  meta: {
    id: 'kms-wildcard-principal',
    category: 'key-policy',
    severity: 'high',
    fixClass: 'A',
    title: 'KMS key policy allows any principal without conditions',
    rootCause: 'Models use `Principal = "*"` (or AWS = "*") to get a key working quickly, which opens the key to every AWS account.',
    fix: 'Name the principals (account root, roles, service principals) or add conditions such as kms:CallerAccount / kms:ViaService.',
    fixExample: `{
  Sid       = "EnableRootAccount"
  Effect    = "Allow"
  Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }
  Action    = "kms:*"
  Resource  = "*"
}`,
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html',
    knowledgeGap: 'A wildcard principal in a key policy needs conditions to be safe.',
    impact: 'Any principal in any account that can reach the key may use it.',
  },
  check(ctx) {
    for (const key of resources(ctx.config, 'aws_kms_key')) {
      const open = keyPolicy(ctx.config, key).statements.filter(
        (st) =>
          st.effect === 'Allow' &&
          !st.conditions?.length &&
          st.principals.some((p) => (p.type === '*' || p.type === 'AWS') && p.identifiers.includes('*')),
      );
      if (!open.length) continue;
      ctx.report({ block: key, message: `${open.length} key policy statement(s) allow Principal "*" without any condition.` });
    }
  },
};

import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { hasServicePrincipal, keyPolicy } from '../util/b-kms.js';

export const rule: Rule = {
  meta: {
    id: 'kms-logs-principal-missing',
    category: 'key-policy',
    severity: 'high',
    fixClass: 'A',
    title: 'KMS key for CloudWatch Logs lacks the logs service principal',
    rootCause:
      'Models encrypt log groups with a customer managed key but keep the default key policy (or one for IAM users only); CloudWatch Logs needs its regional service principal in the key policy.',
    fix: 'Add a key policy statement allowing `logs.<region>.amazonaws.com` kms:Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey* and Describe*, scoped with a kms:EncryptionContext:aws:logs:arn condition.',
    fixExample: `{
  Sid       = "AllowCloudWatchLogs"
  Effect    = "Allow"
  Principal = { Service = "logs.\${var.aws_region}.amazonaws.com" }
  Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
  Resource  = "*"
  Condition = {
    ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:\${var.aws_region}:\${data.aws_caller_identity.current.account_id}:*" }
  }
}`,
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
    knowledgeGap: 'CloudWatch Logs encryption needs the logs service principal in the KMS key policy.',
    impact: 'Log group creation fails: the KMS key is not allowed to be used with the log group.',
    // CreateLogGroup fails with AccessDeniedException: an apply failure whatever share of reviewers names it.
    applyFailure: true,
  },
  check(ctx) {
    const byKey = new Map<Block, Block[]>();
    for (const lg of resources(ctx.config, 'aws_cloudwatch_log_group')) {
      for (const key of referencedBlocks(ctx.config, attrExpr(lg, 'kms_key_id'), 'aws_kms_key')) {
        byKey.set(key, [...(byKey.get(key) ?? []), lg]);
      }
    }
    for (const [key, groups] of byKey) {
      const policy = keyPolicy(ctx.config, key);
      if (!policy.readable) continue;
      const allowsLogs = policy.statements.some(
        (st) =>
          st.effect === 'Allow' &&
          (hasServicePrincipal(st, (id) => /(^|["'])logs[.$]/.test(id) && id.includes('amazonaws.com')) ||
            st.principals.some((p) => p.identifiers.includes('*'))),
      );
      if (allowsLogs) continue;
      // Name the log groups whose creation fails: that is where the deploy error shows.
      const named = groups.slice(0, 3).map(blockAddress).join(', ') + (groups.length > 3 ? ` and ${groups.length - 3} more` : '');
      ctx.report({
        block: key,
        message: `${named} encrypt${groups.length === 1 ? 's' : ''} with this key (kms_key_id), but its ${policy.explicit ? 'policy' : 'default policy'} does not allow the logs.<region>.amazonaws.com service principal: CreateLogGroup fails with AccessDeniedException.`,
      });
    }
  },
};

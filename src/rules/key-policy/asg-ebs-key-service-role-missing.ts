import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, exprToText, nestedBlocks, resources } from '../../model/query.js';
import { blockReferences, expressionReferences, referencedBlocks } from '../util/b-refs.js';
import { keyPolicy } from '../util/b-kms.js';

/** The Auto Scaling service-linked role, however the policy spells its ARN (`.../autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`). */
const AUTOSCALING_ROLE = /AWSServiceRoleForAutoScaling|autoscaling\.amazonaws\.com/i;

export const rule: Rule = {
  meta: {
    id: 'asg-ebs-key-service-role-missing',
    category: 'key-policy',
    severity: 'high',
    fixClass: 'A',
    // Instances never launch (Client.InternalError on launch): an apply failure whatever share of reviewers names it.
    applyFailure: true,
    title: 'Auto Scaling cannot use the customer managed key of its EBS volumes',
    rootCause:
      'Models encrypt a launch template\'s volumes with their own KMS key and keep the default key policy. Auto Scaling launches instances as its service-linked role, whose permissions cover AWS managed keys only; a customer managed key must name that role in its key policy (or grant it).',
    fix: 'Allow `arn:aws:iam::<account>:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling` kms:Encrypt, Decrypt, ReEncrypt*, GenerateDataKey* and DescribeKey, and kms:CreateGrant with kms:GrantIsForAWSResource, in the key policy.',
    fixExample: `{
  Sid       = "AllowAutoScalingServiceRole"
  Effect    = "Allow"
  Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling" }
  Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
  Resource  = "*"
},
{
  Sid       = "AllowAutoScalingGrants"
  Effect    = "Allow"
  Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling" }
  Action    = "kms:CreateGrant"
  Resource  = "*"
  Condition = { Bool = { "kms:GrantIsForAWSResource" = "true" } }
}`,
    docs: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html',
    knowledgeGap: 'Auto Scaling\'s service-linked role needs the customer managed key of encrypted volumes in the key policy.',
    impact: 'The Auto Scaling group never launches an instance (Client.InternalError: Client error on launch); apply waits for capacity and fails.',
  },
  check(ctx) {
    const launchTemplates = resources(ctx.config, 'aws_launch_template');
    if (!launchTemplates.length) return;
    const groups = resources(ctx.config, 'aws_autoscaling_group');
    // Launch templates an Auto Scaling group launches from (directly or in a mixed instances policy).
    const used = launchTemplates.filter((lt) => groups.some((g) => blockReferences(g, lt)));
    const reported = new Set<Block>();
    for (const lt of used) {
      const keys = nestedBlocks(lt, 'block_device_mappings')
        .flatMap((m) => nestedBlocks(m, 'ebs'))
        .flatMap((ebs) => referencedBlocks(ctx.config, attrExpr(ebs, 'kms_key_id'), 'aws_kms_key'));
      for (const key of keys) {
        if (reported.has(key)) continue;
        const policy = keyPolicy(ctx.config, key);
        if (!policy.readable) continue;
        const allowed = policy.statements.some((st) => st.effect === 'Allow' && st.principals.some((p) => p.identifiers.some((id) => id === '*' || AUTOSCALING_ROLE.test(id))));
        const granted = resources(ctx.config, 'aws_kms_grant').some((g) => expressionReferences(attrExpr(g, 'key_id'), key) && AUTOSCALING_ROLE.test(exprText(attrExpr(g, 'grantee_principal'))));
        if (allowed || granted) continue;
        reported.add(key);
        ctx.report({
          block: key,
          message: `${blockAddress(lt)} encrypts its EBS volumes with ${blockAddress(key)}, and an Auto Scaling group launches from it, but the key's ${policy.explicit ? 'policy' : 'default policy'} does not allow the AWSServiceRoleForAutoScaling service-linked role: instances fail to launch (Client.InternalError).`,
        });
      }
    }
  },
};

function exprText(e: Parameters<typeof exprToText>[0] | undefined): string {
  return e ? exprToText(e) : '';
}

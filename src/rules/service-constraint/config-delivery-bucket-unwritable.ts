import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { allowsAction, MANAGED_POLICY_ACTIONS, roleFromExpr, rolePermissions } from '../util/b-iam.js';
import { bucketPolicyMatching } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 'config-delivery-bucket-unwritable',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'A',
    // PutDeliveryChannel checks that AWS Config can write to the bucket: listed whatever the measured precision
    // unless the reviewer's ideal does the same.
    applyFailure: true,
    title: 'AWS Config delivery channel to a bucket AWS Config cannot write to',
    rootCause:
      'The model attaches AWS_ConfigRole to the recorder\'s role and points the delivery channel at a new bucket, but AWS_ConfigRole grants no s3:PutObject and the bucket has no policy for config.amazonaws.com.',
    fix: 'Give the bucket a policy that lets config.amazonaws.com check its ACL and put objects under AWSLogs/<account>/Config/, or grant the recorder\'s role s3:PutObject and s3:GetBucketAcl on it.',
    fixExample: 'resource "aws_s3_bucket_policy" "config" {\n  bucket = aws_s3_bucket.config.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      { Effect = "Allow", Principal = { Service = "config.amazonaws.com" }, Action = "s3:GetBucketAcl", Resource = aws_s3_bucket.config.arn },\n      { Effect = "Allow", Principal = { Service = "config.amazonaws.com" }, Action = "s3:PutObject", Resource = "${aws_s3_bucket.config.arn}/AWSLogs/${data.aws_caller_identity.current.account_id}/Config/*" }\n    ]\n  })\n}',
    docs: 'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html',
    knowledgeGap: 'AWS Config writes to its delivery bucket through a bucket policy for config.amazonaws.com or the role\'s own S3 permissions.',
    impact: '`terraform apply` fails creating the delivery channel: InsufficientDeliveryPolicyException.',
  },
  check(ctx) {
    const recorders = resources(ctx.config, 'aws_config_configuration_recorder');
    for (const channel of resources(ctx.config, 'aws_config_delivery_channel')) {
      const bucket = referencedBlocks(ctx.config, attrExpr(channel, 's3_bucket_name'), 'aws_s3_bucket')[0];
      if (!bucket) continue;
      if (bucketPolicyMatching(ctx.config, bucket, /config\.amazonaws\.com/).matches) continue;
      // The recorder's role may carry the S3 permissions itself; only a role read in full says it does not.
      const roles = recorders.map((r) => roleFromExpr(ctx.config, attrExpr(r, 'role_arn')));
      if (!roles.length || roles.some((role) => role === undefined)) continue;
      const unwritable = roles.every((role) => {
        const perms = rolePermissions(ctx.config, role!);
        if (!perms.complete || perms.managedPolicies.some((m) => m !== 'AWS_ConfigRole' && !(m in MANAGED_POLICY_ACTIONS))) return false;
        return !allowsAction(perms, 's3:PutObject', bucket);
      });
      if (!unwritable) continue;
      ctx.report({
        block: channel,
        message: `${blockAddress(channel)} delivers to ${blockAddress(bucket)}, which has no bucket policy for config.amazonaws.com, and the recorder's role ${blockAddress(roles[0]!)} has no s3:PutObject on it (AWS_ConfigRole grants none): the delivery channel is rejected (InsufficientDeliveryPolicyException).`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import { reportGaps, WRITERS } from './kms-service-principal-missing.js';

export const rule: Rule = {
  meta: {
    id: 'cloudtrail-kms-policy-missing',
    category: 'key-policy',
    severity: 'high',
    fixClass: 'A',
    // CreateTrail checks the key policy (InsufficientEncryptionPolicyException): listed whatever the check's
    // measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'CloudTrail encrypts with a KMS key whose policy does not allow CloudTrail',
    rootCause:
      'Models set `kms_key_id` on the trail and keep the default key policy (account root only); CloudTrail acts as cloudtrail.amazonaws.com and must be allowed kms:GenerateDataKey* (and DescribeKey) in the key policy.',
    fix: 'Add a key policy statement for cloudtrail.amazonaws.com with kms:GenerateDataKey* and kms:DescribeKey, scoped by aws:SourceArn to the trail.',
    fixExample: `{
  Sid       = "AllowCloudTrailEncrypt"
  Effect    = "Allow"
  Principal = { Service = "cloudtrail.amazonaws.com" }
  Action    = ["kms:GenerateDataKey*", "kms:DescribeKey"]
  Resource  = "*"
}`,
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html',
    knowledgeGap: 'A CloudTrail KMS key needs a key policy statement for cloudtrail.amazonaws.com.',
    impact: '`terraform apply` fails creating the trail (InsufficientEncryptionPolicyException).',
  },
  check(ctx) {
    reportGaps(ctx, WRITERS.filter((w) => w.service === 'cloudtrail'));
  },
};

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources, staticBool } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { resolveExpr } from '../util/b-resolve.js';
import { bucketPolicyMatching } from '../util/b-s3.js';

/**
 * What a bucket policy names when it lets Elastic Load Balancing write access logs: the regional ELB account (through
 * the `aws_elb_service_account` data source or its literal `arn:aws:iam::<id>:root`) or the log-delivery service
 * principals newer regions use.
 */
const ELB_WRITER = /aws_elb_service_account|logdelivery\.elasticloadbalancing\.amazonaws\.com|delivery\.logs\.amazonaws\.com|arn:aws:iam::\d{12}:root|elasticloadbalancing\.amazonaws\.com/;

export const rule: Rule = {
  meta: {
    id: 'lb-access-logs-bucket-policy-missing',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'A',
    // Enabling access logs checks that the load balancer may write to the bucket: listed whatever the measured
    // precision unless the reviewer's ideal does the same.
    applyFailure: true,
    title: 'Load balancer access logs sent to a bucket whose policy does not let ELB write',
    rootCause:
      'The model enables `access_logs` on the load balancer and creates the bucket, but gives the bucket no policy for the regional Elastic Load Balancing account (`data.aws_elb_service_account`) or the log-delivery service principal.',
    fix: 'Add a bucket policy that allows `s3:PutObject` on the log prefix to the region\'s ELB account (`data.aws_elb_service_account.main.arn`), and make the load balancer depend on it.',
    fixExample: 'data "aws_elb_service_account" "main" {}\n\nresource "aws_s3_bucket_policy" "alb_logs" {\n  bucket = aws_s3_bucket.alb_logs.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = data.aws_elb_service_account.main.arn }\n      Action    = "s3:PutObject"\n      Resource  = "${aws_s3_bucket.alb_logs.arn}/*"\n    }]\n  })\n}',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#attach-bucket-policy',
    knowledgeGap: 'Load balancer access logs need a bucket policy for the regional ELB account or the log-delivery principal.',
    impact: '`terraform apply` fails on the load balancer: InvalidConfigurationRequest: Access Denied for bucket. Please check S3bucket permission.',
  },
  check(ctx) {
    for (const lb of [...resources(ctx.config, 'aws_lb'), ...resources(ctx.config, 'aws_alb')]) {
      for (const logs of nestedBlocks(lb, 'access_logs')) {
        // Access logs are off unless `enabled` is true (the provider's default is false, even with a bucket).
        if (staticBool(resolveExpr(ctx.config, attrExpr(logs, 'enabled'))) !== true) continue;
        const bucket = referencedBlocks(ctx.config, attrExpr(logs, 'bucket'), 'aws_s3_bucket')[0];
        if (!bucket) continue;
        const { policies, matches } = bucketPolicyMatching(ctx.config, bucket, ELB_WRITER);
        if (matches) continue;
        ctx.report({
          block: lb,
          message: `${blockAddress(lb)} writes access logs to ${blockAddress(bucket)}, ${policies.length ? 'whose bucket policy does not name' : 'which has no bucket policy for'} the region's Elastic Load Balancing account (data.aws_elb_service_account) or the log-delivery principal: the load balancer's access-log setting is rejected (Access Denied for bucket).`,
        });
      }
    }
  },
};

import type { Rule, RuleContext } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources, staticString } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';
import { bucketKmsEncryption } from '../util/b-s3.js';

/** Buckets the load balancer's access_logs block writes to (by reference or by literal bucket name). */
function logBuckets(ctx: RuleContext, accessLogs: Block): Block[] {
  const e = attrExpr(accessLogs, 'bucket');
  const byRef = referencedBlocks(ctx.config, e, 'aws_s3_bucket');
  if (byRef.length) return byRef;
  const name = staticString(e);
  return name ? resources(ctx.config, 'aws_s3_bucket').filter((b) => staticString(attrExpr(b, 'bucket')) === name) : [];
}

export const rule: Rule = {
  meta: {
    id: 'alb-access-logs-kms-bucket',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The load balancer's attribute update is refused ("Access Denied for bucket"): an AWS combination constraint
    // the apply hits, listed whatever the check's measured precision unless the ideal does the same.
    applyFailure: true,
    title: 'Load balancer access logs sent to an SSE-KMS bucket',
    rootCause:
      'Models apply the same customer managed KMS key to every bucket; Application and Classic Load Balancer access logs are written by the ELB log delivery account, which only supports SSE-S3 (AES256) on the target bucket.',
    fix: 'Encrypt the access-log bucket with SSE-S3 (`sse_algorithm = "AES256"`) and keep SSE-KMS for data buckets.',
    fixExample: `resource "aws_s3_bucket_server_side_encryption_configuration" "alb_logs" {
  bucket = aws_s3_bucket.alb_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html#access-log-create-bucket',
    knowledgeGap: 'ALB/CLB access logs support only SSE-S3 on the destination bucket.',
    impact: 'The load balancer cannot write its access logs (access denied); enabling logging may fail at apply.',
  },
  check(ctx) {
    const reported = new Set<Block>();
    for (const lb of [...resources(ctx.config, 'aws_lb'), ...resources(ctx.config, 'aws_alb'), ...resources(ctx.config, 'aws_elb')]) {
      const type = lb.labels[0] === 'aws_elb' ? 'application' : (resolvedString(ctx.config, attrExpr(lb, 'load_balancer_type')) ?? 'application');
      // Network Load Balancers can write to SSE-KMS buckets when the key policy allows log delivery.
      if (type !== 'application') continue;
      for (const al of nestedBlocks(lb, 'access_logs')) {
        if (resolvedBool(ctx.config, attrExpr(al, 'enabled')) === false) continue;
        for (const bucket of logBuckets(ctx, al)) {
          const sse = bucketKmsEncryption(ctx.config, bucket);
          if (!sse || reported.has(bucket)) continue;
          reported.add(bucket);
          ctx.report({
            block: sse.kind === 'nested' ? bucket : sse,
            message: `${blockAddress(lb)} writes access logs to ${blockAddress(bucket)}, which is encrypted with SSE-KMS; load balancer access logs support only SSE-S3 (AES256).`,
          });
        }
      }
    }
  },
};

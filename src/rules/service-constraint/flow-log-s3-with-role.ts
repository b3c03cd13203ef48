import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'flow-log-s3-with-role',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateFlowLogs answers InvalidParameter: an apply failure whatever share of reviewers names it.
    applyFailure: true,
    title: 'Flow log to S3 given an IAM role',
    rootCause:
      'Models write every VPC flow log with the CloudWatch Logs pattern (a delivery role in `iam_role_arn`); a flow log delivered to S3 is authorized by the bucket policy, and the API refuses a role for it.',
    fix: 'Remove `iam_role_arn` from flow logs with `log_destination_type = "s3"` and let the bucket policy allow delivery.logs.amazonaws.com; keep the role for CloudWatch Logs destinations only.',
    fixExample: `resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}`,
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3.html',
    knowledgeGap: 'Flow log delivery to S3 uses the bucket policy, not an IAM role.',
    impact: 'Apply fails (InvalidParameter: DeliverLogsPermissionArn is not applicable for s3 delivery); the VPC has no flow logs.',
  },
  check(ctx) {
    for (const fl of resources(ctx.config, 'aws_flow_log')) {
      const role = attr(fl, 'iam_role_arn');
      if (!role || resolvedString(ctx.config, attrExpr(fl, 'log_destination_type')) !== 's3') continue;
      ctx.report({
        block: fl,
        span: role.span,
        message: `${blockAddress(fl)} delivers to S3 (log_destination_type = "s3") but sets iam_role_arn: CreateFlowLogs fails (DeliverLogsPermissionArn is not applicable for s3 delivery).`,
      });
    }
  },
};

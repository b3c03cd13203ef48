import type { Rule, RuleReport } from '../types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool } from '../util/b-resolve.js';
import { promptMentions, promptNear } from '../util/b-prompt.js';

/** The flow log that ties a VPC to its log group (the fix example of both flow-log rules). */
export const FLOW_LOG_EXAMPLE = `resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow.arn
  iam_role_arn         = aws_iam_role.flow.arn
}`;

export const rule: Rule = {
  meta: {
    id: 'requested-logging-missing',
    category: 'logging',
    severity: 'medium',
    fixClass: 'B',
    title: 'Requested logging not configured',
    rootCause:
      'Models build the resources a task names and drop the logging around them: VPC flow logs, the CloudTrail trail, load balancer access logs, S3 server access logging are separate resources or blocks that nothing forces them to write.',
    fix: 'Add the logging the task asks for: `aws_flow_log` on the VPC, an `aws_cloudtrail` with its bucket and policy, `access_logs { enabled = true }` on the load balancer, `aws_s3_bucket_logging` on buckets.',
    fixExample: FLOW_LOG_EXAMPLE,
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    knowledgeGap: 'Logging requirements (flow logs, CloudTrail, access logs) need their own resources.',
    impact: 'Network, API and access activity is not recorded: no audit trail, no forensics.',
  },
  check(ctx) {
    const gaps: RuleReport[] = [];
    const vpcs = resources(ctx.config, 'aws_vpc');
    if (vpcs.length && !resources(ctx.config, 'aws_flow_log').length && promptMentions(ctx, /flow logs?/)) {
      gaps.push({ block: vpcs[0]!, message: 'The task asks for VPC flow logs, but no aws_flow_log captures this VPC\'s traffic.' });
    }
    const all = resources(ctx.config);
    if (all.length && !resources(ctx.config, 'aws_cloudtrail').length && promptMentions(ctx, /cloudtrail/)) {
      gaps.push({ block: all[0]!, resource: 'aws_cloudtrail', message: 'The task asks for CloudTrail, but the configuration declares no trail.' });
    }
    if (promptNear(ctx, 'access logs?|access logging', 'alb|load balancer|elb')) {
      for (const lb of [...resources(ctx.config, 'aws_lb'), ...resources(ctx.config, 'aws_alb')]) {
        const logs = nestedBlocks(lb, 'access_logs');
        if (logs.some((l) => resolvedBool(ctx.config, attrExpr(l, 'enabled')) !== false)) continue;
        gaps.push({ block: lb, message: 'The task asks for load balancer access logs, but this load balancer has no enabled access_logs block.' });
      }
    }
    const buckets = resources(ctx.config, 'aws_s3_bucket');
    const bucketLogging = resources(ctx.config, 'aws_s3_bucket_logging').length > 0 || buckets.some((b) => nestedBlocks(b, 'logging').length > 0);
    if (buckets.length > 0 && !bucketLogging && promptMentions(ctx, /server access log|s3 access logging|bucket (access )?logging/)) {
      gaps.push({ block: buckets[0]!, message: 'The task asks for S3 access logging, but no bucket has server access logging configured.' });
    }
    for (const g of gaps) ctx.report(g);
  },
};

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedNumber, resolvedString } from '../util/b-resolve.js';

/** CloudWatch metrics AWS publishes in bytes, by namespace. */
const BYTE_METRICS: Record<string, string[]> = {
  'AWS/RDS': ['FreeStorageSpace', 'FreeableMemory', 'FreeLocalStorage'],
  'AWS/ElastiCache': ['FreeableMemory'],
  'AWS/DocDB': ['FreeableMemory', 'FreeLocalStorage'],
};

/** Below one mebibyte a "free space / free memory" threshold is a unit slip (MB or GB written as bytes). */
const MIN_PLAUSIBLE_BYTES = 1024 * 1024;

function isByteMetric(namespace: string | undefined, metric: string): boolean {
  if (namespace !== undefined) return (BYTE_METRICS[namespace] ?? []).includes(metric);
  return Object.values(BYTE_METRICS).some((m) => m.includes(metric));
}

export const rule: Rule = {
  meta: {
    id: 'alarm-threshold-wrong-unit',
    category: 'misconfiguration',
    severity: 'medium',
    fixClass: 'A',
    title: 'Alarm threshold in MB or GB on a metric reported in bytes',
    rootCause:
      'Models convert "alert below 20 GB" into megabytes or gigabytes, but RDS and ElastiCache publish FreeStorageSpace and FreeableMemory in bytes, so the threshold is a millionth of the intended value.',
    fix: 'Express the threshold in bytes (20 GB = 21474836480), or compute it: `var.free_storage_gb * 1024 * 1024 * 1024`.',
    fixExample: `resource "aws_cloudwatch_metric_alarm" "db_storage" {
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  comparison_operator = "LessThanThreshold"
  threshold           = 21474836480 # 20 GiB in bytes
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html',
    knowledgeGap: 'CloudWatch storage and memory metrics for RDS/ElastiCache are reported in bytes.',
    impact: 'The alarm effectively never fires: storage or memory exhaustion goes unnoticed.',
  },
  check(ctx) {
    for (const alarm of resources(ctx.config, 'aws_cloudwatch_metric_alarm')) {
      const metric = resolvedString(ctx.config, attrExpr(alarm, 'metric_name'));
      if (!metric) continue;
      const namespace = resolvedString(ctx.config, attrExpr(alarm, 'namespace'));
      if (!isByteMetric(namespace, metric)) continue;
      const threshold = resolvedNumber(ctx.config, attrExpr(alarm, 'threshold'));
      if (threshold === undefined || threshold <= 0 || threshold >= MIN_PLAUSIBLE_BYTES) continue;
      ctx.report({
        block: alarm,
        message: `${blockAddress(alarm)} alarms on ${metric} (reported in bytes) with threshold ${threshold}, i.e. ${threshold} bytes; the value looks like megabytes or gigabytes.`,
      });
    }
  },
};

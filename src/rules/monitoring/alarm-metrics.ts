/** The metrics CloudWatch alarms watch, read from the top-level arguments and from metric_query blocks. */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

export interface AlarmMetric {
  alarm: Block;
  /** undefined when not static. */
  namespace: string | undefined;
  metricName: string | undefined;
  dimensions: Expr | undefined;
}

export function alarmMetrics(config: Configuration): AlarmMetric[] {
  const out: AlarmMetric[] = [];
  for (const alarm of resources(config, 'aws_cloudwatch_metric_alarm')) {
    const specs: Block[] = [alarm, ...nestedBlocks(alarm, 'metric_query').flatMap((q) => nestedBlocks(q, 'metric'))];
    for (const spec of specs) {
      if (!attrExpr(spec, 'metric_name') && !attrExpr(spec, 'namespace')) continue;
      out.push({
        alarm,
        namespace: resolvedString(config, attrExpr(spec, 'namespace')),
        metricName: resolvedString(config, attrExpr(spec, 'metric_name')),
        dimensions: attrExpr(spec, 'dimensions'),
      });
    }
  }
  return out;
}

/** The value a dimension has in an alarm's `dimensions` map, when the map is written out. */
export function dimensionValue(dimensions: Expr | undefined, key: string): Expr | undefined {
  if (dimensions?.kind !== 'object') return undefined;
  return dimensions.entries.find((e) => e.key === key)?.value;
}

export function alarmBlocks(config: Configuration): Block[] {
  return [...resources(config, 'aws_cloudwatch_metric_alarm'), ...resources(config, 'aws_cloudwatch_composite_alarm')];
}

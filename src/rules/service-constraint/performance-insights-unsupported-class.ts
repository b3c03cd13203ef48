import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';

/** RDS for MySQL/MariaDB and Aurora MySQL: Performance Insights is not offered on these classes. */
const SMALL_CLASSES = new Set(['db.t2.micro', 'db.t2.small', 'db.t3.micro', 'db.t3.small', 'db.t4g.micro', 'db.t4g.small']);

export const rule: Rule = {
  meta: {
    id: 'performance-insights-unsupported-class',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The API rejects the call (see impact): listed whatever the measured precision unless the ideal does the same.
    applyFailure: true,
    title: 'Performance Insights on an instance class that does not support it',
    rootCause:
      'Models turn on Performance Insights as a best practice and pick the cheapest instance class, without checking that micro/small (and, for Aurora MySQL, all burstable t2/t3) classes do not offer it.',
    fix: 'Use a supported class (e.g. db.t3.medium or db.r6g.large) or enable Performance Insights only when the class supports it.',
    fixExample: `resource "aws_rds_cluster_instance" "writer" {
  instance_class               = "db.t3.medium"
  performance_insights_enabled = true
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html',
    knowledgeGap: 'Performance Insights support depends on engine and instance class.',
    impact: 'Deployment fails with InvalidParameterCombination.',
  },
  check(ctx) {
    for (const db of [...resources(ctx.config, 'aws_db_instance'), ...resources(ctx.config, 'aws_rds_cluster_instance')]) {
      if (resolvedBool(ctx.config, attrExpr(db, 'performance_insights_enabled')) !== true) continue;
      const cls = resolvedString(ctx.config, attrExpr(db, 'instance_class'));
      if (!cls) continue;
      const engine = engineOf(ctx.config, db);
      const aurora = db.labels[0] === 'aws_rds_cluster_instance' || (engine ?? '').startsWith('aurora');
      let unsupported = false;
      if (engine === 'aurora-mysql' || engine === 'aurora') unsupported = /^db\.t[23]\./.test(cls) || SMALL_CLASSES.has(cls);
      // Other Aurora engines on micro/small classes: the class itself is refused (aurora-instance-class-unsupported).
      else if (aurora) unsupported = false;
      else if (engine === 'mysql' || engine === 'mariadb') unsupported = SMALL_CLASSES.has(cls);
      if (!unsupported) continue;
      ctx.report({
        block: db,
        message: `performance_insights_enabled = true on ${cls}${engine ? ` (${engine})` : ''}, a class that does not support Performance Insights.`,
      });
    }
  },
};

/** The engine of an instance, following `engine = aws_rds_cluster.x.engine` / `cluster_identifier` to the cluster. */
export function engineOf(config: Configuration, db: Block): string | undefined {
  const direct = resolvedString(config, attrExpr(db, 'engine'));
  if (direct) return direct;
  const cluster =
    referencedBlocks(config, attrExpr(db, 'engine'), 'aws_rds_cluster')[0] ??
    referencedBlocks(config, attrExpr(db, 'cluster_identifier'), 'aws_rds_cluster')[0];
  return cluster ? resolvedString(config, attrExpr(cluster, 'engine')) : undefined;
}

import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolveExpr, resolvedNumber, resolvedString } from '../util/b-resolve.js';
import { dbEngine, joinsGlobalCluster } from '../util/dep-db.js';

/** The backtrack window a cluster can get: the resolved value, or the largest branch of a conditional. */
function backtrackSeconds(config: Configuration, expr: Expr | undefined): number {
  if (!expr) return 0;
  const direct = resolvedNumber(config, expr);
  if (direct !== undefined) return direct;
  const r = resolveExpr(config, expr);
  if (r?.kind === 'conditional') return Math.max(backtrackSeconds(config, r.then), backtrackSeconds(config, r.else));
  return 0;
}

export const rule: Rule = {
  meta: {
    id: 'aurora-backtrack-unsupported',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateDBCluster rejects the window (InvalidParameterCombination): listed whatever the measured precision.
    applyFailure: true,
    title: 'Aurora Backtrack enabled where AWS does not support it',
    rootCause:
      'Models add `backtrack_window` as a generic recovery feature, but Backtrack exists only for Aurora MySQL provisioned clusters and cannot be used by clusters that belong to a global database.',
    fix: 'Remove `backtrack_window` (rely on point-in-time recovery and snapshots) for Aurora PostgreSQL, Serverless and global-database clusters.',
    fixExample: `resource "aws_rds_cluster" "secondary" {
  engine                    = "aurora-mysql"
  global_cluster_identifier = aws_rds_global_cluster.main.id
  backup_retention_period   = 7
  # no backtrack_window: not supported for global database members
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html',
    knowledgeGap: 'Aurora Backtrack is an Aurora MySQL-only feature and is incompatible with global databases.',
    impact: 'Apply fails when the cluster is created (InvalidParameterCombination).',
  },
  check(ctx) {
    for (const cluster of resources(ctx.config, 'aws_rds_cluster')) {
      const seconds = backtrackSeconds(ctx.config, attrExpr(cluster, 'backtrack_window'));
      if (seconds <= 0) continue;
      const engine = dbEngine(ctx.config, cluster);
      const mode = resolvedString(ctx.config, attrExpr(cluster, 'engine_mode'));
      const why: string[] = [];
      if (engine && !/^aurora(-mysql)?$/.test(engine)) why.push(`Backtrack is only available for Aurora MySQL, not ${engine}`);
      if (joinsGlobalCluster(cluster)) why.push('clusters in an Aurora global database cannot use Backtrack');
      if (mode === 'serverless') why.push('Backtrack is not supported for Aurora Serverless v1 (engine_mode "serverless")');
      if (!why.length) continue;
      ctx.report({ block: cluster, message: `${blockAddress(cluster)} sets backtrack_window = ${seconds}, but ${why.join('; ')}.` });
    }
  },
};

import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { engineOf } from './performance-insights-unsupported-class.js';

/**
 * Instance classes Aurora does not offer for current engine versions (Aurora PostgreSQL, Aurora MySQL 3): its
 * smallest burstable classes are db.t3.medium and db.t4g.medium. Aurora MySQL 2 (5.7-compatible, end of standard
 * support 2024) still took db.t2.small and db.t3.small, so a 5.7 engine version is left alone.
 */
export const AURORA_UNSUPPORTED_CLASS = /^db\.(t2\.|t3\.(micro|small)$|t4g\.(micro|small)$)/;

function auroraEngine(config: Configuration, db: Block): string | undefined {
  const engine = engineOf(config, db);
  if (engine !== undefined) return engine.startsWith('aurora') ? engine : undefined;
  // aws_rds_cluster_instance only runs Aurora engines: unknown engine text is still Aurora.
  return db.labels[0] === 'aws_rds_cluster_instance' ? 'aurora' : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'aurora-instance-class-unsupported',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateDBInstance is refused (InvalidParameterCombination): listed whatever the check's measured precision
    // unless the ideal keeps the class.
    applyFailure: true,
    title: 'Aurora instance class the engine does not offer',
    rootCause:
      'Models pick the cheapest RDS class (db.t3.micro, db.t3.small) for an Aurora cluster; Aurora\'s smallest classes are db.t3.medium and db.t4g.medium.',
    fix: 'Use db.t4g.medium or db.t3.medium (or a db.r6g/r7g class), or Aurora Serverless v2 (`db.serverless`).',
    fixExample: 'resource "aws_rds_cluster_instance" "writer" {\n  cluster_identifier = aws_rds_cluster.main.id\n  instance_class     = "db.t4g.medium"\n  engine             = aws_rds_cluster.main.engine\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html',
    knowledgeGap: 'Aurora supports a narrower set of instance classes than RDS: no micro or small burstable classes.',
    impact: 'The cluster instance is never created (InvalidParameterCombination: DB instance class not supported for the engine), so the database has no writer.',
  },
  check(ctx) {
    for (const db of [...resources(ctx.config, 'aws_rds_cluster_instance'), ...resources(ctx.config, 'aws_db_instance')]) {
      const engine = auroraEngine(ctx.config, db);
      if (!engine) continue;
      const cls = resolvedString(ctx.config, attrExpr(db, 'instance_class'));
      if (!cls || !AURORA_UNSUPPORTED_CLASS.test(cls)) continue;
      const version = resolvedString(ctx.config, attrExpr(db, 'engine_version')) ?? '';
      if (version.startsWith('5.7')) continue;
      ctx.report({ block: db, message: `${blockAddress(db)} uses ${cls}, which ${engine === 'aurora' ? 'Aurora' : engine} does not offer (smallest: db.t3.medium / db.t4g.medium).` });
    }
  },
};

import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolvedNumber } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'rds-backup-disabled',
    category: 'backup-recovery',
    severity: 'medium',
    fixClass: 'B',
    title: 'RDS automated backups disabled',
    rootCause: 'Models set `backup_retention_period = 0` to speed up creation or cut cost, which turns off automated backups and point-in-time restore.',
    fix: 'Keep at least 1 day of automated backups (7 for production).',
    fixExample: `resource "aws_db_instance" "db" {
  backup_retention_period = 7
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    knowledgeGap: 'A zero backup retention period disables RDS automated backups and PITR.',
    impact: 'No automated backups or point-in-time restore; read replicas cannot be created.',
  },
  check(ctx) {
    for (const db of [...resources(ctx.config, 'aws_db_instance'), ...resources(ctx.config, 'aws_rds_cluster')]) {
      if (resolvedNumber(ctx.config, attrExpr(db, 'backup_retention_period')) !== 0) continue;
      ctx.report({ block: db, message: '`backup_retention_period = 0` disables automated backups.' });
    }
  },
};

import type { Rule } from '../types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'dynamodb-no-pitr',
    category: 'backup-recovery',
    severity: 'medium',
    fixClass: 'B',
    title: 'DynamoDB table without point-in-time recovery',
    rootCause: 'Point-in-time recovery is off by default and models rarely add the block unless the task spells it out.',
    fix: 'Add `point_in_time_recovery { enabled = true }` to the table.',
    fixExample: `resource "aws_dynamodb_table" "items" {
  # ...
  point_in_time_recovery {
    enabled = true
  }
}`,
    docs: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
    knowledgeGap: 'DynamoDB continuous backups (PITR) must be enabled explicitly.',
    impact: 'Accidental writes or deletes cannot be rolled back; data loss is permanent.',
    // Point-in-time recovery is a failure where the task asks for backups or recovery; otherwise a cost trade-off.
    promptGate: /point[- ]in[- ]time|\bpitr\b|backup|recover|restore|durab|disaster/i,
    idealGate: /point_in_time_recovery|pointInTimeRecovery/,
  },
  check(ctx) {
    for (const t of resources(ctx.config, 'aws_dynamodb_table')) {
      const pitr = nestedBlocks(t, 'point_in_time_recovery');
      const e = pitr.length ? attrExpr(pitr[0]!, 'enabled') : undefined;
      if (pitr.length && resolvedBool(ctx.config, e) !== false) continue;
      ctx.report({ block: t, message: pitr.length ? 'point_in_time_recovery is disabled.' : 'No point_in_time_recovery block: continuous backups are off.' });
    }
  },
};

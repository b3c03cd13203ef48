import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedNumber } from '../util/b-resolve.js';

/** Types that take enhanced monitoring settings. */
const MONITORED_TYPES = ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'];

export const rule: Rule = {
  meta: {
    id: 'rds-monitoring-role-missing',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // RDS rejects the create call ("A MonitoringRoleARN value is required if you specify a MonitoringInterval value
    // other than 0"): listed whatever the check's measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'Enhanced monitoring interval without a monitoring role',
    rootCause:
      'Models turn on enhanced monitoring with `monitoring_interval` and leave out `monitoring_role_arn`, the role RDS needs to publish the metrics; the API rejects the pair.',
    fix: 'Create a role trusted by monitoring.rds.amazonaws.com with AmazonRDSEnhancedMonitoringRole and pass it as `monitoring_role_arn`, or set `monitoring_interval = 0`.',
    fixExample: `resource "aws_db_instance" "db" {
  # ...
  monitoring_interval = 60
  monitoring_role_arn = aws_iam_role.rds_monitoring.arn
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#monitoring_role_arn',
    knowledgeGap: 'RDS enhanced monitoring needs a monitoring role whenever the interval is above 0.',
    impact: '`terraform apply` fails creating the database (InvalidParameterCombination: a MonitoringRoleARN value is required).',
  },
  check(ctx) {
    for (const db of MONITORED_TYPES.flatMap((t) => resources(ctx.config, t))) {
      const interval = attrExpr(db, 'monitoring_interval');
      if (!interval || attrExpr(db, 'monitoring_role_arn')) continue;
      // Only a known interval above 0: a variable or a conditional may be 0 where no role is given.
      const n = resolvedNumber(ctx.config, interval);
      if (n === undefined || n <= 0) continue;
      ctx.report({
        block: db,
        message: `${blockAddress(db)} sets monitoring_interval = ${n} without monitoring_role_arn: RDS rejects the create call.`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

/**
 * Parameters the engine reads only at start-up (PostgreSQL's `postmaster` context, MySQL's read-only-at-runtime
 * variables), that RDS lists with apply type "static". The provider applies a parameter with `apply_method`
 * "immediate" unless told otherwise, and ModifyDBParameterGroup / ModifyDBClusterParameterGroup refuse that for a
 * static parameter. Kept to names whose apply type does not change across the engine versions RDS offers.
 */
export const STATIC_PARAMETERS: Record<'postgres' | 'mysql', ReadonlySet<string>> = {
  postgres: new Set([
    'shared_preload_libraries', 'max_connections', 'shared_buffers', 'max_worker_processes', 'max_wal_senders',
    'max_replication_slots', 'rds.logical_replication', 'wal_buffers', 'max_locks_per_transaction',
    'max_prepared_transactions', 'track_activity_query_size', 'pg_stat_statements.max', 'autovacuum_max_workers',
    'max_logical_replication_workers', 'max_pred_locks_per_transaction', 'track_commit_timestamp', 'cron.database_name',
  ]),
  mysql: new Set([
    'performance_schema', 'lower_case_table_names', 'innodb_read_io_threads', 'innodb_write_io_threads',
    'innodb_buffer_pool_instances', 'skip_name_resolve', 'innodb_open_files',
  ]),
};

const PARAMETER_GROUP_TYPES = ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group'];

function engineOf(family: string | undefined): keyof typeof STATIC_PARAMETERS | undefined {
  if (!family) return undefined;
  if (/postgres/i.test(family)) return 'postgres';
  if (/mysql|mariadb/i.test(family)) return 'mysql';
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'rds-static-parameter-immediate',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The parameter group's modify call is refused outright: listed whatever the check's measured precision.
    applyFailure: true,
    title: 'Static database parameter applied immediately',
    rootCause:
      'Models set start-up parameters such as `shared_preload_libraries` or `max_connections` in a parameter group without `apply_method = "pending-reboot"`; the provider then applies them immediately, which RDS allows for dynamic parameters only.',
    fix: 'Give every static parameter `apply_method = "pending-reboot"` (it takes effect at the next reboot).',
    fixExample:
      'resource "aws_db_parameter_group" "postgres" {\n  name   = "app-pg-${var.environment_suffix}"\n  family = "postgres15"\n\n  parameter {\n    name         = "shared_preload_libraries"\n    value        = "pg_stat_statements"\n    apply_method = "pending-reboot"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithParamGroups.Modifying.html',
    knowledgeGap: 'RDS parameters are static or dynamic; a static one accepts only the pending-reboot apply method, and the provider defaults to immediate.',
    impact: 'The parameter group fails to apply (InvalidParameterCombination: cannot use immediate apply method for static parameter), and the database that uses it is never created.',
  },
  check(ctx) {
    for (const group of PARAMETER_GROUP_TYPES.flatMap((t) => resources(ctx.config, t))) {
      const engine = engineOf(resolvedString(ctx.config, attrExpr(group, 'family')));
      if (!engine) continue;
      const immediate = nestedBlocks(group, 'parameter')
        .filter((p) => {
          const name = resolvedString(ctx.config, attrExpr(p, 'name'));
          if (!name || !STATIC_PARAMETERS[engine].has(name)) return false;
          const method = attrExpr(p, 'apply_method');
          return method === undefined || resolvedString(ctx.config, method) === 'immediate';
        })
        .map((p) => resolvedString(ctx.config, attrExpr(p, 'name'))!);
      if (!immediate.length) continue;
      const names = [...new Set(immediate)];
      ctx.report({
        block: group,
        message: `${blockAddress(group)} sets the static parameter${names.length > 1 ? 's' : ''} ${names.join(', ')} without apply_method = "pending-reboot"; RDS refuses to apply a static parameter immediately.`,
      });
    }
  },
};

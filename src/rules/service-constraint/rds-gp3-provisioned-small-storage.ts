import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedNumber, resolvedString } from '../util/b-resolve.js';
import { engineOf } from './performance-insights-unsupported-class.js';

/**
 * The allocated storage (GiB) below which RDS does not let a gp3 volume take its own IOPS or throughput: the
 * baseline is fixed there. From the RDS user guide's gp3 storage table.
 */
export const GP3_PROVISIONING_MIN_STORAGE: Record<string, number> = {
  postgres: 400,
  mysql: 400,
  mariadb: 400,
  'oracle-ee': 200,
  'oracle-se2': 200,
  'oracle-ee-cdb': 200,
  'oracle-se2-cdb': 200,
  'sqlserver-ee': 20,
  'sqlserver-se': 20,
  'sqlserver-ex': 20,
  'sqlserver-web': 20,
  db2: 400,
};

export const rule: Rule = {
  meta: {
    id: 'rds-gp3-provisioned-small-storage',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateDBInstance refuses the combination outright.
    applyFailure: true,
    title: 'gp3 IOPS or throughput set on storage too small to take them',
    rootCause:
      'The model sets `iops` / `storage_throughput` on a gp3 database volume below the size where RDS lets them be chosen (400 GiB for PostgreSQL, MySQL and MariaDB); below it gp3 has a fixed baseline of 3,000 IOPS and 125 MiB/s.',
    fix: 'Drop `iops` and `storage_throughput` (the baseline applies), or allocate at least the threshold.',
    fixExample: 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  storage_type      = "gp3"\n  allocated_storage = 100\n  # no iops / storage_throughput below 400 GiB\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage',
    knowledgeGap: 'RDS gp3 takes provisioned IOPS and throughput only from 400 GiB (PostgreSQL, MySQL, MariaDB).',
    impact: 'CreateDBInstance fails (InvalidParameterCombination: You can\'t specify IOPS or storage throughput for engine ... and a storage size less than 400), so the database is never created.',
  },
  check(ctx) {
    for (const db of resources(ctx.config, 'aws_db_instance')) {
      if (resolvedString(ctx.config, attrExpr(db, 'storage_type')) !== 'gp3') continue;
      const provisioned = ['iops', 'storage_throughput'].filter((a) => attrExpr(db, a) !== undefined);
      if (!provisioned.length) continue;
      const engine = engineOf(ctx.config, db);
      const minimum = engine === undefined ? undefined : GP3_PROVISIONING_MIN_STORAGE[engine];
      const storage = resolvedNumber(ctx.config, attrExpr(db, 'allocated_storage'));
      if (minimum === undefined || storage === undefined || storage >= minimum) continue;
      ctx.report({
        block: db,
        message: `${blockAddress(db)} sets ${provisioned.join(' and ')} on ${storage} GiB of gp3 ${engine} storage; RDS accepts them only from ${minimum} GiB.`,
      });
    }
  },
};

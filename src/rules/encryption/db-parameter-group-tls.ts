/**
 * TLS enforced through database parameter groups: DocumentDB `tls`, Redshift `require_ssl`, RDS `rds.force_ssl`
 * (PostgreSQL, SQL Server) and `require_secure_transport` (MySQL, MariaDB). Only Redshift defaults to clear
 * text, so only its parameter group is reported when the parameter is missing; the others when it is turned off.
 */
import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, nestedBlocks, resources, staticString } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

interface Setting {
  types: string[];
  param: string;
  /** Whether a value leaves TLS optional. */
  off: (value: string) => boolean;
  /** A group without the parameter leaves TLS optional (the engine default is off). */
  missingIsOff?: boolean;
}

const SETTINGS: Setting[] = [
  { types: ['aws_docdb_cluster_parameter_group'], param: 'tls', off: (v) => v.toLowerCase() === 'disabled' },
  { types: ['aws_redshift_parameter_group'], param: 'require_ssl', off: (v) => v.toLowerCase() !== 'true', missingIsOff: true },
  { types: ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group'], param: 'rds.force_ssl', off: (v) => v === '0' },
  { types: ['aws_db_parameter_group', 'aws_rds_cluster_parameter_group'], param: 'require_secure_transport', off: (v) => /^(0|off|false)$/i.test(v) },
];

export const rule: Rule = {
  meta: {
    id: 'db-parameter-group-tls-not-enforced',
    category: 'encryption',
    severity: 'medium',
    fixClass: 'A',
    defaultTier: 'observation',
    title: 'Database parameter group does not enforce TLS',
    rootCause: 'Models switch TLS off in the parameter group (`tls = disabled`, `rds.force_ssl = 0`) to make a client connect, or create a Redshift parameter group without `require_ssl = true`, so clients may connect in clear text.',
    fix: 'Keep TLS required: `tls = enabled` (DocumentDB), `require_ssl = true` (Redshift), `rds.force_ssl = 1` (PostgreSQL) or `require_secure_transport = ON` (MySQL).',
    fixExample: 'resource "aws_redshift_parameter_group" "dw" {\n  name   = "dw"\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html',
    knowledgeGap: 'TLS enforcement through database parameter groups.',
    impact: 'Credentials and query results can cross the network in clear text.',
  },
  check(ctx) {
    const { config } = ctx;
    for (const setting of SETTINGS) {
      for (const type of setting.types) {
        for (const group of resources(config, type)) {
          const params = nestedBlocks(group, 'parameter').filter((p) => staticString(attrExpr(p, 'name')) === setting.param);
          let offAt: Block | undefined;
          let value: string | undefined;
          for (const p of params) {
            const v = resolvedString(config, attrExpr(p, 'value'));
            if (v !== undefined && setting.off(v)) {
              offAt = p;
              value = v;
              break;
            }
          }
          const addr = blockAddress(group);
          if (offAt) {
            ctx.report({ block: group, resource: addr, span: attr(offAt, 'value')?.span ?? offAt.span, message: `${addr} sets \`${setting.param} = ${value}\`, so TLS is optional.` });
          } else if (setting.missingIsOff && !params.length && !nestedBlocks(group, 'dynamic').length) {
            ctx.report({ block: group, resource: addr, message: `${addr} does not set \`${setting.param} = true\`, so TLS is optional.` });
          }
        }
      }
    }
  },
};

import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attr, attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';
import { referrers } from '../util/b-refs.js';

/** Characters RDS rejects in a master password. */
const FORBIDDEN = /[/@" ]/;
const DB_TYPES = ['aws_db_instance', 'aws_rds_cluster'];

export const rule: Rule = {
  meta: {
    id: 'rds-password-invalid-characters',
    category: 'secrets',
    severity: 'high',
    fixClass: 'A',
    // CreateDBInstance rejects the password whenever the draw holds one of them (about one apply in five with
    // the default 16 characters): listed whatever the check's measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'Generated database password may contain characters RDS rejects',
    rootCause:
      'Models generate the master password with `random_password` and keep its default special characters, which include `@`; RDS rejects `/`, `@`, `"` and spaces in master passwords.',
    fix: 'Restrict the special characters: `override_special = "!#$%&*()-_=+[]{}<>:?"` (or `special = false`), or let RDS manage the password (`manage_master_user_password = true`).',
    fixExample: `resource "random_password" "db" {
  length           = 32
  special          = true
  override_special = "!#$%&*()-_=+[]{}<>:?"
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Limits.html#RDS_Limits.Constraints',
    knowledgeGap: 'RDS master passwords exclude / @ " and space; random_password defaults include @.',
    impact: 'Database creation fails intermittently (InvalidParameterValue) depending on the generated password.',
  },
  check(ctx) {
    const dbs = DB_TYPES.flatMap((t) => resources(ctx.config, t));
    if (!dbs.length) return;
    for (const pw of resources(ctx.config, 'random_password')) {
      if (!feedsDatabase(ctx.config, pw, dbs)) continue;
      if (resolvedBool(ctx.config, attrExpr(pw, 'special')) === false) continue;
      const override = attr(pw, 'override_special');
      if (override) {
        const chars = resolvedString(ctx.config, override.expr);
        if (chars === undefined || !FORBIDDEN.test(chars)) continue;
      }
      ctx.report({
        block: pw,
        message: `${blockAddress(pw)} feeds a database master password and allows ${override ? 'forbidden characters in override_special' : 'the default special characters (including @)'}.`,
      });
    }
  },
};

/** Referenced by a database directly, or by a secret version when the stack has a database (the usual hand-off). */
export function feedsDatabase(config: Parameters<typeof referrers>[0], pw: Block, dbs: Block[]): boolean {
  const users = referrers(config, pw);
  if (users.some((u) => dbs.includes(u))) return true;
  return users.some((u) => u.labels[0] === 'aws_secretsmanager_secret_version') && /db|rds|database|master|aurora|postgres|mysql|sql/i.test(pw.labels[1] ?? '');
}

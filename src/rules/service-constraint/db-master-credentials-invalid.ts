import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attr, attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedBool, resolvedNumber, resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';
import { feedsDatabase } from '../secrets/rds-password-invalid-characters.js';

/**
 * What CreateDBInstance / CreateDBCluster accept as master credentials, per engine family. One row per family;
 * every limit is an API-side rejection (InvalidParameterValue), never a preference.
 */
interface EngineCredentialLimits {
  family: string;
  engines: RegExp;
  /** Master user names the engine reserves ("MasterUsername admin cannot be used as it is a reserved word"). */
  reservedUsernames: string[];
  usernameMax: number;
  passwordMax: number;
}

export const ENGINE_CREDENTIAL_LIMITS: EngineCredentialLimits[] = [
  { family: 'PostgreSQL', engines: /^(aurora-postgresql|postgres)$/, reservedUsernames: ['admin', 'rdsadmin'], usernameMax: 63, passwordMax: 128 },
  { family: 'MySQL', engines: /^(aurora|aurora-mysql|mysql|mariadb)$/, reservedUsernames: ['rdsadmin'], usernameMax: 16, passwordMax: 41 },
  { family: 'DocumentDB', engines: /^docdb$/, reservedUsernames: ['admin'], usernameMax: 63, passwordMax: 100 },
];

const PASSWORD_MIN = 8;
/** First character a letter, then letters, digits or underscores (every engine family above). */
const USERNAME_FORMAT = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The database resources this reads, with their credential arguments. */
const DATABASES: { type: string; username: string; password: string; defaultEngine?: string }[] = [
  { type: 'aws_db_instance', username: 'username', password: 'password' },
  { type: 'aws_rds_cluster', username: 'master_username', password: 'master_password' },
  { type: 'aws_docdb_cluster', username: 'master_username', password: 'master_password', defaultEngine: 'docdb' },
];

function limitsOf(config: Configuration, db: Block, defaultEngine: string | undefined): EngineCredentialLimits | undefined {
  const engine = resolvedString(config, attrExpr(db, 'engine')) ?? defaultEngine;
  return engine === undefined ? undefined : ENGINE_CREDENTIAL_LIMITS.find((l) => l.engines.test(engine));
}

/** The generated passwords the database's password comes from: referenced directly, or handed over through a secret. */
function passwordSources(config: Configuration, db: Block, argument: string): Block[] {
  const direct = referencedBlocks(config, attrExpr(db, argument), 'random_password');
  if (direct.length || !attrExpr(db, argument)) return direct;
  return resources(config, 'random_password').filter((pw) => feedsDatabase(config, pw, [db]));
}

export const rule: Rule = {
  meta: {
    id: 'db-master-credentials-invalid',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateDBInstance/CreateDBCluster reject the call outright: listed whatever the check's measured precision
    // unless the ideal keeps the value.
    applyFailure: true,
    title: 'Database master user name or password the engine rejects',
    rootCause:
      'Models pick a master user name the engine reserves (`admin` on PostgreSQL and DocumentDB, `rdsadmin` everywhere), one that breaks the format (a leading digit, a hyphen, more than 16 characters on MySQL), or generate a password longer than the engine accepts (41 characters on MySQL and MariaDB).',
    fix: 'Use a name the engine accepts (`dbadmin`, `postgres` on PostgreSQL) and a password length within the engine\'s bounds, or let RDS manage the password (`manage_master_user_password = true`).',
    fixExample: `resource "random_password" "db" {
  length           = 32
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

resource "aws_rds_cluster" "main" {
  engine          = "aurora-postgresql"
  master_username = "dbadmin"
  master_password = random_password.db.result
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html',
    knowledgeGap: 'RDS master credentials: reserved user names per engine, 1–16 character MySQL user names, 8–41 character MySQL passwords.',
    impact: 'Database creation fails (InvalidParameterValue) and everything that depends on the database is never created.',
  },
  check(ctx) {
    for (const kind of DATABASES) {
      for (const db of resources(ctx.config, kind.type)) {
        const limits = limitsOf(ctx.config, db, kind.defaultEngine);
        if (!limits) continue;
        const usernameAttribute = attr(db, kind.username);
        const username = resolvedString(ctx.config, usernameAttribute?.expr);
        const address = blockAddress(db);
        if (username !== undefined) {
          const problem = limits.reservedUsernames.includes(username.toLowerCase())
            ? `"${username}" is a reserved word of ${limits.family}`
            : !USERNAME_FORMAT.test(username)
              ? `"${username}" must start with a letter and hold only letters, digits and underscores`
              : username.length > limits.usernameMax
                ? `"${username}" is ${username.length} characters, more than the ${limits.usernameMax} ${limits.family} allows`
                : undefined;
          if (problem) ctx.report({ block: db, span: usernameAttribute?.span, message: `${address}: the master user name ${problem}.` });
        }
        if (resolvedBool(ctx.config, attrExpr(db, 'manage_master_user_password')) === true) continue;
        for (const pw of passwordSources(ctx.config, db, kind.password)) {
          const length = resolvedNumber(ctx.config, attrExpr(pw, 'length'));
          if (length === undefined || (length <= limits.passwordMax && length >= PASSWORD_MIN)) continue;
          ctx.report({
            block: pw,
            message: `${blockAddress(pw)} generates ${length}-character passwords for ${address}; ${limits.family} master passwords are ${PASSWORD_MIN} to ${limits.passwordMax} characters.`,
          });
        }
      }
    }
  },
};

import type { Rule } from '../types.js';
import { pinnedOutdatedEngines } from './outdated-engine-version.js';

export const rule: Rule = {
  meta: {
    id: 'engine-version-unavailable',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateDBInstance/CreateDBCluster answer "Cannot find version": listed whatever the check's measured precision
    // unless the ideal keeps the version.
    applyFailure: true,
    title: 'Database engine version AWS no longer offers',
    rootCause: 'Models pin the engine minor versions common in their training data; AWS retires old minors, and a retired minor cannot be created.',
    fix: 'Pin a current minor of the same major (check the engine release calendar), or only the major version.',
    fixExample: `resource "aws_rds_cluster" "db" {
  engine         = "aurora-postgresql"
  engine_version = "15.10"
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html',
    knowledgeGap: 'Engine minor versions are retired on a calendar; pinned versions must be checked against it.',
    impact: 'The database is never created (InvalidParameterCombination: Cannot find version), and everything that depends on it fails.',
  },
  check(ctx) {
    for (const { db, engine, version, entry } of pinnedOutdatedEngines(ctx.config)) {
      if (entry.status !== 'retired-minor') continue;
      ctx.report({ block: db, message: `engine_version = "${version}" (${engine}): ${entry.note} (checked ${entry.checked}, ${entry.source})` });
    }
  },
};

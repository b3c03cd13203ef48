import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { engineOf } from './performance-insights-unsupported-class.js';
import { outdatedEngine, type EngineVersionEntry } from './engine-versions.js';

const TYPES = ['aws_db_instance', 'aws_rds_cluster', 'aws_rds_global_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_cluster'];

export const rule: Rule = {
  meta: {
    id: 'outdated-engine-version',
    category: 'service-constraint',
    severity: 'medium',
    fixClass: 'B',
    title: 'Outdated database engine version',
    rootCause: 'Models pin the engine versions common in their training data, which AWS has since superseded or moved out of standard support (retired minors, which cannot be created at all, are engine-version-unavailable).',
    fix: 'Pin a currently supported engine version (check the engine release calendar), or a major version with auto minor upgrades.',
    fixExample: `resource "aws_rds_cluster" "db" {
  engine         = "aurora-postgresql"
  engine_version = "15.10"
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html',
    knowledgeGap: 'Engine versions age out of support; pinned versions must be checked against the release calendar.',
    impact: 'Missing security patches and Extended Support charges; the version is gone at the next forced upgrade.',
  },
  check(ctx) {
    // Retired minors cannot be created at all: engine-version-unavailable reports them as apply failures.
    for (const { db, engine, version, entry } of pinnedOutdatedEngines(ctx.config)) {
      if (entry.status === 'retired-minor') continue;
      ctx.report({
        block: db,
        severity: entry.status === 'superseded-minor' ? 'low' : 'medium',
        message: `engine_version = "${version}" (${engine}): ${entry.note} (checked ${entry.checked}, ${entry.source})`,
      });
    }
  },
};

/** Databases and caches whose pinned engine version is in the outdated-versions table. */
export function pinnedOutdatedEngines(config: Configuration): { db: Block; engine: string; version: string; entry: EngineVersionEntry }[] {
  const out: { db: Block; engine: string; version: string; entry: EngineVersionEntry }[] = [];
  for (const type of TYPES) {
    for (const db of resources(config, type)) {
      const version = resolvedString(config, attrExpr(db, 'engine_version'));
      if (!version) continue;
      const engine = type.startsWith('aws_elasticache') ? (resolvedString(config, attrExpr(db, 'engine')) ?? 'redis') : engineOf(config, db);
      if (!engine) continue;
      const entry = outdatedEngine(engine, version);
      if (entry) out.push({ db, engine, version, entry });
    }
  }
  return out;
}

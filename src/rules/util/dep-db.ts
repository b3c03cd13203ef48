/** Database helpers for the dependency / misconfiguration / service-constraint rules. */
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr } from '../../model/query.js';
import { referencedBlocks } from './b-refs.js';
import { resolvedString } from './b-resolve.js';

const ENGINE_SOURCES = ['aws_rds_cluster', 'aws_rds_global_cluster'];

/**
 * The engine of an RDS cluster, instance or global cluster: its own `engine` when static, else the engine of the
 * cluster or global cluster it takes it from (`engine = aws_rds_global_cluster.g.engine`, `cluster_identifier = ...`).
 */
export function dbEngine(config: Configuration, db: Block, depth = 0): string | undefined {
  const direct = resolvedString(config, attrExpr(db, 'engine'));
  if (direct) return direct.toLowerCase();
  if (depth > 2) return undefined;
  for (const key of ['engine', 'cluster_identifier', 'global_cluster_identifier', 'source_db_cluster_identifier']) {
    for (const type of ENGINE_SOURCES) {
      const src = referencedBlocks(config, attrExpr(db, key), type)[0];
      if (src && src !== db) {
        const e = dbEngine(config, src, depth + 1);
        if (e) return e;
      }
    }
  }
  return undefined;
}

/** True when a cluster joins a global database (`global_cluster_identifier` set to something other than null). */
export function joinsGlobalCluster(cluster: Block): boolean {
  const e = attrExpr(cluster, 'global_cluster_identifier');
  if (!e) return false;
  return !(e.kind === 'literal' && (e.value === null || e.value === ''));
}

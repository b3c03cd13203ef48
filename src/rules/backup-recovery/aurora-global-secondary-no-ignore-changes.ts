import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attr, ignoredAttributes, resources } from '../../model/query.js';

/**
 * A secondary (replica) member of an Aurora global database: it joins a global cluster and neither owns the master
 * credentials nor restores a snapshot (only the primary does).
 */
function isGlobalSecondary(cluster: Block): boolean {
  if (!attr(cluster, 'global_cluster_identifier')) return false;
  if (attr(cluster, 'replication_source_identifier')) return true;
  return !['master_username', 'master_password', 'manage_master_user_password', 'snapshot_identifier', 'source_region'].some((n) => attr(cluster, n));
}

export const rule: Rule = {
  meta: {
    id: 'aurora-global-secondary-no-ignore-changes',
    category: 'backup-recovery',
    severity: 'medium',
    fixClass: 'B',
    title: 'Aurora global database secondary cluster without lifecycle ignore_changes',
    rootCause:
      'Models write the secondary cluster of an Aurora global database like any other cluster; after a failover or switchover AWS changes its replication source, and the next apply tries to undo the recovery or replace the cluster.',
    fix: 'On the secondary cluster add `lifecycle { ignore_changes = [replication_source_identifier, global_cluster_identifier] }` so Terraform leaves the DR topology AWS manages alone.',
    fixExample: `resource "aws_rds_cluster" "secondary" {
  provider                  = aws.dr
  cluster_identifier        = "orders-dr"
  engine                    = aws_rds_global_cluster.orders.engine
  global_cluster_identifier = aws_rds_global_cluster.orders.id

  lifecycle {
    ignore_changes = [replication_source_identifier, global_cluster_identifier]
  }
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_global_cluster',
    knowledgeGap: 'Aurora global database secondaries are reconfigured by AWS on failover; Terraform must ignore their replication source.',
    impact: 'After a regional failover the next apply fights the promoted topology (plan diff or cluster replacement), putting the recovered database at risk.',
    // Bites only after a failover; a hardening note, not a failure of the delivered stack.
    defaultTier: 'observation',
  },
  check(ctx) {
    for (const cluster of resources(ctx.config, 'aws_rds_cluster')) {
      if (!isGlobalSecondary(cluster)) continue;
      const ignored = ignoredAttributes(cluster);
      if (ignored.has('all') || ignored.has('replication_source_identifier') || ignored.has('global_cluster_identifier')) continue;
      ctx.report({
        block: cluster,
        message: 'This secondary cluster of an Aurora global database does not ignore changes to replication_source_identifier; a failover leaves Terraform trying to revert it.',
      });
    }
  },
};

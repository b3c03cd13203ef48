import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticBool } from '../../model/query.js';

/** Types where `skip_final_snapshot` defaults to false, so destroy needs a snapshot identifier. */
const SNAPSHOT_TYPES = ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_redshift_cluster'];

export const rule: Rule = {
  meta: {
    id: 'final-snapshot-required',
    category: 'destroyability',
    severity: 'high',
    fixClass: 'B',
    title: 'Database requires a final snapshot on destroy',
    rootCause: 'The model applies production retention (final snapshots) to a test stack, or omits skip_final_snapshot, whose default is false.',
    fix: 'Set skip_final_snapshot = true so the stack can be destroyed cleanly.',
    fixExample: 'resource "aws_rds_cluster" "main" {\n  skip_final_snapshot = true\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#skip_final_snapshot',
    knowledgeGap: 'Destroyability: test stacks must be destroyable without manual steps',
    impact: 'terraform destroy fails ("final_snapshot_identifier is required") or leaves snapshots behind; orphaned clusters keep costing.',
    // Reviewers list it where their ideal changed the block (dev corpus: 1 of 19 code-only findings named a
    // documented failure).
    failureNeedsIdealChange: true,
  },
  check(ctx) {
    if (!ctx.conventions.destroyable) return;
    for (const type of SNAPSHOT_TYPES) {
      for (const r of resources(ctx.config, type)) {
        // Read replicas and cluster members never take a final snapshot.
        if (attrExpr(r, 'replicate_source_db')) continue;
        const e = attrExpr(r, 'skip_final_snapshot');
        const v = staticBool(e);
        if (v === true || (e && v === undefined)) continue;
        // With a final_snapshot_identifier the destroy succeeds and leaves a snapshot behind: a residue, not a blocker.
        const named = attrExpr(r, 'final_snapshot_identifier') !== undefined;
        ctx.report({
          block: r,
          resource: blockAddress(r),
          ...(named ? { severity: 'low' as const } : {}),
          message: named
            ? `${blockAddress(r)} sets skip_final_snapshot = false with a final_snapshot_identifier: destroy leaves a snapshot behind.`
            : e
            ? `${blockAddress(r)} sets skip_final_snapshot = false.`
            : `${blockAddress(r)} omits skip_final_snapshot (default false): destroy needs a final snapshot.`,
        });
      }
    }
  },
};

import type { Rule } from '../types.js';
import { attr, attrExpr, resources } from '../../model/query.js';
import { resolvedBool } from '../util/b-resolve.js';
import { expressionReferences } from '../util/b-refs.js';
import { promptNear } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'rds-single-az',
    category: 'high-availability',
    severity: 'medium',
    fixClass: 'A',
    title: 'Database in a single AZ although the task asks for high availability',
    rootCause: 'Multi-AZ is off by default for RDS instances and an Aurora cluster with one instance has no failover target; models keep the cheap default.',
    fix: 'Set `multi_az = true` on RDS instances, or give the Aurora cluster a second instance in another AZ.',
    fixExample: `resource "aws_rds_cluster_instance" "db" {
  count              = 2
  cluster_identifier = aws_rds_cluster.db.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.db.engine
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
    knowledgeGap: 'Database high availability needs Multi-AZ (RDS) or a reader in another AZ (Aurora).',
    impact: 'An AZ failure or maintenance event takes the database down.',
  },
  check(ctx) {
    // The HA request must be about the database (a "multi-AZ VPC" says nothing about the DB tier).
    if (!promptNear(ctx, 'rds|database|\\bdb\\b|aurora|postgres|mysql', 'multi-az|multi az|high availability|highly available|fault[- ]toleran|failover|standby', 150)) return;
    for (const db of resources(ctx.config, 'aws_db_instance')) {
      if (attr(db, 'replicate_source_db')) continue;
      if (resolvedBool(ctx.config, attrExpr(db, 'multi_az')) === true || (attr(db, 'multi_az') && resolvedBool(ctx.config, attrExpr(db, 'multi_az')) === undefined)) continue;
      ctx.report({ block: db, message: 'The task asks for high availability, but this instance is not Multi-AZ.' });
    }
    const instances = resources(ctx.config, 'aws_rds_cluster_instance');
    for (const cluster of resources(ctx.config, 'aws_rds_cluster')) {
      if (attr(cluster, 'engine_mode')) continue; // serverless v1 / multimaster manage their own placement
      const members = instances.filter((i) => expressionReferences(attrExpr(i, 'cluster_identifier'), cluster));
      if (members.length !== 1) continue;
      const only = members[0]!;
      if (attr(only, 'count') || attr(only, 'for_each')) continue;
      ctx.report({ block: cluster, message: 'The task asks for high availability, but the Aurora cluster has a single instance and no failover target.' });
    }
  },
};

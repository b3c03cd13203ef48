import type { Rule } from '../types.js';
import { attr, attrExpr, resources } from '../../model/query.js';
import { resolvedBool, resolvedNumber } from '../util/b-resolve.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'single-node-service-under-ha',
    category: 'high-availability',
    severity: 'medium',
    fixClass: 'A',
    title: 'Cache or container service with a single node although the task asks for high availability',
    rootCause:
      'Models keep the smallest working shape: a Redis replication group with one node and no automatic failover, or an ECS service with `desired_count = 1`, although the task asks for a highly available, multi-AZ design.',
    fix: 'Give the replication group a replica in another AZ with automatic failover (`num_cache_clusters >= 2`, `automatic_failover_enabled = true`, `multi_az_enabled = true`) and run at least two ECS tasks spread over the private subnets.',
    fixExample: `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.private.name
}

resource "aws_ecs_service" "api" {
  # ...
  desired_count = 2
}`,
    docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/AutoFailover.html',
    knowledgeGap: 'High availability needs a second node or task in another AZ and automatic failover, not only multi-AZ subnets.',
    impact: 'The loss of one node, task or AZ takes the cache or the service down until it is replaced.',
  },
  check(ctx) {
    if (!promptMentions(ctx, /multi-az|multiple availability zones|high(ly)? availab|fault[- ]toleran|no single point of failure/)) return;
    for (const rg of resources(ctx.config, 'aws_elasticache_replication_group')) {
      // Cluster mode (node groups) places shards and replicas itself.
      if (attr(rg, 'num_node_groups') || attr(rg, 'replicas_per_node_group')) continue;
      const failover = resolvedBool(ctx.config, attrExpr(rg, 'automatic_failover_enabled'));
      if (failover === true || (failover === undefined && attr(rg, 'automatic_failover_enabled'))) continue;
      const nodes = resolvedNumber(ctx.config, attrExpr(rg, 'num_cache_clusters'));
      // An unresolved node count (a variable without default, an expression) is the user's choice.
      if (attr(rg, 'num_cache_clusters') && nodes === undefined && failover === undefined) continue;
      if (failover === undefined && nodes !== undefined && nodes >= 2) continue;
      ctx.report({
        block: rg,
        message: failover === false ? 'The task asks for high availability, but automatic failover is disabled on this replication group.' : 'The task asks for high availability, but this replication group has a single node and no automatic failover.',
      });
    }
    for (const svc of resources(ctx.config, 'aws_ecs_service')) {
      if (resolvedNumber(ctx.config, attrExpr(svc, 'desired_count')) !== 1) continue;
      ctx.report({ block: svc, message: 'The task asks for high availability, but the service runs a single task (desired_count = 1).' });
    }
  },
};

import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { blockReferences, referencedBlocks } from '../util/b-refs.js';

const LISTENER_TYPES = ['aws_lb_listener', 'aws_alb_listener', 'aws_lb_listener_rule', 'aws_alb_listener_rule'];

export const rule: Rule = {
  meta: {
    id: 'ecs-service-listener-dependency',
    category: 'dependency',
    severity: 'medium',
    fixClass: 'B',
    title: 'ECS service not ordered after the listener of its target group',
    rootCause: 'The service references only the target group; Terraform can create it before a listener attaches that target group to the load balancer. Models omit the depends_on.',
    fix: 'Add `depends_on = [aws_lb_listener.<name>]` to the ECS service.',
    fixExample: `resource "aws_ecs_service" "app" {
  # ...
  depends_on = [aws_lb_listener.http]
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service',
    knowledgeGap: 'ECS services behind a load balancer need an explicit dependency on the listener.',
    impact: 'Apply fails intermittently: the target group does not have an associated load balancer.',
  },
  check(ctx) {
    const listeners = LISTENER_TYPES.flatMap((t) => resources(ctx.config, t));
    for (const svc of resources(ctx.config, 'aws_ecs_service')) {
      const groups: Block[] = nestedBlocks(svc, 'load_balancer').flatMap((lb) =>
        referencedBlocks(ctx.config, attrExpr(lb, 'target_group_arn')).filter((b) => /^aws_(lb|alb)_target_group$/.test(b.labels[0] ?? '')),
      );
      if (!groups.length) continue;
      const attaching = listeners.filter((l) => groups.some((g) => blockReferences(l, g)));
      if (!attaching.length) continue;
      const deps = attrExpr(svc, 'depends_on');
      if (deps && attaching.some((l) => referencedBlocks(ctx.config, deps).includes(l))) continue;
      ctx.report({
        block: svc,
        message: `The service registers with a target group attached by ${attaching.map((l) => `${l.labels[0]}.${l.labels[1]}`).join(', ')}, but does not depend on it.`,
      });
    }
  },
};

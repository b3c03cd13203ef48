import type { Rule } from '../types.js';
import { attr, nestedBlocks, resources } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'autoscaling-policy-no-cooldown',
    category: 'scaling',
    severity: 'low',
    fixClass: 'A',
    title: 'Application auto-scaling policy without cooldowns',
    rootCause: 'Models write the target value and metric of a scaling policy and leave out scale-in/scale-out cooldowns.',
    fix: 'Set `scale_in_cooldown` (e.g. 300) and `scale_out_cooldown` (e.g. 60) on target tracking, or `cooldown` on step scaling.',
    fixExample: `target_tracking_scaling_policy_configuration {
  target_value       = 70
  scale_in_cooldown  = 300
  scale_out_cooldown = 60
  predefined_metric_specification {
    predefined_metric_type = "ECSServiceAverageCPUUtilization"
  }
}`,
    docs: 'https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html#target-tracking-cooldown',
    knowledgeGap: 'Scaling policies need explicit cooldowns tuned to the workload to avoid thrashing.',
    impact: 'Capacity oscillates (thrashing) under bursty load.',
  },
  check(ctx) {
    for (const p of resources(ctx.config, 'aws_appautoscaling_policy')) {
      const tt = nestedBlocks(p, 'target_tracking_scaling_policy_configuration')[0];
      const step = nestedBlocks(p, 'step_scaling_policy_configuration')[0];
      let missing: string[] = [];
      if (tt) missing = ['scale_in_cooldown', 'scale_out_cooldown'].filter((n) => !attr(tt, n));
      else if (step && !attr(step, 'cooldown')) missing = ['cooldown'];
      if (!missing.length) continue;
      ctx.report({ block: p, message: `The scaling policy sets no ${missing.join(' / ')}.` });
    }
  },
};

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedBool } from '../util/b-resolve.js';
import { expressionReferences } from '../util/b-refs.js';

export const rule: Rule = {
  meta: {
    id: 'config-recorder-not-started',
    category: 'misconfiguration',
    severity: 'high',
    fixClass: 'B',
    title: 'AWS Config recorder created but never started',
    rootCause:
      'Models create the configuration recorder and its delivery channel and stop there; a recorder is created stopped, and only an aws_config_configuration_recorder_status with is_enabled = true starts it.',
    fix: 'Add `aws_config_configuration_recorder_status` for the recorder with `is_enabled = true`, depending on the delivery channel.',
    fixExample: `resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.main]
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder_status',
    knowledgeGap: 'An AWS Config recorder records nothing until its status resource starts it.',
    impact: 'AWS Config records no configuration changes: every Config rule stays without evaluations, and the compliance the task asks for is never checked.',
  },
  check(ctx) {
    const statuses = resources(ctx.config, 'aws_config_configuration_recorder_status');
    for (const recorder of resources(ctx.config, 'aws_config_configuration_recorder')) {
      const started = statuses.some((s) => resolvedBool(ctx.config, attrExpr(s, 'is_enabled')) !== false && (statuses.length === 1 || expressionReferences(attrExpr(s, 'name'), recorder)));
      if (started) continue;
      const stopped = statuses.length > 0;
      ctx.report({
        block: recorder,
        message: stopped
          ? `${blockAddress(recorder)}'s status resource sets is_enabled = false: the recorder never records.`
          : `${blockAddress(recorder)} has no aws_config_configuration_recorder_status: the recorder is created stopped and never records, so the Config rules never evaluate.`,
      });
    }
  },
};

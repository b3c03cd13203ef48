import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';

export const rule: Rule = {
  meta: {
    id: 'config-channel-before-recorder',
    category: 'dependency',
    severity: 'high',
    fixClass: 'B',
    // PutDeliveryChannel needs an existing recorder (NoAvailableConfigurationRecorderException): with the order
    // forced the wrong way round, the apply fails in any account without a recorder.
    applyFailure: true,
    title: 'AWS Config recorder made to wait for its delivery channel',
    rootCause:
      'The model orders AWS Config the way the console presents it: the recorder `depends_on` the delivery channel. AWS creates a delivery channel only for an existing recorder, so the order must be recorder → delivery channel → recorder status.',
    fix: 'Let the delivery channel depend on the recorder, and the recorder status on the delivery channel.',
    fixExample: 'resource "aws_config_delivery_channel" "main" {\n  name           = "config-${var.environment_suffix}"\n  s3_bucket_name = aws_s3_bucket.config.bucket\n  depends_on     = [aws_config_configuration_recorder.main]\n}\n\nresource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = true\n  depends_on = [aws_config_delivery_channel.main]\n}',
    docs: 'https://docs.aws.amazon.com/config/latest/APIReference/API_PutDeliveryChannel.html',
    knowledgeGap: 'AWS Config: a delivery channel requires an existing configuration recorder.',
    impact: 'The delivery channel is refused (NoAvailableConfigurationRecorderException) in an account without a recorder, so Config never records.',
  },
  check(ctx) {
    for (const recorder of resources(ctx.config, 'aws_config_configuration_recorder')) {
      const channel = referencedBlocks(ctx.config, attrExpr(recorder, 'depends_on'), 'aws_config_delivery_channel')[0];
      if (!channel) continue;
      ctx.report({
        block: recorder,
        message: `${blockAddress(recorder)} depends_on ${blockAddress(channel)}, so the delivery channel is created first, before any recorder exists: PutDeliveryChannel fails (NoAvailableConfigurationRecorderException).`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import { blockAddress, nestedBlocks, resources } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'api-stage-without-access-logs',
    category: 'logging',
    severity: 'low',
    // A best practice: a failure where the task asks for API logging or the reviewer's ideal adds access logs
    // (listed without either, read against the code: judged noise).
    promptGate: /access[- ]log|\bapi\b[^.\n]{0,60}\blog(?:s|ging)?\b|\blog(?:s|ging)?\b[^.\n]{0,60}\bapi\b/i,
    idealGate: /access_log_settings|accessLogSettings/,
    fixClass: 'B',
    title: 'API Gateway stage without access logs',
    rootCause: 'The model deploys the stage but does not configure access logging to a log group.',
    fix: 'Add access_log_settings pointing at a log group with retention.',
    fixExample: 'access_log_settings {\n  destination_arn = aws_cloudwatch_log_group.api.arn\n  format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })\n}',
    docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
    knowledgeGap: 'Observability: API Gateway access logging',
    impact: 'No record of who called the API and with what result.',
  },
  check(ctx) {
    for (const type of ['aws_api_gateway_stage', 'aws_apigatewayv2_stage']) {
      for (const s of resources(ctx.config, type)) {
        if (nestedBlocks(s, 'access_log_settings').length) continue;
        ctx.report({ block: s, resource: blockAddress(s), message: `${blockAddress(s)} has no access_log_settings.` });
      }
    }
  },
};

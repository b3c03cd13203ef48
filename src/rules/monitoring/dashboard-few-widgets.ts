import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { docValue, isRecord } from '../util/b-value.js';

const MIN_WIDGETS = 3;

export const rule: Rule = {
  meta: {
    id: 'dashboard-few-widgets',
    category: 'monitoring',
    severity: 'low',
    fixClass: 'A',
    title: 'CloudWatch dashboard with very few widgets',
    rootCause: 'Models add a token dashboard with one or two metrics to tick the "dashboard" box.',
    fix: 'Give the dashboard widgets for each service tier (requests, errors, latency, throttles, saturation).',
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html',
    knowledgeGap: 'A useful dashboard covers every tier of the stack.',
    impact: 'Limited visibility makes troubleshooting slower.',
  },
  check(ctx) {
    for (const dash of resources(ctx.config, 'aws_cloudwatch_dashboard')) {
      const body = docValue(attrExpr(dash, 'dashboard_body'));
      if (!isRecord(body) || !Array.isArray(body.widgets)) continue;
      const count = body.widgets.length;
      if (count >= MIN_WIDGETS) continue;
      ctx.report({ block: dash, message: `The dashboard has ${count} widget(s); it covers too little of the stack to be useful.` });
    }
  },
};

import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';

/** The prefix AWS WAF requires of every log destination's name. */
const REQUIRED_PREFIX = 'aws-waf-logs-';

/** Destination types, with the argument that holds the name AWS checks. */
const DESTINATIONS: [type: string, nameArgument: string][] = [
  ['aws_cloudwatch_log_group', 'name'],
  ['aws_s3_bucket', 'bucket'],
  ['aws_kinesis_firehose_delivery_stream', 'name'],
];

/** Names inside literal destination ARNs: log group, bucket, delivery stream. */
const ARN_NAME = /^arn:[\w-]+:(?:logs:[^:]*:[^:]*:log-group:([^:*]+)|s3:::([^/]+)|firehose:[^:]*:[^:]*:deliverystream\/(.+))/;

/**
 * The statically known beginning of a name: the whole value when it resolves, else the literal and resolvable parts
 * of a template up to the first part known only at apply time (`"aws-waf-logs-${var.env}"` → `aws-waf-logs-`).
 */
function knownStart(config: Configuration, expr: Expr | undefined): { text: string; complete: boolean } | undefined {
  if (!expr) return undefined;
  const whole = resolvedString(config, expr);
  if (whole !== undefined) return { text: whole, complete: true };
  if (expr.kind !== 'template') return undefined;
  let text = '';
  for (const part of expr.parts) {
    const value = part.kind === 'literal' ? String(part.value ?? '') : resolvedString(config, part);
    if (value === undefined) return { text, complete: false };
    text += value;
  }
  return { text, complete: true };
}

/** Whether a name's known beginning rules out the required prefix. */
function breaksPrefix(start: string): boolean {
  return !(start.startsWith(REQUIRED_PREFIX) || REQUIRED_PREFIX.startsWith(start));
}

export const rule: Rule = {
  meta: {
    id: 'waf-log-destination-name',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // PutLoggingConfiguration refuses the destination (WAFInvalidParameterException, field LOG_DESTINATION): an
    // apply failure whatever share of reviewers names it.
    applyFailure: true,
    title: 'WAF log destination whose name does not start with aws-waf-logs-',
    rootCause:
      'Models name the WAF log group `/aws/wafv2/...` like other service logs; AWS WAF accepts only log groups, buckets and delivery streams whose names begin with `aws-waf-logs-`.',
    fix: 'Name the log group, bucket or Firehose stream `aws-waf-logs-<something>` and point `log_destination_configs` at it.',
    fixExample: `resource "aws_cloudwatch_log_group" "waf" {
  name              = "aws-waf-logs-app-\${var.environment_suffix}"
  retention_in_days = 30
}

resource "aws_wafv2_web_acl_logging_configuration" "app" {
  resource_arn            = aws_wafv2_web_acl.app.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}`,
    docs: 'https://docs.aws.amazon.com/waf/latest/developerguide/logging-destinations.html',
    knowledgeGap: 'AWS WAF log destinations must be named with the aws-waf-logs- prefix.',
    impact: 'Apply fails: WAFInvalidParameterException on LOG_DESTINATION, so the web ACL has no logging.',
  },
  check(ctx) {
    for (const logging of resources(ctx.config, 'aws_wafv2_web_acl_logging_configuration')) {
      const list = attrExpr(logging, 'log_destination_configs');
      if (!list) continue;
      const wrong: string[] = [];
      for (const [type, nameArgument] of DESTINATIONS) {
        for (const destination of referencedBlocks(ctx.config, list, type)) {
          const start = knownStart(ctx.config, attrExpr(destination, nameArgument));
          // "…" marks a name whose end is known only at apply time.
          if (start !== undefined && breaksPrefix(start.text)) wrong.push(`${blockAddress(destination)} (\`${nameArgument}\` "${start.text}${start.complete ? '' : '…'}")`);
        }
      }
      const items = list.kind === 'tuple' ? list.items : [list];
      for (const item of items) {
        const arn = resolvedString(ctx.config, item);
        const m = arn ? ARN_NAME.exec(arn) : null;
        const name = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
        if (name && !name.includes('${') && breaksPrefix(name)) wrong.push(`"${arn}"`);
      }
      if (!wrong.length) continue;
      ctx.report({
        block: logging,
        message: `\`log_destination_configs\` of ${blockAddress(logging)} names ${wrong.join(', ')}: AWS WAF accepts only destinations whose names begin with "${REQUIRED_PREFIX}" (WAFInvalidParameterException).`,
      });
    }
  },
};

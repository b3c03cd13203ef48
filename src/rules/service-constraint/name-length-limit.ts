import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attr, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { splitTokens } from './name-format.js';
import { mentionsSuffix } from '../util/suffix.js';
import type { Conventions } from '../../contracts/conventions.js';

/**
 * Characters a name gains from the environment suffix when the suffix has no static value: the shortest suffix the
 * deployment pipeline hands in (`pr` and a 4-digit number). A name whose fixed part already fills the limit breaks it
 * in every real deployment, although a plan without the suffix passes.
 */
const ASSUMED_SUFFIX_LENGTH = 6;

interface NameLimit {
  types: string[];
  attribute: string;
  max: number;
  lowercase?: boolean;
}

/** AWS-side name limits (characters). */
const LIMITS: NameLimit[] = [
  { types: ['aws_lb', 'aws_alb', 'aws_lb_target_group', 'aws_alb_target_group'], attribute: 'name', max: 32 },
  { types: ['aws_lb', 'aws_alb', 'aws_lb_target_group', 'aws_alb_target_group'], attribute: 'name_prefix', max: 6 },
  { types: ['aws_s3_bucket'], attribute: 'bucket', max: 63, lowercase: true },
  { types: ['aws_s3_bucket'], attribute: 'bucket_prefix', max: 37, lowercase: true },
  { types: ['aws_iam_role', 'aws_iam_policy'], attribute: 'name', max: 64 },
  { types: ['aws_iam_role'], attribute: 'name_prefix', max: 38 },
  { types: ['aws_lambda_function'], attribute: 'function_name', max: 64 },
  { types: ['aws_elasticache_replication_group'], attribute: 'replication_group_id', max: 40 },
  { types: ['aws_elasticache_cluster'], attribute: 'cluster_id', max: 50 },
  { types: ['aws_db_instance', 'aws_rds_cluster'], attribute: 'identifier', max: 63, lowercase: true },
  { types: ['aws_rds_cluster'], attribute: 'cluster_identifier', max: 63, lowercase: true },
  { types: ['aws_sqs_queue'], attribute: 'name', max: 80 },
  { types: ['aws_sns_topic'], attribute: 'name', max: 256 },
];

export const rule: Rule = {
  meta: {
    id: 'name-length-limit',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    title: 'Resource name breaks an AWS name limit',
    rootCause:
      'Models build descriptive names (project-environment-purpose-suffix) without counting characters, and write upper case into S3 bucket names.',
    fix: 'Shorten the fixed part of the name (ALB/target group ≤ 32, S3 bucket ≤ 63 lower-case, IAM role ≤ 64), keeping the environment suffix.',
    fixExample: `resource "aws_lb_target_group" "app" {
  name = "app-tg-\${var.environment_suffix}"
}`,
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-application-load-balancer.html',
    knowledgeGap: 'AWS names have hard length and character limits that the provider only checks at apply time.',
    impact: 'Validation or apply fails for the resource.',
  },
  check(ctx) {
    for (const limit of LIMITS) {
      for (const type of limit.types) {
        for (const block of resources(ctx.config, type)) {
          const a = attr(block, limit.attribute);
          if (!a) continue;
          const text = knownText(ctx.config, a.expr, ctx.conventions);
          if (text === undefined) continue;
          const { known, suffixParts, shown } = text;
          const problems: string[] = [];
          const atLeast = known.length + suffixParts * ASSUMED_SUFFIX_LENGTH;
          if (known.length > limit.max) problems.push(`is at least ${known.length} characters (limit ${limit.max})`);
          else if (atLeast > limit.max) problems.push(`is ${known.length} characters before the environment suffix and at least ${atLeast} with a ${ASSUMED_SUFFIX_LENGTH}-character suffix such as "pr1234" (limit ${limit.max})`);
          if (limit.lowercase && /[A-Z]/.test(known)) problems.push('contains upper-case letters');
          if (!problems.length) continue;
          ctx.report({ block, message: `\`${limit.attribute}\` "${shown}" ${problems.join(' and ')}.` });
        }
      }
    }
  },
};

/**
 * The characters of a name that are known statically (literal parts plus variables/locals with static values), and
 * how many of the unknown parts are the environment suffix.
 */
function knownText(config: Configuration, expr: Expr, conventions: Conventions): { known: string; suffixParts: number; shown: string } | undefined {
  // `${…}` left in a string (a CDKTF token such as `${data.aws_caller_identity.current.account_id}`) is a value
  // known at apply time, not its own text: it is left out, so the length stays a lower bound.
  const readable = (text: string) => splitTokens(text).filter((p): p is string => p !== null).join('');
  const whole = resolvedString(config, expr);
  if (whole !== undefined) return { known: readable(whole), suffixParts: 0, shown: readable(whole) };
  if (expr.kind !== 'template') return undefined;
  let known = '';
  let shown = '';
  let suffixParts = 0;
  for (const p of expr.parts) {
    const value = p.kind === 'literal' ? String(p.value ?? '') : resolvedString(config, p);
    if (value !== undefined) {
      known += readable(value);
      shown += readable(value);
    } else if (mentionsSuffix(p, conventions, config)) {
      suffixParts += 1;
      shown += '${suffix}';
    } else shown += '${…}';
  }
  return { known, suffixParts, shown };
}

import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources, staticString } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';

const S3_ARN_PREFIX = 'arn:aws:s3:::';

/** Why CloudTrail refuses an S3 object data-resource value, or undefined when it is a form it accepts. */
function invalidS3Value(value: string): string | undefined {
  if (!value.startsWith(S3_ARN_PREFIX) || value === S3_ARN_PREFIX) return undefined;
  const bucket = value.slice(S3_ARN_PREFIX.length).split('/')[0] ?? '';
  if (bucket === '') return 'it names no bucket';
  if (bucket.includes('*')) return 'wildcards are not allowed in the bucket name (all buckets is "arn:aws:s3")';
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'cloudtrail-data-resource-invalid',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // PutEventSelectors answers InvalidEventSelectorsException: listed whatever the check's measured precision
    // unless the ideal keeps the value.
    applyFailure: true,
    title: 'CloudTrail S3 data-event selector with a value CloudTrail rejects',
    rootCause: 'The model writes an IAM-style wildcard (`arn:aws:s3:::*/*`) to log all S3 object events; CloudTrail takes `arn:aws:s3` for all buckets, or `arn:aws:s3:::bucket/` with an optional prefix.',
    fix: 'Use `values = ["arn:aws:s3"]` for all buckets, or `["${aws_s3_bucket.data.arn}/"]` for one bucket.',
    fixExample: 'event_selector {\n  read_write_type           = "All"\n  include_management_events = true\n  data_resource {\n    type   = "AWS::S3::Object"\n    values = ["${aws_s3_bucket.data.arn}/"]\n  }\n}',
    docs: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html',
    knowledgeGap: 'CloudTrail data-resource values are ARN prefixes, not IAM wildcard patterns.',
    impact: 'The trail is not created or updated: PutEventSelectors refuses the value (InvalidEventSelectorsException).',
  },
  check(ctx) {
    for (const trail of resources(ctx.config, 'aws_cloudtrail')) {
      for (const selector of nestedBlocks(trail, 'event_selector')) {
        for (const data of nestedBlocks(selector, 'data_resource')) {
          if (staticString(resolveExpr(ctx.config, attrExpr(data, 'type'))) !== 'AWS::S3::Object') continue;
          const values = resolveExpr(ctx.config, attrExpr(data, 'values'));
          const items = values?.kind === 'tuple' ? values.items : values ? [values] : [];
          for (const item of items) {
            const value = staticString(resolveExpr(ctx.config, item));
            const why = value === undefined ? undefined : invalidS3Value(value);
            if (!why) continue;
            ctx.report({ block: trail, span: data.span, message: `${blockAddress(trail)} logs S3 data events for "${value}": ${why}, so CloudTrail rejects the selector (InvalidEventSelectorsException).` });
            break;
          }
        }
      }
    }
  },
};

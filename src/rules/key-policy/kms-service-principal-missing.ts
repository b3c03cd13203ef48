import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { referencedBlocks } from '../util/b-refs.js';
import { hasServicePrincipal, keyPolicy } from '../util/b-kms.js';

/** A service that writes to a KMS-encrypted resource and so must be allowed by the key policy. */
export interface Writer {
  service: string;
  /** Keys the service needs, each with the resource that makes it write. */
  keys(config: Configuration): { key: Block; via: Block }[];
}

function keysOf(config: Configuration, holders: Block[], attribute: string): { key: Block; via: Block }[] {
  return holders.flatMap((h) => referencedBlocks(config, attrExpr(h, attribute), 'aws_kms_key').map((key) => ({ key, via: h })));
}

/** Topics/queues an expression list points at. */
function targets(config: Configuration, blocks: Block[], attributes: string[], type: string): Block[] {
  return [...new Set(blocks.flatMap((b) => attributes.flatMap((a) => referencedBlocks(config, attrExpr(b, a), type))))];
}

export const WRITERS: Writer[] = [
  { service: 'cloudtrail', keys: (config) => keysOf(config, resources(config, 'aws_cloudtrail'), 'kms_key_id') },
  {
    service: 'cloudwatch',
    keys: (config) => keysOf(config, targets(config, resources(config, 'aws_cloudwatch_metric_alarm'), ['alarm_actions', 'ok_actions', 'insufficient_data_actions'], 'aws_sns_topic'), 'kms_master_key_id'),
  },
  {
    service: 'events',
    keys: (config) => {
      const rules = resources(config, 'aws_cloudwatch_event_target');
      return [
        ...keysOf(config, targets(config, rules, ['arn'], 'aws_sns_topic'), 'kms_master_key_id'),
        ...keysOf(config, targets(config, rules, ['arn'], 'aws_sqs_queue'), 'kms_master_key_id'),
      ];
    },
  },
  {
    service: 's3',
    keys: (config) => {
      const notes = resources(config, 'aws_s3_bucket_notification');
      const topics = [...new Set(notes.flatMap((n) => nestedBlocks(n, 'topic').flatMap((t) => referencedBlocks(config, attrExpr(t, 'topic_arn'), 'aws_sns_topic'))))];
      const queues = [...new Set(notes.flatMap((n) => nestedBlocks(n, 'queue').flatMap((q) => referencedBlocks(config, attrExpr(q, 'queue_arn'), 'aws_sqs_queue'))))];
      return [...keysOf(config, topics, 'kms_master_key_id'), ...keysOf(config, queues, 'kms_master_key_id')];
    },
  },
];

export const rule: Rule = {
  meta: {
    id: 'kms-service-principal-missing',
    category: 'key-policy',
    severity: 'high',
    fixClass: 'A',
    title: 'KMS key policy does not let the writing service use the key',
    rootCause:
      'Models encrypt a trail, topic or queue with a customer managed key and keep the default key policy (account root only). AWS services that write there (CloudTrail, CloudWatch alarms, EventBridge, S3 notifications) act as their own service principal and need kms:GenerateDataKey*/Decrypt in the key policy.',
    fix: 'Add a key policy statement for the writing service principal (cloudtrail/cloudwatch/events/s3.amazonaws.com) with kms:GenerateDataKey* and kms:Decrypt, scoped by aws:SourceArn or aws:SourceAccount.',
    fixExample: `{
  Sid       = "AllowCloudWatchAlarms"
  Effect    = "Allow"
  Principal = { Service = "cloudwatch.amazonaws.com" }
  Action    = ["kms:GenerateDataKey*", "kms:Decrypt"]
  Resource  = "*"
}`,
    docs: 'https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services',
    knowledgeGap: 'Service principals that write to KMS-encrypted resources must be granted in the key policy.',
    impact: 'Alarms, events and notifications are silently dropped because the service cannot encrypt.',
  },
  check(ctx) {
    // CloudTrail's own failure (CreateTrail rejects the key) is cloudtrail-kms-policy-missing's.
    reportGaps(ctx, WRITERS.filter((w) => w.service !== 'cloudtrail'));
  },
};

/** Reports each key a writing service uses without a key policy statement that lets that service use it. */
export function reportGaps(ctx: Parameters<Rule['check']>[0], writers: readonly Writer[]): void {
  const reported = new Set<string>();
  for (const w of writers) {
    for (const { key, via } of w.keys(ctx.config)) {
      const id = `${blockAddress(key)}\u0000${w.service}`;
      if (reported.has(id)) continue;
      const policy = keyPolicy(ctx.config, key);
      if (!policy.readable) continue;
      const allows = policy.statements.some(
        (st) => st.effect === 'Allow' && (hasServicePrincipal(st, (p) => p.includes(`${w.service}.amazonaws.com`) || p.includes(`${w.service}.`)) || st.principals.some((p) => p.identifiers.includes('*'))),
      );
      if (allows) continue;
      reported.add(id);
      ctx.report({
        block: key,
        message: `${blockAddress(via)} is written by ${w.service}.amazonaws.com with this key, but the key's ${policy.explicit ? 'policy' : 'default policy'} does not allow that service principal.`,
      });
    }
  }
}

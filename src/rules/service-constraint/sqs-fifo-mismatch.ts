import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { literalTail, resolvedBool } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';

const isFifo = (config: Configuration, q: Block): boolean => resolvedBool(config, attrExpr(q, 'fifo_queue')) === true;

export const rule: Rule = {
  meta: {
    id: 'sqs-fifo-mismatch',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'A',
    // The API rejects the call (see impact): listed whatever the measured precision unless the ideal does the same.
    applyFailure: true,
    title: 'Dead-letter queue type incompatible with its source',
    rootCause:
      'Models mix FIFO and standard queues: an SQS queue\'s dead-letter queue must be FIFO exactly when the source is FIFO, a Lambda dead_letter_config cannot target a FIFO queue, and a FIFO queue can subscribe only to a FIFO SNS topic.',
    fix: 'Make the DLQ the same type as its source queue (`fifo_queue = true` and a `.fifo` name for FIFO sources); use a standard queue or an SNS topic for Lambda DLQs / on-failure destinations.',
    fixExample: `resource "aws_sqs_queue" "orders_dlq" {
  name       = "orders-dlq-\${var.environment_suffix}.fifo"
  fifo_queue = true
}`,
    docs: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html',
    knowledgeGap: 'FIFO and standard SQS queues cannot be mixed as source and dead-letter queue.',
    impact: 'Apply fails (InvalidParameterValue) when the redrive policy or function is created.',
  },
  check(ctx) {
    // The name and the type flag must agree: AWS requires the `.fifo` suffix exactly on FIFO queues and topics.
    for (const [type, flag] of [['aws_sqs_queue', 'fifo_queue'], ['aws_sns_topic', 'fifo_topic']] as const) {
      for (const q of resources(ctx.config, type)) {
        const name = attrExpr(q, 'name');
        const tail = name?.kind === 'literal' ? name.value : name?.kind === 'template' ? literalTail(name.parts) : undefined;
        const fifo = resolvedBool(ctx.config, attrExpr(q, flag));
        if (typeof tail !== 'string') continue;
        if (tail.endsWith('.fifo') && fifo !== true && (fifo === false || !attrExpr(q, flag))) {
          ctx.report({ block: q, title: 'FIFO name on a standard queue or topic', message: `${blockAddress(q)} is named "…${tail.slice(-12)}" (a \`.fifo\` name) but \`${flag}\` is not true: AWS rejects the name for a standard ${type === 'aws_sqs_queue' ? 'queue' : 'topic'}.` });
        } else if (fifo === true && name?.kind === 'literal' && !tail.endsWith('.fifo')) {
          ctx.report({ block: q, title: 'FIFO queue or topic without a .fifo name', message: `${blockAddress(q)} sets \`${flag} = true\` but its name "${tail}" does not end in \`.fifo\`.` });
        }
      }
    }
    for (const q of resources(ctx.config, 'aws_sqs_queue')) {
      const dlqs = referencedBlocks(ctx.config, attrExpr(q, 'redrive_policy'), 'aws_sqs_queue').filter((d) => d !== q);
      for (const dlq of dlqs) {
        if (isFifo(ctx.config, q) === isFifo(ctx.config, dlq)) continue;
        ctx.report({ block: q, message: `${blockAddress(q)} is ${isFifo(ctx.config, q) ? 'FIFO' : 'standard'} but its dead-letter queue ${blockAddress(dlq)} is ${isFifo(ctx.config, dlq) ? 'FIFO' : 'standard'}.` });
      }
    }
    for (const policy of resources(ctx.config, 'aws_sqs_queue_redrive_policy')) {
      const source = referencedBlocks(ctx.config, attrExpr(policy, 'queue_url'), 'aws_sqs_queue')[0];
      const dlq = referencedBlocks(ctx.config, attrExpr(policy, 'redrive_policy'), 'aws_sqs_queue')[0];
      if (source && dlq && isFifo(ctx.config, source) !== isFifo(ctx.config, dlq)) {
        ctx.report({ block: policy, message: `The redrive policy joins ${blockAddress(source)} and ${blockAddress(dlq)}, one FIFO and one standard.` });
      }
    }
    // SNS delivers a standard topic's messages to standard queues only: Subscribe fails for a FIFO endpoint
    // (Subscribe answers InvalidParameter for the FIFO endpoint).
    for (const sub of resources(ctx.config, 'aws_sns_topic_subscription')) {
      const topic = referencedBlocks(ctx.config, attrExpr(sub, 'topic_arn'), 'aws_sns_topic')[0];
      const queue = referencedBlocks(ctx.config, attrExpr(sub, 'endpoint'), 'aws_sqs_queue')[0];
      if (!topic || !queue || !isFifo(ctx.config, queue) || resolvedBool(ctx.config, attrExpr(topic, 'fifo_topic')) === true) continue;
      ctx.report({ block: sub, title: 'FIFO queue subscribed to a standard topic', message: `${blockAddress(sub)} subscribes the FIFO queue ${blockAddress(queue)} to the standard topic ${blockAddress(topic)}; SNS delivers to FIFO queues only from FIFO topics.` });
    }
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const targets = nestedBlocks(fn, 'dead_letter_config').flatMap((d) => referencedBlocks(ctx.config, attrExpr(d, 'target_arn'), 'aws_sqs_queue'));
      const fifo = targets.find((t) => isFifo(ctx.config, t));
      if (fifo) ctx.report({ block: fn, message: `${blockAddress(fn)} uses the FIFO queue ${blockAddress(fifo)} as its dead-letter queue, which Lambda does not support.` });
    }
  },
};

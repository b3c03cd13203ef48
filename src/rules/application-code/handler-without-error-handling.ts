import type { Rule } from '../types.js';
import { handlerCodeFiles } from '../util/b-code.js';
import { callsAwsSdk, hasErrorHandling } from '../util/b-handler.js';

export const rule: Rule = {
  meta: {
    id: 'handler-without-error-handling',
    category: 'application-code',
    severity: 'medium',
    fixClass: 'B',
    title: 'Handler calls AWS services without error handling',
    rootCause: 'Models write the happy path of a handler: SDK calls with no try/except (try/catch), so one throttled or failed call crashes the invocation without a useful log or response.',
    fix: 'Wrap AWS calls in try/except (try/catch), log the error with context, and return an error response or re-raise for retries/DLQ.',
    fixExample: `def handler(event, context):
    try:
        table.put_item(Item=item)
    except ClientError as err:
        logger.error("put_item failed: %s", err)
        raise`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/python-exceptions.html',
    knowledgeGap: 'Lambda handlers need explicit error handling around AWS SDK calls.',
    impact: 'Failures surface as opaque runtime errors; API callers get 502s and event sources retry blindly.',
    // A code-quality note on shipped handlers; read against the code, not what reviewers list as a failure.
    defaultTier: 'observation',
  },
  check(ctx) {
    for (const f of handlerCodeFiles(ctx.config, ctx.task)) {
      if (!callsAwsSdk(f.content) || hasErrorHandling(f.content)) continue;
      ctx.report({ span: { file: f.path.replace(/#.*$/, ''), line: 1, column: 1, endLine: 1, endColumn: 1 }, resource: f.path, message: `${f.path} calls AWS services but has no try/except or try/catch.` });
    }
  },
};

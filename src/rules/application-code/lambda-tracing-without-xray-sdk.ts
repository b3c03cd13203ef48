import type { Rule } from '../types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { functionCodeFiles, handlerCodeFiles } from '../util/b-code.js';

/** Imports of a tracing SDK: X-Ray SDK, Powertools tracer, OpenTelemetry. */
const TRACING_SDK = /aws[_-]xray[_-]sdk|xray_recorder|AWSXRay|@aws-lambda-powertools\/tracer|aws_lambda_powertools|opentelemetry/i;

export const rule: Rule = {
  meta: {
    id: 'lambda-tracing-without-xray-sdk',
    category: 'application-code',
    severity: 'medium',
    fixClass: 'B',
    title: 'Active X-Ray tracing without instrumentation in the handler',
    rootCause:
      'Models switch on `tracing_config { mode = "Active" }` and stop there; the handler code never imports the X-Ray SDK, so traces have no subsegments for downstream calls.',
    fix: 'Instrument the handler: import the X-Ray SDK (or Powertools Tracer), patch the AWS SDK clients and capture the key functions.',
    fixExample: `# lib/lambda/handler.py
from aws_xray_sdk.core import xray_recorder, patch_all

patch_all()

@xray_recorder.capture("handle")
def handler(event, context):
    ...`,
    docs: 'https://docs.aws.amazon.com/xray/latest/devguide/xray-sdk-python.html',
    knowledgeGap: 'Active tracing on the function only records the invocation; downstream calls need the SDK in the code.',
    impact: 'Traces lack downstream detail, so debugging latency and errors is much harder.',
    // Active tracing alone records every invocation: read against the code, a missing SDK was judged noise (2 of 2)
    // where the task asks only to enable X-Ray. A failure where the task asks for instrumentation or the ideal adds
    // the SDK.
    promptGate: /x-?ray[^.\n]{0,60}\b(?:sdk|instrument\w*|subsegments?|patch\w*)\b|\b(?:sdk|instrument\w*|subsegments?)\b[^.\n]{0,60}x-?ray/i,
    idealGate: /aws[_-]xray[_-]sdk|patch_all\s*\(|captureAWS(?:v3)?Client|captureAWS\s*\(/,
  },
  check(ctx) {
    const files = handlerCodeFiles(ctx.config, ctx.task);
    if (!files.length) return;
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const active = nestedBlocks(fn, 'tracing_config').some((t) => resolvedString(ctx.config, attrExpr(t, 'mode')) === 'Active');
      if (!active) continue;
      const linked = functionCodeFiles(ctx.config, fn, files);
      const code = linked.length ? linked : files;
      if (code.some((f) => TRACING_SDK.test(f.content))) continue;
      ctx.report({
        block: fn,
        message: `Active tracing is on, but the handler code (${code.map((f) => f.path).slice(0, 3).join(', ')}) imports no X-Ray/tracing SDK.`,
      });
    }
  },
};

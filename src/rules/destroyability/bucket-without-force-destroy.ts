import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { allAttributes, attrExpr, blockAddress, referencesIn, referenceTarget, resources, staticBool } from '../../model/query.js';

/** Resources that write objects into a bucket they reference. */
const WRITERS: Record<string, string[]> = {
  aws_s3_bucket_logging: ['target_bucket'],
  aws_s3_object: ['bucket'],
  aws_cloudtrail: ['s3_bucket_name'],
  aws_config_delivery_channel: ['s3_bucket_name'],
  aws_lb: ['access_logs'],
  aws_alb: ['access_logs'],
  aws_cloudfront_distribution: ['logging_config'],
  aws_flow_log: ['log_destination'],
  aws_kinesis_firehose_delivery_stream: ['extended_s3_configuration', 's3_configuration'],
  aws_s3_bucket_replication_configuration: ['destination'],
  aws_athena_workgroup: ['configuration'],
  aws_codepipeline: ['artifact_store'],
};

function bucketRefs(block: Block, paths: string[]): string[] {
  return allAttributes(block)
    .filter(({ path }) => paths.includes(path[0] ?? ''))
    .flatMap(({ attribute }) => referencesIn(attribute.expr).map((r) => referenceTarget(r.parts)))
    .filter((t): t is string => !!t && t.startsWith('aws_s3_bucket.'));
}

export const rule: Rule = {
  meta: {
    id: 'bucket-without-force-destroy',
    category: 'destroyability',
    severity: 'low',
    fixClass: 'B',
    title: 'Bucket that receives objects has no force_destroy',
    rootCause: 'The model creates log/artifact buckets that fill up during a test run, without force_destroy, so destroy cannot delete them.',
    fix: 'Set force_destroy = true on buckets the stack writes objects to.',
    fixExample: 'resource "aws_s3_bucket" "logs" {\n  bucket        = "logs-${var.environment_suffix}"\n  force_destroy = true\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket#force_destroy',
    knowledgeGap: 'Destroyability: non-empty buckets block destroy',
    impact: 'terraform destroy fails with BucketNotEmpty until the bucket is emptied by hand.',
    // Reviewers list it where their ideal changed the block (dev corpus: 1 of 19 code-only findings named a
    // documented failure).
    failureNeedsIdealChange: true,
  },
  check(ctx) {
    if (!ctx.conventions.destroyable) return;
    const written = new Map<string, string>();
    for (const [type, paths] of Object.entries(WRITERS)) {
      for (const w of resources(ctx.config, type)) for (const t of bucketRefs(w, paths)) if (!written.has(t)) written.set(t, blockAddress(w));
    }
    for (const b of resources(ctx.config, 'aws_s3_bucket')) {
      const addr = blockAddress(b);
      const writer = written.get(addr);
      if (!writer || staticBool(attrExpr(b, 'force_destroy')) === true || (attrExpr(b, 'force_destroy') && staticBool(attrExpr(b, 'force_destroy')) === undefined)) continue;
      ctx.report({ block: b, resource: addr, message: `${addr} receives objects from ${writer} but has no force_destroy = true.` });
    }
  },
};

/** S3 helpers: the side resources that configure a bucket, and which buckets hold logs. */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, nestedBlocks, resources, staticString } from '../../model/query.js';
import { expressionReferences } from './b-refs.js';

/** Literal text of an expression (template literal parts joined), for name heuristics. */
export function literalText(expr: Expr | undefined): string {
  if (!expr) return '';
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : '';
  if (expr.kind === 'template') return expr.parts.map((p) => (p.kind === 'literal' ? String(p.value ?? '') : '-')).join('');
  return '';
}

/** Side resources of `type` (aws_s3_bucket_versioning, ...) whose `bucket` points at the bucket. */
export function bucketSideResources(config: Configuration, bucket: Block, type: string): Block[] {
  const name = staticString(attrExpr(bucket, 'bucket'));
  return resources(config, type).filter((r) => {
    const e = attrExpr(r, 'bucket');
    return expressionReferences(e, bucket) || (name !== undefined && staticString(e) === name);
  });
}

const LOG_WORD = /(^|[^a-z])(logs?|logging|cloudtrail|trail|access-?logs?|flow-?logs?)([^a-z]|$)/;

/** Buckets that receive logs: named for logs, or the target of ALB/CloudFront/S3/CloudTrail/flow logging. */
export function isLogBucket(config: Configuration, bucket: Block): boolean {
  const label = (bucket.labels[1] ?? '').toLowerCase().replace(/_/g, '-');
  const name = (literalText(attrExpr(bucket, 'bucket')) + ' ' + literalText(attrExpr(bucket, 'bucket_prefix'))).toLowerCase();
  if (LOG_WORD.test(label) || LOG_WORD.test(name)) return true;
  const targets: Expr[] = [];
  for (const lb of [...resources(config, 'aws_lb'), ...resources(config, 'aws_alb'), ...resources(config, 'aws_elb')]) {
    for (const al of nestedBlocks(lb, 'access_logs')) {
      const e = attrExpr(al, 'bucket');
      if (e) targets.push(e);
    }
  }
  for (const l of resources(config, 'aws_s3_bucket_logging')) {
    const e = attrExpr(l, 'target_bucket');
    if (e) targets.push(e);
  }
  for (const t of resources(config, 'aws_cloudtrail')) {
    const e = attrExpr(t, 's3_bucket_name');
    if (e) targets.push(e);
  }
  for (const d of resources(config, 'aws_cloudfront_distribution')) {
    for (const lc of nestedBlocks(d, 'logging_config')) {
      const e = attrExpr(lc, 'bucket');
      if (e) targets.push(e);
    }
  }
  for (const f of resources(config, 'aws_flow_log')) {
    const e = attrExpr(f, 'log_destination');
    if (e) targets.push(e);
  }
  return targets.some((e) => expressionReferences(e, bucket));
}

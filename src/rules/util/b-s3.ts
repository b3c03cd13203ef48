/** S3 helpers: the side resources that configure a bucket, and which buckets hold logs. */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { allAttributes, attrExpr, blockAddress, exprToText, nestedBlocks, referenceTarget, referencesIn, resources, staticString } from '../../model/query.js';
import { blockText, inConfigurationOrder, referencedBlocks, referrersVia, resourcesByStaticValue } from './b-refs.js';
import { resolveExpr, resolvedString } from './b-resolve.js';

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
  const byReference = referrersVia(config, bucket, type, 'bucket');
  const byName = name === undefined ? [] : (resourcesByStaticValue(config, type, 'bucket').get(name) ?? []);
  return byName.length ? inConfigurationOrder(config, [...byReference, ...byName]) : byReference;
}


const LOG_WORD = /(^|[^a-z])(logs?|logging|cloudtrail|trail|access-?logs?|flow-?logs?)([^a-z]|$)/;

/** Buckets that receive logs: named for logs, or the target of ALB/CloudFront/S3/CloudTrail/flow logging. */
export function isLogBucket(config: Configuration, bucket: Block): boolean {
  const label = (bucket.labels[1] ?? '').toLowerCase().replace(/_/g, '-');
  const name = (literalText(attrExpr(bucket, 'bucket')) + ' ' + literalText(attrExpr(bucket, 'bucket_prefix'))).toLowerCase();
  if (LOG_WORD.test(label) || LOG_WORD.test(name)) return true;
  return logTargets(config).has(blockAddress(bucket));
}

const LOG_TARGETS = new WeakMap<Block[], { size: number; addresses: Set<string> }>();

/** Addresses that ALB/CloudFront/S3/CloudTrail/flow logging write to, once per block list (was a scan per bucket). */
function logTargets(config: Configuration): Set<string> {
  const cached = LOG_TARGETS.get(config.blocks);
  if (cached && cached.size === config.blocks.length) return cached.addresses;
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
  const addresses = new Set<string>();
  for (const e of targets) {
    for (const ref of referencesIn(e)) {
      const target = referenceTarget(ref.parts);
      if (target) addresses.add(target);
    }
  }
  LOG_TARGETS.set(config.blocks, { size: config.blocks.length, addresses });
  return addresses;
}

/**
 * The bucket policies of a bucket and whether one of them (or a policy document it reads, also through a local)
 * has text the pattern matches: a service principal, an account data source.
 */
export function bucketPolicyMatching(config: Configuration, bucket: Block, pattern: RegExp): { policies: Block[]; matches: boolean } {
  const policies = bucketSideResources(config, bucket, 'aws_s3_bucket_policy');
  // The source text as written, and the configuration it means: a CDKTF policy names the data source by its
  // TypeScript variable (`${elbServiceAccount.id}`), which only the rendered expression spells as Terraform does.
  const says = (b: Block): boolean => pattern.test(blockText(config, b)) || pattern.test(renderedText(b));
  const matches = policies.some((policy) => {
    if (says(policy)) return true;
    const expr = attrExpr(policy, 'policy');
    const resolved = resolveExpr(config, expr);
    if (resolved && resolved !== expr && pattern.test(exprToText(resolved))) return true;
    const docs = resolved === expr ? referencedBlocks(config, expr) : [...referencedBlocks(config, expr), ...referencedBlocks(config, resolved)];
    return docs.some(says);
  });
  return { policies, matches };
}

/** Whether ownership controls of the bucket leave ACLs enabled (anything but BucketOwnerEnforced, or unknown). */
export function bucketAllowsAcls(config: Configuration, bucket: Block): boolean {
  return bucketSideResources(config, bucket, 'aws_s3_bucket_ownership_controls').some((oc) =>
    nestedBlocks(oc, 'rule').some((r) => {
      const ownership = resolvedString(config, attrExpr(r, 'object_ownership'));
      return ownership === undefined || ownership !== 'BucketOwnerEnforced';
    }),
  );
}

/**
 * The SSE-KMS default-encryption configuration of a bucket (an inline `server_side_encryption_configuration` or an
 * `aws_s3_bucket_server_side_encryption_configuration`), if any: what services that cannot use a KMS key trip on.
 */
export function bucketKmsEncryption(config: Configuration, bucket: Block): Block | undefined {
  const configs = [...nestedBlocks(bucket, 'server_side_encryption_configuration'), ...bucketSideResources(config, bucket, 'aws_s3_bucket_server_side_encryption_configuration')];
  for (const c of configs) {
    for (const r of nestedBlocks(c, 'rule')) {
      for (const d of nestedBlocks(r, 'apply_server_side_encryption_by_default')) {
        if (resolvedString(config, attrExpr(d, 'sse_algorithm'))?.startsWith('aws:kms')) return c;
      }
    }
  }
  return undefined;
}

/** A block's arguments and nested blocks as Terraform expressions (what a CDKTF construct means, whatever its source). */
function renderedText(block: Block): string {
  return allAttributes(block)
    .map(({ attribute: a }) => `${a.name} = ${exprToText(a.expr)}`)
    .join('\n');
}

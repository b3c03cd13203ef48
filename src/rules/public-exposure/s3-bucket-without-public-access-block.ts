import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, referencesIn, referenceTarget, resources, staticBool, staticString } from '../../model/query.js';

/** Canned ACLs that grant everyone read or write. */
const PUBLIC_ACL = /^public-read(-write)?$/;

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'] as const;

/** Buckets an access block (or other per-bucket resource) applies to: by reference in `bucket` or `for_each`, or by literal name. */
export function bucketsTargeted(block: Block, bucketNames: Map<string, string>): string[] {
  const out: string[] = [];
  for (const key of ['bucket', 'for_each']) {
    const e = attrExpr(block, key);
    if (!e) continue;
    for (const ref of referencesIn(e)) {
      const t = referenceTarget(ref.parts);
      if (t?.startsWith('aws_s3_bucket.')) out.push(t);
    }
    const lit = staticString(e);
    if (lit && bucketNames.has(lit)) out.push(bucketNames.get(lit)!);
  }
  return out;
}

export function staticBucketNames(buckets: Block[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const b of buckets) {
    const n = staticString(attrExpr(b, 'bucket'));
    if (n) m.set(n, blockAddress(b));
  }
  return m;
}

export const rule: Rule = {
  meta: {
    id: 's3-bucket-without-public-access-block',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'S3 bucket without a public access block',
    rootCause: 'The model creates buckets with encryption and versioning but forgets the public access block that makes "private" enforceable.',
    fix: 'Add an aws_s3_bucket_public_access_block for every bucket with all four flags set to true.',
    fixExample: 'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    knowledgeGap: 'AWS security best practices: S3 public access blocks',
    impact: 'Objects can be exposed by a later ACL or bucket policy change; fails security review.',
  },
  check(ctx) {
    const { config } = ctx;
    const buckets = resources(config, 'aws_s3_bucket');
    if (!buckets.length) return;
    // An account-wide block with all flags covers every bucket.
    const account = resources(config, 'aws_s3_account_public_access_block');
    if (account.some((a) => FLAGS.every((f) => staticBool(attrExpr(a, f)) !== false && attrExpr(a, f)))) return;
    const names = staticBucketNames(buckets);
    const complete = new Set<string>();
    const partial = new Map<string, string[]>();
    for (const pab of resources(config, 'aws_s3_bucket_public_access_block')) {
      const off = FLAGS.filter((f) => staticBool(attrExpr(pab, f)) !== true && !isDynamicTrue(pab, f));
      for (const t of bucketsTargeted(pab, names)) {
        if (!off.length) complete.add(t);
        else partial.set(t, off);
      }
    }
    const publicAcl = new Set<string>([
      ...buckets.filter((b) => PUBLIC_ACL.test(staticString(attrExpr(b, 'acl')) ?? '')).map(blockAddress),
      ...resources(config, 'aws_s3_bucket_acl')
        .filter((a) => PUBLIC_ACL.test(staticString(attrExpr(a, 'acl')) ?? ''))
        .flatMap((a) => bucketsTargeted(a, names)),
    ]);
    const websites = new Set(resources(config, 'aws_s3_bucket_website_configuration').flatMap((w) => bucketsTargeted(w, names)));
    for (const b of buckets) {
      const addr = blockAddress(b);
      if (complete.has(addr)) continue;
      const off = partial.get(addr);
      // A website bucket is meant to be public; the missing block is then a hardening note. Without any block, S3
      // applies Block Public Access to a new bucket by default (since April 2023): only a public ACL exposes it.
      // Flags explicitly left off are the exposure this check is about.
      const exposed = off !== undefined || publicAcl.has(addr);
      ctx.report({
        block: b,
        resource: addr,
        severity: websites.has(addr) || !exposed ? 'low' : undefined,
        message: off
          ? `${addr} has a public access block with ${off.join(', ')} not set to true.`
          : publicAcl.has(addr)
            ? `${addr} is given a public ACL and has no aws_s3_bucket_public_access_block.`
            : `${addr} has no aws_s3_bucket_public_access_block (new buckets block public access by default; the block keeps a later ACL or policy change from exposing it).`,
      });
    }
  },
};

/** `block_public_acls = var.x` cannot be judged statically: treat non-literal values as set. */
function isDynamicTrue(block: Block, flag: string): boolean {
  const e = attrExpr(block, flag);
  return e !== undefined && staticBool(e) === undefined;
}

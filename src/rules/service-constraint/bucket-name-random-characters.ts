import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, exprToText, resources, staticBool } from '../../model/query.js';
import { reachableTargets } from '../util/suffix.js';

/** What a random_* result may hold that a bucket name cannot: upper-case letters and punctuation. */
function invalidCharacters(random: Block): string[] {
  const type = random.labels[0];
  const flag = (name: string): boolean | undefined => staticBool(attrExpr(random, name));
  const out: string[] = [];
  // random_string and random_password both default upper = true and special = true.
  if ((type === 'random_string' || type === 'random_password') && flag('upper') !== false) out.push('upper-case letters');
  if ((type === 'random_string' || type === 'random_password') && flag('special') !== false) out.push('special characters');
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'bucket-name-random-characters',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateBucket answers InvalidBucketName: an apply failure whatever share of reviewers names it.
    applyFailure: true,
    title: 'Bucket name built from random text S3 cannot take',
    rootCause:
      'Models make bucket names unique with a random_string or random_password result, keeping the generator\'s defaults (upper = true, special = true); bucket names take lower-case letters, digits, dots and hyphens only.',
    fix: 'Generate the suffix with `upper = false` and `special = false` (or use random_id\'s hex), or wrap it in lower() and strip punctuation.',
    fixExample: `resource "random_string" "suffix" {
  length  = 8
  upper   = false
  special = false
}`,
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html',
    knowledgeGap: 'S3 bucket naming rules against the random provider\'s defaults.',
    impact: 'CreateBucket fails (InvalidBucketName) whenever the random text holds an upper-case letter or punctuation: the stack cannot be created.',
  },
  check(ctx) {
    for (const bucket of resources(ctx.config, 'aws_s3_bucket')) {
      const name = attrExpr(bucket, 'bucket') ?? attrExpr(bucket, 'bucket_prefix');
      if (!name) continue;
      // lower() around the name takes care of the letters, not of the punctuation.
      const lowered = /\blower\(/.test(exprToText(name));
      for (const target of reachableTargets(name, ctx.config)) {
        if (!/^random_(string|password)\./.test(target)) continue;
        const random = ctx.config.symbols.get(target)?.block;
        if (!random) continue;
        const problems = invalidCharacters(random).filter((p) => !(lowered && p === 'upper-case letters'));
        if (!problems.length) continue;
        ctx.report({
          block: bucket,
          message: `${blockAddress(bucket)}'s name includes ${blockAddress(random)}'s result, which may hold ${problems.join(' and ')} (the generator's defaults): CreateBucket fails with InvalidBucketName.`,
        });
        break;
      }
    }
  },
};

import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { blockReferences, referencedBlocks } from '../util/b-refs.js';
import { bucketSideResources } from '../util/b-s3.js';

export const rule: Rule = {
  meta: {
    id: 's3-replication-versioning',
    category: 'dependency',
    severity: 'high',
    fixClass: 'A',
    title: 'S3 replication without versioning ordered before it',
    rootCause:
      'Models add a replication configuration next to the buckets but either leave versioning off on one side or do not make the replication depend on the versioning resource; S3 rejects replication on unversioned buckets.',
    fix: 'Enable versioning on source and destination buckets and add both versioning resources to the replication configuration\'s `depends_on`.',
    fixExample: `resource "aws_s3_bucket_replication_configuration" "crr" {
  depends_on = [aws_s3_bucket_versioning.source, aws_s3_bucket_versioning.replica]
  role       = aws_iam_role.replication.arn
  bucket     = aws_s3_bucket.source.id
  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn
    }
  }
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_replication_configuration',
    knowledgeGap: 'S3 replication needs versioning on both buckets, created first.',
    impact: 'Apply fails (InvalidRequest: versioning must be enabled), so no replica and no disaster recovery copy.',
  },
  check(ctx) {
    for (const rep of resources(ctx.config, 'aws_s3_bucket_replication_configuration')) {
      const source = referencedBlocks(ctx.config, attrExpr(rep, 'bucket'), 'aws_s3_bucket')[0];
      const destinations = nestedBlocks(rep, 'rule').flatMap((r) => nestedBlocks(r, 'destination').flatMap((d) => referencedBlocks(ctx.config, attrExpr(d, 'bucket'), 'aws_s3_bucket')));
      const unversioned = [source, ...destinations].filter((b): b is Block => b !== undefined && !versioned(ctx.config, b));
      if (unversioned.length) {
        ctx.report({ block: rep, message: `Replication is configured, but ${unversioned.map(blockAddress).join(', ')} has no enabled versioning.` });
        continue;
      }
      // Both sides must be versioned before S3 accepts the rule: an ordering edge to each versioning resource.
      const unordered: Block[] = [];
      for (const bucket of [source, ...destinations]) {
        if (!bucket) continue;
        const versioning = bucketSideResources(ctx.config, bucket, 'aws_s3_bucket_versioning');
        if (versioning.length && !versioning.some((v) => blockReferences(rep, v)) && !unordered.includes(versioning[0]!)) unordered.push(versioning[0]!);
      }
      if (unordered.length) {
        ctx.report({
          block: rep,
          severity: 'medium',
          message: `${blockAddress(rep)} does not depend on ${unordered.map(blockAddress).join(', ')}; S3 rejects replication until versioning is enabled on both buckets.`,
        });
      }
    }
  },
};

function versioned(config: Parameters<typeof resolvedString>[0], bucket: Block): boolean {
  const side = bucketSideResources(config, bucket, 'aws_s3_bucket_versioning');
  const statuses = side.flatMap((v) => nestedBlocks(v, 'versioning_configuration').map((c) => attrExpr(c, 'status')));
  if (statuses.some((s) => s !== undefined && resolvedString(config, s) !== 'Suspended' && resolvedString(config, s) !== 'Disabled')) return true;
  // Inline (deprecated) versioning block.
  return nestedBlocks(bucket, 'versioning').length > 0;
}

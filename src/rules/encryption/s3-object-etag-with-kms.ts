import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 's3-object-etag-with-kms',
    category: 'encryption',
    severity: 'medium',
    fixClass: 'A',
    title: 'S3 object uses etag together with KMS encryption',
    rootCause:
      'Models copy the `etag = filemd5(...)` idiom for change detection and add SSE-KMS to the object; with KMS encryption the object ETag is not the MD5 of its content, so the provider documents `etag` as incompatible with `kms_key_id` / `server_side_encryption = "aws:kms"`.',
    fix: 'Use `source_hash = filemd5(...)` for change detection on KMS-encrypted objects and drop `etag`.',
    fixExample: `resource "aws_s3_object" "package" {
  bucket                 = aws_s3_bucket.artifacts.id
  key                    = "lambda.zip"
  source                 = data.archive_file.lambda.output_path
  source_hash            = data.archive_file.lambda.output_base64sha256
  server_side_encryption = "aws:kms"
  kms_key_id             = aws_kms_key.artifacts.arn
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_object#etag',
    knowledgeGap: 'S3 object etag change detection does not work with SSE-KMS; source_hash does.',
    impact: 'A perpetual diff on every plan, or an apply error, for the encrypted object.',
  },
  check(ctx) {
    for (const obj of [...resources(ctx.config, 'aws_s3_object'), ...resources(ctx.config, 'aws_s3_bucket_object')]) {
      if (!attrExpr(obj, 'etag')) continue;
      const sse = resolvedString(ctx.config, attrExpr(obj, 'server_side_encryption'));
      const kms = attrExpr(obj, 'kms_key_id') !== undefined || (sse?.startsWith('aws:kms') ?? false);
      if (!kms) continue;
      ctx.report({ block: obj, message: `${blockAddress(obj)} sets \`etag\` and encrypts the object with KMS; use \`source_hash\` instead of \`etag\`.` });
    }
  },
};

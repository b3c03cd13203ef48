import type { Rule } from '../types.js';
import { isTerraformConfigPath } from '../../model/paths.js';
import { attr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { blockText } from '../util/b-refs.js';

/** Arguments that give aws_lambda_function its code: a local zip, an S3 object, or a container image. */
const SOURCES = ['filename', 's3_bucket', 'image_uri'];

export const rule: Rule = {
  meta: {
    id: 'lambda-function-without-package',
    category: 'application-code',
    severity: 'critical',
    fixClass: 'A',
    title: 'Lambda function without any deployment package',
    rootCause:
      'Models carry over the CDK/CloudFormation shape (`code: { zipFile: ... }`, `Code.fromInline`) or forget the package altogether; aws_lambda_function takes its code only from `filename`, `s3_bucket`/`s3_key` or `image_uri`.',
    fix: 'Package the handler with `data "archive_file"` (CDKTF: `TerraformAsset`) and pass `filename` and `source_code_hash`, or point `s3_bucket`/`s3_key` or `image_uri` at a built artifact.',
    fixExample: `data "archive_file" "fn" {
  type        = "zip"
  source_dir  = "\${path.module}/lambda"
  output_path = "\${path.module}/build/fn.zip"
}

resource "aws_lambda_function" "fn" {
  filename         = data.archive_file.fn.output_path
  source_code_hash = data.archive_file.fn.output_base64sha256
  handler          = "index.handler"
  runtime          = "nodejs20.x"
  # ...
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function',
    knowledgeGap: 'aws_lambda_function needs filename, s3_bucket/s3_key or image_uri; there is no inline code argument.',
    impact: 'Plan or apply fails ("one of filename, image_uri, s3_bucket must be specified"); no function is created.',
  },
  check(ctx) {
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      if (SOURCES.some((s) => attr(fn, s))) continue;
      // CDKTF props spread in (`...(cond ? { s3Bucket } : { filename })`) and escape hatches are invisible to the model.
      if (!isTerraformConfigPath(fn.span.file) && /\.\.\.[\w(]|addOverride/.test(blockText(ctx.config, fn))) continue;
      const cdkStyle = nestedBlocks(fn, 'code').length > 0 || !!attr(fn, 'code');
      ctx.report({
        block: fn,
        message: `${blockAddress(fn)} sets none of filename, s3_bucket or image_uri${cdkStyle ? '; its `code` block is CDK/CloudFormation syntax that aws_lambda_function does not accept' : ''}, so it has no deployment package.`,
      });
    }
  },
};

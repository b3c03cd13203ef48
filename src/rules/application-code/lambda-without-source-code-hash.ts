import type { Rule } from '../types.js';
import { attr, blockAddress, resources } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-without-source-code-hash',
    category: 'application-code',
    severity: 'medium',
    fixClass: 'B',
    title: 'Lambda zip deployed without source_code_hash',
    rootCause: 'Models set `filename` and forget `source_code_hash`; Terraform then compares only the file name, so a rebuilt zip with new code is never uploaded.',
    fix: 'Set `source_code_hash` from the archive (`data.archive_file.x.output_base64sha256`, or `filebase64sha256(...)`; CDKTF: `asset.assetHash`).',
    fixExample: `resource "aws_lambda_function" "fn" {
  filename         = data.archive_file.fn.output_path
  source_code_hash = data.archive_file.fn.output_base64sha256
  # ...
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function#source_code_hash',
    knowledgeGap: 'Terraform redeploys Lambda code only when source_code_hash changes.',
    impact: 'Code changes are silently not deployed; the function keeps running the old code.',
    // A redeploy detail on a working package; judged noise as a failure when read against the code.
    defaultTier: 'observation',
  },
  check(ctx) {
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      if (!attr(fn, 'filename') || attr(fn, 'source_code_hash')) continue;
      ctx.report({ block: fn, message: `${blockAddress(fn)} deploys a local zip without source_code_hash; code changes will not trigger an update.` });
    }
  },
};

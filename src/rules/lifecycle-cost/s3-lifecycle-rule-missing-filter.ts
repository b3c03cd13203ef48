import type { Rule } from '../types.js';
import { attr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { findConstraints } from '../../schema/provider-info.js';
import { allBelow, ConstraintError, parseTerraformConstraint } from '../../schema/version.js';

/** The provider version that started warning about rules without a filter. */
const WARNING_SINCE = '5.90.0';

/** True when the configuration pins the AWS provider below the version that warns (`~> 4.0`, `< 5.90`). */
function pinnedBeforeWarning(ctx: Parameters<Rule['check']>[0]): boolean {
  for (const c of findConstraints(ctx.config)) {
    try {
      if (allBelow(parseTerraformConstraint(c.text), WARNING_SINCE)) return true;
    } catch (e) {
      if (!(e instanceof ConstraintError)) throw e;
    }
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: 's3-lifecycle-rule-missing-filter',
    category: 'lifecycle-cost',
    // A plan warning, not an error (provider 5.90 and later: "This will be an error in a future version of the
    // provider"): read against the code, "requires" overstated it. Reviewers list the warning often (their
    // deploy logs show it), so it stays a candidate for the failure tier, at medium.
    severity: 'medium',
    fixClass: 'C',
    title: 'S3 lifecycle rule without filter or prefix',
    rootCause:
      'Models learned lifecycle rules from provider 3.x/4.x examples, where a rule without `filter` applied to the whole bucket; since provider 5.90 such a rule draws an "Invalid Attribute Combination" warning that announces an error in a future version.',
    fix: 'Add an explicit `filter {}` (whole bucket) or a `filter { prefix = "..." }` to every lifecycle rule.',
    fixExample: `resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "expire-logs"
    status = "Enabled"
    filter {}
    expiration { days = 90 }
  }
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_lifecycle_configuration',
    knowledgeGap: 'AWS provider 5.90 and later warn about S3 lifecycle rules without a filter or prefix.',
    impact: 'Plan and apply warn ("Invalid Attribute Combination ... will be an error in a future version of the provider"); the rule still applies to the whole bucket.',
    // A provider warning: a failure where the reviewer's ideal adds the filter (or the task speaks of it); where the
    // ideal keeps rules without a filter too, the warning is accepted.
    promptGate: /lifecycle[^.\n]{0,80}\b(?:filter|prefix)\b/i,
    idealGate: /\bfilter\s*(?:\{|:\s*\[?\s*\{)|\bprefix\s*[=:]/,
  },
  check(ctx) {
    // The provider the model pins never warns: nothing happens at plan or apply.
    if (pinnedBeforeWarning(ctx)) return;
    for (const cfg of resources(ctx.config, 'aws_s3_bucket_lifecycle_configuration')) {
      const missing = nestedBlocks(cfg, 'rule').filter(
        (r) => nestedBlocks(r, 'filter').length === 0 && !attr(r, 'filter') && !attr(r, 'prefix'),
      );
      if (!missing.length) continue;
      ctx.report({
        block: cfg,
        message: `${blockAddress(cfg)}: ${missing.length} of its ${nestedBlocks(cfg, 'rule').length} lifecycle rule(s) have neither \`filter\` nor \`prefix\`: AWS provider 5.90 and later warn that this will be an error in a future version (\`filter {}\` or \`filter { prefix = "" }\` for the whole bucket).`,
      });
    }
  },
};

import type { Rule } from '../types.js';
import { blockAddress, resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';
import { TAGGABLE, hasDefaultTags, isTagged } from './inconsistent-tags.js';

export const rule: Rule = {
  meta: {
    id: 'untagged-resources',
    category: 'tagging',
    severity: 'low',
    fixClass: 'B',
    title: 'Resources left untagged although the task asks for tagging',
    rootCause: 'Models tag a few headline resources (or none) and rely on nothing to tag the rest: there is no provider default_tags.',
    fix: 'Add `default_tags` to the AWS provider (CDKTF: `defaultTags: [{ tags: {...} }]`), or merge a common tag map into every taggable resource.',
    fixExample: `provider "aws" {
  region = var.aws_region
  default_tags {
    tags = local.common_tags
  }
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/resource-tagging#propagating-tags-to-all-resources',
    knowledgeGap: 'A tagging requirement covers every taggable resource; provider default_tags is the reliable way.',
    impact: 'Untagged resources escape cost allocation, ownership and compliance reports.',
  },
  check(ctx) {
    if (!promptMentions(ctx, /\btag(s|ged|ging)?\b/)) return;
    if (hasDefaultTags(ctx.config)) return;
    const untagged = resources(ctx.config).filter((r) => TAGGABLE.has(r.labels[0] ?? '') && !isTagged(r));
    if (!untagged.length) return;
    ctx.report({
      block: untagged[0]!,
      message: `The task asks for tags, the provider has no default_tags, and ${untagged.length} taggable resource(s) carry none (${untagged.slice(0, 6).map(blockAddress).join(', ')}${untagged.length > 6 ? ', ...' : ''}).`,
    });
  },
};

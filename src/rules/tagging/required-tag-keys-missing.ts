import type { Rule } from '../types.js';
import { blocksOfKind, resources } from '../../model/query.js';
import { normalizeTagKey, tagKeys } from '../util/b-tags.js';

/**
 * Tag keys tasks commonly require (normalized form → prompt pattern). Keys that are also everyday words
 * (Team, Application, Compliance, Service) count only when capitalized like a key.
 */
const KNOWN_KEYS: [string, RegExp][] = [
  ['environment', /\benvironment\b/i],
  ['project', /\bproject\b/i],
  ['owner', /\bowner\b/i],
  ['costcenter', /\bcost[ _-]?cent(er|re)\b|\bcostcenter\b/i],
  ['managedby', /\bmanaged[ _-]?by\b/i],
  ['department', /\bdepartment\b/i],
  ['dataclassification', /\bdata[ _-]?classification\b/i],
  ['team', /\bTeam\b/],
  ['application', /\bApplication\b/],
  ['compliance', /\bCompliance\b/],
  ['service', /\bService\b/],
];

/** Sentences that ask for tags (case-insensitive, on the raw prompt): "Tag all resources with Environment, Owner", "tags: Project, CostCenter". */
const TAG_SENTENCE = /[^.\n]{0,120}\btag(s|ged|ging)?\b[^.\n]{0,160}/gi;

export const rule: Rule = {
  meta: {
    id: 'required-tag-keys-missing',
    category: 'tagging',
    severity: 'medium',
    fixClass: 'B',
    title: 'Tag keys the task requires are not set',
    rootCause: 'Models apply a generic tag set (Name, ManagedBy) and drop keys the task lists, such as Owner or CostCenter.',
    fix: 'Define the required keys once (provider default_tags or a common_tags local merged into every resource).',
    fixExample: `provider "aws" {
  default_tags {
    tags = {
      Environment = var.environment
      Project     = var.project
      Owner       = var.owner
      CostCenter  = var.cost_center
    }
  }
}`,
    docs: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/best-practices-and-strats.html',
    knowledgeGap: 'Every tag key the task requires must appear in the tag set.',
    impact: 'Cost allocation, ownership and compliance reports cannot attribute the resources.',
  },
  check(ctx) {
    const prompt = ctx.task.prompt ?? '';
    if (!prompt || !resources(ctx.config).length) return;
    const sentences = prompt.match(TAG_SENTENCE) ?? [];
    if (!sentences.length) return;
    const { keys, open } = tagKeys(ctx.config);
    if (open || !keys.size) return;
    const required = KNOWN_KEYS.filter(([, re]) => sentences.some((s) => re.test(s))).map(([k]) => k);
    const missing = required.filter((k) => !keys.has(normalizeTagKey(k)));
    if (!missing.length) return;
    const at = blocksOfKind(ctx.config, 'provider')[0] ?? resources(ctx.config)[0]!;
    ctx.report({ block: at, resource: 'tags', message: `The task asks for tag keys the configuration never sets: ${missing.join(', ')}.` });
  },
};

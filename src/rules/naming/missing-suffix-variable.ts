import type { Rule } from '../types.js';
import { blocksOfKind, resources } from '../../model/query.js';
import { declaresSuffix } from '../util/suffix.js';
import { hasUniqueName, nameExprs } from '../util/names.js';
import { isCdktfConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'missing-suffix-variable',
    category: 'naming',
    severity: 'critical',
    fixClass: 'B',
    title: 'No environment suffix input',
    rootCause:
      'The model names resources from project/environment variables and does not know that every deployment (one per pull request) needs a unique suffix in every name.',
    fix: 'Declare the suffix input and build every resource name from it.',
    fixExample: 'variable "environment_suffix" {\n  description = "Unique suffix for resource names"\n  type        = string\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "data-${var.environment_suffix}"\n}',
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/naming-your-resources.html',
    knowledgeGap: 'CI/CD requirements: unique environment suffix for parallel deployments',
    impact: 'Parallel deployments in one account collide on names ("already exists"); the pipeline cannot run PR environments.',
  },
  check(ctx) {
    const { config, conventions } = ctx;
    if (declaresSuffix(config, conventions)) return;
    const named = resources(config).filter((r) => hasUniqueName(r.labels[0] ?? '') && nameExprs(r, { includeTagName: false }).length > 0);
    if (!named.length) return;
    const cdktf = isCdktfConfig(config);
    const wanted = cdktf ? conventions.suffixVariableCdktf : conventions.suffixVariable;
    const lookalike = blocksOfKind(config, 'variable').find((v) => /suffix/i.test(v.labels[0] ?? ''));
    ctx.report({
      block: named[0],
      resource: 'var.' + wanted,
      severity: lookalike ? 'high' : 'critical',
      message: lookalike
        ? `No \`${wanted}\` input; the suffix variable is named \`${lookalike.labels[0]}\` instead (${named.length} named resources).`
        : `No \`${wanted}\` input is declared; ${named.length} named resources (first: ${named[0]!.labels.join('.')}) cannot be deployed twice in one account.`,
    });
  },
};

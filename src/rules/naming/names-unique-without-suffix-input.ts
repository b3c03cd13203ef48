import type { Rule } from '../types.js';
import { SUFFIX_IN_CODE, SUFFIX_PROMPT } from './suffix-prompt.js';
import { conventionOnly, idealNamesCarrySuffix, suffixGap } from './missing-suffix-variable.js';
import { isCdktfConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'names-unique-without-suffix-input',
    category: 'naming',
    severity: 'low',
    fixClass: 'C',
    // The names can already differ per deployment (a random value, or inputs the deployer sets while the prompt
    // asks for no suffix): read against the code, listing this as a failure was judged noise or false. The
    // pipeline's convention is still the suffix input, so it stays an observation.
    defaultTier: 'observation',
    title: 'Names made unique by a random value or other inputs instead of the suffix input',
    rootCause:
      'The model makes names unique with a random_id, or builds them from project and environment inputs, instead of the environment suffix input the pipeline sets, so names do not tell which deployment they belong to.',
    fix: 'Declare the suffix input and build names from it; keep random values for what must be globally unique beyond one deployment.',
    fixExample: 'variable "environment_suffix" {\n  type = string\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "data-${var.environment_suffix}"\n}',
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/naming-your-resources.html',
    knowledgeGap: 'CI/CD conventions: the environment suffix names every resource of a deployment',
    promptGate: SUFFIX_PROMPT,
    idealGate: SUFFIX_IN_CODE,
    impact: 'Deployments do not collide, but their resources cannot be told apart or cleaned up by suffix.',
  },
  check(ctx) {
    const gap = suffixGap(ctx.config, ctx.conventions, ctx.task.prompt);
    const idealSuffix = ctx.ideal !== undefined && idealNamesCarrySuffix(ctx.ideal, ctx.conventions);
    if (!gap || !conventionOnly(gap, ctx.task.prompt, idealSuffix, isCdktfConfig(ctx.config))) return;
    const marked = gap.named.length - gap.unmarked.length;
    ctx.report({
      block: gap.named[0],
      resource: 'var.' + gap.wanted,
      message: gap.lookalike
        ? `No \`${gap.wanted}\` input; ${marked} of ${gap.named.length} named resources are made unique with \`${gap.lookalike}\` instead.`
        : `No \`${gap.wanted}\` input; ${gap.named.length} named resources (first: ${gap.named[0]!.labels.join('.')}) take their names from inputs, which the pipeline's suffix convention would replace.`,
    });
  },
};

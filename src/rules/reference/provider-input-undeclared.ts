import type { Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { isHclConfig } from '../util/files.js';
import { blockVariables } from '../util/variables.js';
import { aliasesOutsideReferenceProviders } from '../util/providers.js';

/** Variables the provider configuration (provider and terraform blocks) reads. */
function providerInputs(config: Configuration): Set<string> {
  const out = new Set<string>();
  for (const r of config.references) {
    if (!r.target.startsWith('var.')) continue;
    if (r.from.startsWith('provider.') || r.from === 'terraform') out.add(r.target.slice(4));
  }
  return out;
}

function declaredVariables(config: Configuration): Set<string> {
  return new Set(config.blocks.filter((b) => b.kind === 'variable' && b.labels[0]).map((b) => b.labels[0]!));
}

/**
 * The task keeps the provider configuration in the project ("the provider configuration already exists
 * elsewhere", "provider.tf is handled"): the project's files then declare what that configuration reads, and
 * the response owes only the inputs the task names. A task that lists `provider.tf` among the files to write is
 * not one of these: the response writes the provider configuration itself.
 */
const PROVIDER_IN_PROJECT =
  /(?:already|existing|exists?|separate|pre-?configured|handled)[^.\n]{0,50}provider\.tf|provider\.tf[^.\n]{0,50}\b(?:already|exists?|is\s+(?:set\s+up|configured|in\s+place|provided|handled))|provider\s+(?:configuration|config|blocks?)\s+(?:already\s+exists?|exists|is\s+(?:already\s+)?(?:defined|handled|provided))|provider[^.\n]{0,60}\b(?:elsewhere|already\s+(?:exists?|defined|configured|wired))/i;

export const rule: Rule = {
  meta: {
    id: 'provider-input-undeclared',
    category: 'reference',
    severity: 'high',
    fixClass: 'B',
    title: 'Variable the provider configuration reads is not declared',
    rootCause: 'The provider file (kept by the project, or shown in the reference) configures the provider from an input such as `var.aws_region`; the model names its input differently or leaves it out.',
    fix: 'Declare the variable the provider configuration reads, with a default, under exactly that name.',
    fixExample: 'variable "aws_region" {\n  description = "AWS region to deploy into"\n  type        = string\n  default     = "us-east-1"\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables',
    knowledgeGap: 'Input names shared with the project provider file',
    impact: '`terraform plan` fails: "Reference to undeclared input variable".',
  },
  check(ctx) {
    if (!ctx.ideal || !isHclConfig(ctx.config)) return;
    // A response that selects aliases the reference's provider configuration lacks was not written against it: what
    // that configuration reads is not the response's to declare (provider-reference-invalid reports the aliases).
    if (aliasesOutsideReferenceProviders(ctx.config, ctx.ideal).length) return;
    const declared = declaredVariables(ctx.config);
    const modelProviders = ctx.config.blocks.filter((b) => b.kind === 'provider');
    const modelProvider = modelProviders[0];
    const prompt = ctx.task.prompt;
    const projectKeepsProvider = prompt !== null && PROVIDER_IN_PROJECT.test(prompt);
    for (const name of [...providerInputs(ctx.ideal)].sort()) {
      if (declared.has(name)) continue;
      if (projectKeepsProvider && !prompt!.includes(name)) continue;
      // The reference must declare it too: otherwise it comes from outside both responses.
      if (!declaredVariables(ctx.ideal).has(name)) continue;
      // The response's own provider blocks read it: a plain undeclared reference, which undeclared-reference reports.
      if (modelProviders.some((p) => blockVariables(p, ctx.config).has(name))) continue;
      const at = modelProvider?.span ?? { file: ctx.config.files[0]?.path ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 };
      // A response whose own provider block does not read the input deploys as written; only the project's kept
      // provider file would break, so it is a low convention finding rather than a validate error.
      ctx.report({
        span: at,
        resource: `var.${name}`,
        ...(modelProvider ? { severity: 'low' as const } : {}),
        message: `The provider configuration reads var.${name} (as the reference declares it), but the response declares no variable "${name}"${modelProvider ? '; its own provider block reads other inputs' : ''}.`,
      });
    }
  },
};

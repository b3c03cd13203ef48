import type { Rule } from '../types.js';
import { isChildModuleFile, isHclConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'hcl-unused-variable',
    category: 'style',
    severity: 'low',
    fixClass: 'C',
    title: 'Variable declared but never used',
    rootCause: 'The model declares inputs for features it then does not implement (or implements with literals).',
    fix: 'Remove the unused variable, or use it where the value is needed.',
    fixExample: '# variable "consumer_groups" { ... }  ← removed: nothing reads it',
    docs: 'https://github.com/terraform-linters/tflint-ruleset-terraform/blob/main/docs/rules/terraform_unused_declarations.md',
    knowledgeGap: 'Keeping the input surface equal to what the configuration uses',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const read = new Set(ctx.config.references.filter((r) => r.target.startsWith('var.')).map((r) => r.target.slice(4)));
    const hasProvider = ctx.config.blocks.some((b) => b.kind === 'provider');
    // Inputs the reference also declares without reading are part of the project's interface (suffix, region, tags).
    const referenceUnused = new Set<string>();
    if (ctx.ideal) {
      const referenceRead = new Set(ctx.ideal.references.filter((r) => r.target.startsWith('var.')).map((r) => r.target.slice(4)));
      for (const b of ctx.ideal.blocks) if (b.kind === 'variable' && b.labels[0] && !referenceRead.has(b.labels[0])) referenceUnused.add(b.labels[0]);
    }
    for (const b of ctx.config.blocks) {
      const name = b.labels[0];
      if (b.kind !== 'variable' || !name || read.has(name) || referenceUnused.has(name)) continue;
      // The project's provider file (absent from the response) reads the region input.
      if (!hasProvider && /region/.test(name)) continue;
      // Child modules' inputs are read inside the module, which may be shown only in part.
      if (isChildModuleFile(b.span.file)) continue;
      ctx.report({ block: b, message: `variable "${name}" is declared but nothing reads var.${name}.` });
    }
  },
};

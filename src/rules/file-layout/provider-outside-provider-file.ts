import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { basename, isChildModuleFile, isHclConfig, isUnnamedCodeFile } from '../util/files.js';

/** The prompt asks for the whole stack in one file ("a single main.tf", "one single file"). */
const SINGLE_FILE = /\b(single|one)\s+(terraform\s+|hcl\s+|\.tf\s+)?(file|`?[\w-]+\.tf`?)|\bin\s+(a\s+)?single\s+[\w.`-]+\s+file|all\s+(the\s+)?(code|resources|configuration)\s+in\s+(a\s+single|one)\b/i;
/** ... while keeping the provider configuration elsewhere ("I already have a provider.tf", "do not include provider"). */
const PROVIDER_KEPT_ELSEWHERE = /provider\.tf|already\s+have\s+(a\s+)?provider|(do\s+not|don't|without)\s+(include|add|define)\w*\s+(the\s+|a\s+|any\s+)?provider/i;

/**
 * The judge's prompt gate: open (a failure is possible) unless the prompt asks for one file without keeping the
 * provider elsewhere. Anchored, so the single-file search runs once over the prompt.
 */
const CONVENTION_APPLIES = new RegExp(`^(?![\\s\\S]*(?:${SINGLE_FILE.source}))|${PROVIDER_KEPT_ELSEWHERE.source}`, 'i');

export const rule: Rule = {
  meta: {
    id: 'provider-outside-provider-file',
    category: 'file-layout',
    severity: 'high',
    fixClass: 'B',
    title: 'Provider or terraform block outside the provider file',
    rootCause:
      'The model writes a self-contained main.tf with terraform and provider blocks, ignoring that the project keeps them in one provider file that the pipeline manages.',
    fix: 'Keep every `terraform {}` and `provider {}` block in the provider file; other files hold only resources, data sources, variables, locals and outputs.',
    fixExample: '# provider.tf\nterraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\n\nprovider "aws" {\n  region = var.aws_region\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/providers/configuration',
    knowledgeGap: 'Project structure conventions: provider configuration lives only in provider.tf',
    promptGate: CONVENTION_APPLIES,
    // The project's file layout, judged noise as a failure when read against the code: an observation.
    defaultTier: 'observation',
    impact: 'Duplicate or conflicting provider/terraform blocks when the pipeline adds its own provider file; init fails or the wrong backend is used.',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const byFile = new Map<string, Block[]>();
    // An unnamed block holding resources too is the stack itself, not the provider file under another name.
    const withResources = new Set(ctx.config.blocks.filter((b) => b.kind === 'resource').map((b) => b.span.file));
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'provider' && b.kind !== 'terraform') continue;
      if (!b.span.file.endsWith('.tf') || basename(b.span.file) === ctx.conventions.providerFile) continue;
      // Child modules declare their own required_providers; files the extractor could not name may be the provider file.
      if (isChildModuleFile(b.span.file) || (isUnnamedCodeFile(b.span.file) && !withResources.has(b.span.file))) continue;
      const list = byFile.get(b.span.file) ?? [];
      list.push(b);
      byFile.set(b.span.file, list);
    }
    // A prompt that wants everything in one file asked for these blocks there, unless it keeps the provider elsewhere.
    const prompt = ctx.task.prompt ?? '';
    const asked = SINGLE_FILE.test(prompt) && !PROVIDER_KEPT_ELSEWHERE.test(prompt);
    for (const [file, blocks] of byFile) {
      const what = blocks.map((b) => (b.kind === 'provider' ? `provider "${b.labels[0] ?? '?'}"` : 'terraform')).join(', ');
      ctx.report({
        span: blocks[0]!.span,
        resource: `file:${file}`,
        ...(asked ? { severity: 'low' as const } : {}),
        message: `${basename(file)} declares ${what}; these blocks belong in ${ctx.conventions.providerFile}${asked ? ' (the task asks for a single file, so this is the project convention only)' : ''}.`,
      });
    }
  },
};

import type { Block, Expr, SourceSpan } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attr, exprToText } from '../../model/query.js';
import { isHclConfig } from '../util/files.js';
import { aliasesOutsideReferenceProviders, declaredAliases, providerNames } from '../util/providers.js';

/**
 * `provider = aws.west` must name a provider configuration the module declares: a `provider "aws"` block with
 * `alias = "west"`, or `configuration_aliases` in `required_providers` (a child module that receives it). The
 * reference is static syntax: `aws.region[each.key]` or any other expression is rejected by `terraform validate`.
 */

/** What is wrong with a provider reference, or undefined when it is well-formed and declared. */
function problemOf(expr: Expr, written: string, aliases: Set<string>, providers: Set<string>): string | undefined {
  const text = `provider = ${written || exprToText(expr)}`;
  if (expr.kind !== 'reference' || expr.parts.length > 2 || expr.parts.some((p) => p.startsWith('['))) {
    return `\`${text}\` is not a provider reference: Terraform takes a provider name and an alias written literally (\`aws.west\`), never an index or expression, so one configuration cannot be chosen per instance`;
  }
  if (expr.parts.length === 1) return undefined;
  // Only a module that declares the provider at all can be read for its aliases (else the provider file is the project's).
  if (!providers.has(expr.parts[0]!) && !aliases.size) return undefined;
  if (aliases.has(expr.parts.join('.'))) return undefined;
  return `\`${text}\` names an alias no \`provider "${expr.parts[0]}"\` block declares`;
}

export const rule: Rule = {
  meta: {
    id: 'provider-reference-invalid',
    category: 'reference',
    severity: 'critical',
    fixClass: 'B',
    title: 'Resource uses a provider configuration that does not exist',
    rootCause:
      'Multi-region stacks need one provider block per region; models write `provider = aws.region[each.key]` as if providers could be indexed, or reference an alias they never declare.',
    fix: 'Declare one aliased `provider "aws"` block per region and reference each literally (`provider = aws.us_west_2`); repeat the resources per region (or call a module once per region with `providers = { aws = aws.us_west_2 }`).',
    fixExample: `provider "aws" {
  alias  = "us_west_2"
  region = "us-west-2"
}

resource "aws_vpc" "west" {
  provider   = aws.us_west_2
  cidr_block = "10.1.0.0/16"
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/providers/configuration#selecting-alternate-provider-configurations',
    knowledgeGap: 'Provider configurations are static: selected by a literal alias, never by an expression or per instance.',
    impact: '`terraform validate` fails: "Invalid provider configuration reference" or "Provider configuration not present".',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const aliases = declaredAliases(ctx.config);
    const providers = providerNames(ctx.config);
    const lines = new Map(ctx.config.files.map((f) => [f.path, f.content.split('\n')]));
    // The value as written: a malformed reference (`aws.peer_${each.value}`) parses into something else entirely.
    const writtenAt = (span: SourceSpan): string => {
      const line = lines.get(span.file)?.[span.line - 1] ?? '';
      const at = line.indexOf('provider');
      const eq = at < 0 ? -1 : line.indexOf('=', at);
      if (eq < 0) return '';
      let value = line.slice(eq + 1);
      for (const marker of ['#', '//']) if (value.includes(marker)) value = value.slice(0, value.indexOf(marker));
      return value.trim();
    };
    // A response with no provider block of its own that selects aliases the reference's provider configuration
    // lacks: those aliases exist nowhere (the project's provider file is what the reference shows).
    const unconfigured = new Set(aliasesOutsideReferenceProviders(ctx.config, ctx.ideal));
    const referenceAliases = ctx.ideal ? [...declaredAliases(ctx.ideal)].sort() : [];
    const check = (block: Block, expr: Expr, span: SourceSpan) => {
      const selected = expr.kind === 'reference' ? expr.parts.join('.') : '';
      if (unconfigured.has(selected)) {
        ctx.report({
          block,
          span,
          message: `\`provider = ${selected}\` names an alias no provider block declares: the response writes no provider block, and the reference's provider configuration declares ${referenceAliases.length ? referenceAliases.join(', ') : 'no alias'} (Provider configuration not present).`,
        });
        return;
      }
      const message = problemOf(expr, writtenAt(span), aliases, providers);
      if (message) ctx.report({ block, span, message: `${message}.` });
    };
    for (const block of ctx.config.blocks) {
      if (block.kind === 'resource' || block.kind === 'data') {
        const a = attr(block, 'provider');
        if (a) check(block, a.expr, a.span);
      } else if (block.kind === 'module') {
        const a = attr(block, 'providers');
        if (a?.expr.kind === 'object') for (const e of a.expr.entries) check(block, e.value, e.value.span ?? a.span);
      }
    }
  },
};

import type { Reference, SymbolKind } from '../../model/types.js';
import type { Rule } from '../types.js';
import { blocksOfKind } from '../../model/query.js';
import { closestName } from '../util/variables.js';
import { isCdktfConfig } from '../util/files.js';

/** Provider name prefixes of resource types; a dotted name with another prefix is an iterator or a typo'd keyword, not a resource. */
const KNOWN_PROVIDERS = new Set(['aws', 'awscc', 'random', 'archive', 'null', 'tls', 'time', 'local', 'http', 'external', 'template', 'cloudinit', 'kubernetes', 'helm', 'tfe', 'github']);

function kindOf(target: string): SymbolKind | 'resource' {
  if (target.startsWith('var.')) return 'variable';
  if (target.startsWith('local.')) return 'local';
  if (target.startsWith('data.')) return 'data';
  if (target.startsWith('module.')) return 'module';
  return 'resource';
}

const WORD: Record<string, string> = { variable: 'variable', local: 'local value', data: 'data source', module: 'module', resource: 'resource' };

export const rule: Rule = {
  meta: {
    id: 'undeclared-reference',
    category: 'reference',
    severity: 'critical',
    fixClass: 'C',
    title: 'Reference to an undeclared name',
    rootCause: 'The model names a variable, local or resource differently across files (or against the existing provider.tf) and never declares the referenced name.',
    fix: 'Declare the referenced name, or change the reference to the declared one.',
    fixExample: 'variable "aws_region" {\n  type    = string\n  default = "us-east-1"\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/expressions/references',
    knowledgeGap: 'Cross-file consistency of variable and resource names',
    impact: 'terraform validate/plan fails: "Reference to undeclared input variable/resource".',
  },
  check(ctx) {
    const { config } = ctx;
    if (isCdktfConfig(config)) return;
    const providers = new Set([...KNOWN_PROVIDERS, ...blocksOfKind(config, 'provider').map((p) => p.labels[0] ?? '')]);
    const declaredByKind = new Map<string, string[]>();
    for (const addr of config.symbols.keys()) {
      const k = kindOf(addr);
      const list = declaredByKind.get(k) ?? [];
      list.push(addr);
      declaredByKind.set(k, list);
    }
    const seen = new Set<string>();
    const report = (ref: Reference): void => {
      const kind = kindOf(ref.target);
      const candidates = (declaredByKind.get(kind) ?? []).map(shortName);
      const suggestion = closestName(shortName(ref.target), candidates);
      const prefix = ref.target.slice(0, ref.target.length - shortName(ref.target).length);
      ctx.report({
        ...(ref.span ? { span: ref.span } : {}),
        resource: ref.target,
        message:
          `${ref.from} references ${WORD[kind]} \`${ref.target}\`, which is not declared` +
          (suggestion ? `; did you mean \`${prefix}${suggestion}\`?` : '.'),
      });
    };
    for (const ref of config.references) {
      if (config.symbols.has(ref.target) || seen.has(ref.target)) continue;
      if (kindOf(ref.target) === 'resource') {
        const type = ref.target.split('.')[0] ?? '';
        if (!providers.has(type.split('_')[0] ?? '')) continue;
      }
      seen.add(ref.target);
      report(ref);
    }
  },
};

/** `var.x` → `x`, `aws_s3_bucket.b` → `aws_s3_bucket.b`, `data.aws_vpc.v` → `aws_vpc.v`. */
function shortName(addr: string): string {
  if (addr.startsWith('var.') || addr.startsWith('local.') || addr.startsWith('module.') || addr.startsWith('data.')) return addr.slice(addr.indexOf('.') + 1);
  return addr;
}

import type { Reference, SymbolKind } from '../../model/types.js';
import type { Rule } from '../types.js';
import { blockAddress, blocksOfKind } from '../../model/query.js';
import { boundedSuggester } from '../util/variables.js';
import { dirname, isCdktfConfig } from '../util/files.js';
import { formerAddressReferences, locallyBoundReferences, spanKey } from './scope.js';

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
    // Terraform refuses the configuration ("Reference to undeclared ..."): listed even where the ideal repeats it.
    blocker: true,
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
    // Each directory is its own module: a reference resolves only against declarations in the same directory.
    const declaredIn = new Map<string, Set<string>>();
    for (const sym of config.symbols.values()) addDeclared(declaredIn, dirname(sym.span.file), sym.address);
    for (const b of config.blocks) {
      if (b.kind === 'locals') for (const a of b.attributes) addDeclared(declaredIn, dirname(b.span.file), `local.${a.name}`);
      else if (['variable', 'resource', 'data', 'module'].includes(b.kind)) addDeclared(declaredIn, dirname(b.span.file), blockAddress(b));
      // A `check` block may declare a scoped data source (`check "c" { data "http" "probe" { } }`).
      else if (b.kind === 'check') {
        for (const d of b.blocks) if (d.type === 'data' && d.labels.length === 2) addDeclared(declaredIn, dirname(b.span.file), `data.${d.labels[0]}.${d.labels[1]}`);
      }
    }
    // A variable the task itself names as `var.x` ("name resources `app-${var.environment_suffix}`") that the
    // reference does not declare either is the project's own (its variables.tf ships with the skeleton): the
    // response adds to that project, it does not leave the variable out (read against the code: judged wrong).
    const prompt = ctx.task.prompt ?? '';
    const idealVariables = ctx.ideal ? new Set(blocksOfKind(ctx.ideal, 'variable').map((v) => `var.${v.labels[0] ?? ''}`)) : new Set<string>();
    const providedByProject = (target: string): boolean => target.startsWith('var.') && !idealVariables.has(target) && namesInText(prompt, target);
    const missing = new Map<string, Reference[]>();
    // `dynamic` iterators and `for` variables shadow everything: `local_secondary_index.value` is no resource.
    // The `from` of `moved`/`removed` is an old address that must no longer be declared.
    const bound = new Set([...locallyBoundReferences(config.blocks), ...formerAddressReferences(config.blocks)]);
    for (const ref of config.references) {
      if (ref.span && bound.has(spanKey(ref.span))) continue;
      const dir = dirname(ref.span?.file ?? '');
      if (declaredIn.get(dir)?.has(ref.target)) continue;
      if (providedByProject(ref.target)) continue;
      if (kindOf(ref.target) === 'resource') {
        const type = ref.target.split('.')[0] ?? '';
        if (!providers.has(type.split('_')[0] ?? '')) continue;
      }
      const key = `${dir}\u0000${ref.target}`;
      missing.set(key, [...(missing.get(key) ?? []), ref]);
    }
    // A module that declares nothing of a kind (no variables at all) is a response that left that file out:
    // one finding for the missing file instead of one per name.
    const byDirKind = new Map<string, Reference[]>();
    const suggest = boundedSuggester();
    // The declared names of one kind in one folder, listed once (per reference, the lists made this quadratic).
    const namesOfKind = new Map<string, string[]>();
    const declaredNames = (dir: string, kind: string): string[] => {
      const key = `${dir}\u0000${kind}`;
      let names = namesOfKind.get(key);
      if (!names) namesOfKind.set(key, (names = [...(declaredIn.get(dir) ?? [])].filter((a) => kindOf(a) === kind).map(shortName)));
      return names;
    };
    for (const refs of missing.values()) {
      const ref = refs[0]!;
      const dir = dirname(ref.span?.file ?? '');
      const kind = kindOf(ref.target);
      const candidates = declaredNames(dir, kind);
      if (!candidates.length) {
        const k = `${dir}\u0000${kind}`;
        byDirKind.set(k, [...(byDirKind.get(k) ?? []), ref]);
        continue;
      }
      const suggestion = suggest(shortName(ref.target), candidates);
      const prefix = ref.target.slice(0, ref.target.length - shortName(ref.target).length);
      ctx.report({
        ...(ref.span ? { span: ref.span } : {}),
        resource: ref.target,
        message:
          `${ref.from} references ${WORD[kind]} \`${ref.target}\`, which is not declared` +
          (suggestion ? `; did you mean \`${prefix}${suggestion}\`?` : '.'),
      });
    }
    for (const [key, refs] of byDirKind) {
      const [dir, kind] = key.split('\u0000') as [string, string];
      const names = [...new Set(refs.map((r) => r.target))].sort();
      ctx.report({
        ...(refs[0]!.span ? { span: refs[0]!.span } : {}),
        resource: `${dir || '.'}:${kind}`,
        message: `${names.length} ${WORD[kind]} reference(s) (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) but ${dir || 'the configuration'} declares no ${WORD[kind]} at all: a file is missing from the response.`,
      });
    }
  },
};

function addDeclared(m: Map<string, Set<string>>, dir: string, addr: string): void {
  const set = m.get(dir) ?? new Set<string>();
  set.add(addr);
  m.set(dir, set);
}

/** `var.x` → `x`, `aws_s3_bucket.b` → `aws_s3_bucket.b`, `data.aws_vpc.v` → `aws_vpc.v`. */
function shortName(addr: string): string {
  if (addr.startsWith('var.') || addr.startsWith('local.') || addr.startsWith('module.') || addr.startsWith('data.')) return addr.slice(addr.indexOf('.') + 1);
  return addr;
}

/** Whether `text` names `address` whole (`var.environment_suffix`, not `var.environment_suffix_long`). */
function namesInText(text: string, address: string): boolean {
  for (let i = text.indexOf(address); i >= 0; i = text.indexOf(address, i + 1)) {
    const next = text[i + address.length] ?? '';
    if (!/[A-Za-z0-9_-]/.test(next)) return true;
  }
  return false;
}


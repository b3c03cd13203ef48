import type { Block, Configuration, SourceSpan } from '../../model/types.js';
import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { deprecationFor, type DeprecationEntry } from '../../schema/curated/deprecations.js';
import { resolveTarget } from '../../schema/stage.js';
import { activeSchema } from '../../schema/index.js';
import { allBelow } from '../../schema/version.js';

/** Services AWS has retired or closed to new customers: their resource types as a whole. */
const RETIRED_SERVICES: { prefix: RegExp; what: string; replacement: string }[] = [
  { prefix: /^aws_(waf|wafregional)_/, what: 'AWS WAF Classic', replacement: 'aws_wafv2_* (WAF v2)' },
  { prefix: /^aws_codecommit_/, what: 'AWS CodeCommit (closed to new customers)', replacement: 'a GitHub/CodeStar connection or an S3 source' },
  { prefix: /^aws_launch_configuration$/, what: 'launch configurations', replacement: 'aws_launch_template' },
];

interface Use {
  key: string;
  span: SourceSpan;
  resource: string;
  text: string;
  replacement: string;
  /** First provider version that warns, where known. */
  deprecatedIn?: string | null;
}

/** Deprecated arguments set, deprecated attributes read and retired resource types used by a configuration. */
function deprecatedUses(config: Configuration): Map<string, Use> {
  const uses = new Map<string, Use>();
  const add = (u: Use) => {
    if (!uses.has(u.key)) uses.set(u.key, u);
  };
  for (const b of config.blocks) {
    if (b.kind !== 'resource' && b.kind !== 'data') continue;
    const type = b.labels[0];
    if (!type) continue;
    const kind = b.kind;
    const whole = deprecationFor(kind, type, null);
    if (whole) add({ key: `${kind}:${type}`, span: b.span, resource: blockAddress(b), text: `${kind === 'data' ? 'data source' : 'resource'} ${type}`, replacement: whole.replacement, deprecatedIn: whole.deprecatedIn });
    for (const retired of RETIRED_SERVICES) {
      if (kind === 'resource' && retired.prefix.test(type)) add({ key: `service:${retired.what}`, span: b.span, resource: blockAddress(b), text: `${type} (${retired.what})`, replacement: retired.replacement });
    }
    argumentUses(b, kind, type, [], add);
  }
  for (const ref of config.references) {
    const parts = ref.text.split('.');
    const isData = parts[0] === 'data';
    const type = isData ? parts[1] : parts[0];
    const attr = (isData ? parts[3] : parts[2])?.replace(/\[[^]*$/, '');
    if (!type?.startsWith('aws_') || !attr) continue;
    const dep = deprecationFor(isData ? 'data' : 'resource', type, attr);
    if (!dep?.readable) continue;
    const span = ref.span ?? config.blocks.find((b) => blockAddress(b) === ref.from)?.span;
    if (!span) continue;
    add({ key: `read:${isData ? 'data.' : ''}${type}.${attr}`, span, resource: ref.from, text: `attribute "${attr}" of ${type} (read as ${ref.text})`, replacement: dep.replacement, deprecatedIn: dep.deprecatedIn });
  }
  return uses;
}

function argumentUses(block: Block, kind: 'resource' | 'data', type: string, path: string[], add: (u: Use) => void): void {
  const found = (name: string, span: SourceSpan, dep: DeprecationEntry) =>
    add({ key: `arg:${kind}:${type}:${[...path, name].join('.')}`, span, resource: blockAddress(block), text: `"${[...path, name].join('.')}" on ${type}`, replacement: dep.replacement, deprecatedIn: dep.deprecatedIn });
  for (const a of block.attributes) {
    const dep = deprecationFor(kind, type, [...path, a.name].join('.'), 'argument');
    if (dep) found(a.name, a.span, dep);
  }
  for (const nb of block.blocks) {
    const name = nb.type === 'dynamic' ? (nb.labels[0] ?? '') : nb.type;
    const dep = deprecationFor(kind, type, [...path, name].join('.'));
    if (dep) found(name, nb.span, dep);
    else if (path.length < 2 && nb.type !== 'dynamic') argumentUses({ ...nb, labels: block.labels, kind: block.kind }, kind, type, [...path, name], add);
  }
}

export const rule: Rule = {
  meta: {
    id: 'deprecated-vs-reference',
    category: 'deprecated',
    severity: 'medium',
    fixClass: 'B',
    title: 'Deprecated argument, attribute or service the reference avoids',
    rootCause: 'The model writes provider and service usage from older examples (inline S3 settings, `vpc = true` on EIPs, `data.aws_region.name`, WAF Classic, CodeCommit).',
    fix: 'Use the current replacement, as the reference does.',
    fixExample: 'resource "aws_eip" "nat" {\n  domain = "vpc"\n}\n\nlocals {\n  region = data.aws_region.current.region\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade',
    knowledgeGap: 'Current AWS provider and service APIs (deprecations and retired services)',
    impact: 'Deprecation warnings today, failed plans after the next provider upgrade or service retirement.',
  },
  check(ctx) {
    const model = deprecatedUses(ctx.config);
    if (!model.size) return;
    // With a reference, only what the reference moved away from; without one, only retired services (version independent).
    const reference = ctx.ideal ? deprecatedUses(ctx.ideal) : null;
    // The reference moved away from an argument only where it still declares that resource type.
    const referenceTypes = ctx.ideal ? new Set(ctx.ideal.blocks.map((b) => `${b.kind}:${b.labels[0] ?? ''}`)) : null;
    const referenceReads = ctx.ideal ? new Set(ctx.ideal.references.map((r) => /^(data\.)?[^.]+/.exec(r.text)?.[0] ?? '')) : null;
    // The provider versions the model targets (constraint, lock file, @cdktf/provider-aws): what is deprecated only
    // in later releases does not warn there.
    const target = resolveTarget(ctx.config, ctx.task.extraFiles ?? [], activeSchema()).target;
    for (const [key, use] of model) {
      if (use.deprecatedIn && allBelow(target, use.deprecatedIn)) continue;
      if (reference ? reference.has(key) : !key.startsWith('service:')) continue;
      const arg = /^arg:([a-z]+):([^:]+):/.exec(key);
      if (arg && referenceTypes && !referenceTypes.has(`${arg[1]}:${arg[2]}`)) continue;
      // An attribute read the reference avoids only if the reference still reads that type (a partial ideal that
      // leaves out the policy reading `data.aws_region` shows nothing about how it reads the region).
      const read = /^read:(data\.)?([^.]+)\./.exec(key);
      if (read && referenceReads && !referenceReads.has(`${read[1] ?? ''}${read[2]}`)) continue;
      ctx.report({
        span: use.span,
        resource: use.resource,
        // Reading a deprecated attribute (`data.aws_region.current.name`) only warns; arguments and types fail later.
        ...(read ? { severity: 'low' as const } : {}),
        // The reference avoids the deprecated form; it need not use this replacement (it may read `.id`, or drop the block).
        message: `${use.text} is deprecated; use ${use.replacement}${reference ? ' (the reference avoids it)' : ''}.`,
      });
    }
  },
};

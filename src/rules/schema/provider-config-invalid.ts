import type { Block, SourceSpan } from '../../model/types.js';
import type { BlockSchema } from '../../schema/types.js';
import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { snakeToCamel } from '../../model/names.js';
import { expandBlock } from '../../schema/artifact.js';
import { closest } from '../../schema/suggest.js';
import { AWS_PROVIDER_CONFIG } from '../../schema/data/aws-provider-config.js';

/** Meta-arguments of a provider block (Terraform's, not the provider's). */
const PROVIDER_META_ARGUMENTS = new Set(['alias', 'version']);
/** Names Terraform reserves in provider blocks: a provider block cannot be repeated or ordered like a resource. */
const RESERVED_IN_PROVIDER = new Set(['count', 'for_each', 'depends_on', 'source']);

let schema: BlockSchema | undefined;
function providerSchema(): BlockSchema {
  schema ??= expandBlock(AWS_PROVIDER_CONFIG);
  return schema;
}

interface Problem {
  span: SourceSpan;
  text: string;
}

/**
 * What `terraform validate` (HCL) or `tsc` (CDKTF) rejects in one block of the provider configuration: arguments the
 * provider does not define (at any depth: tags written straight under `default_tags`) and, in HCL, a block written
 * as an argument (`default_tags = {...}`).
 */
function problems(block: Block, blockSchema: BlockSchema, cdktf: boolean, path: string[]): Problem[] {
  const out: Problem[] = [];
  const show = (name: string): string => [...path, cdktf ? snakeToCamel(name) : name].join('.');
  const known = [...Object.keys(blockSchema.attributes), ...Object.keys(blockSchema.blocks)];
  const unknown = (name: string, span: SourceSpan): void => {
    const hint = closest(name, known);
    out.push({ span, text: `the AWS provider configuration has no argument \`${show(name)}\`${hint ? ` (did you mean \`${show(hint)}\`?)` : ''}` });
  };
  for (const a of block.attributes) {
    if (!path.length && PROVIDER_META_ARGUMENTS.has(a.name)) continue;
    if (!path.length && !cdktf && RESERVED_IN_PROVIDER.has(a.name)) {
      out.push({ span: a.span, text: `\`${a.name}\` is reserved in a provider block ("The provider argument name "${a.name}" is reserved for use by Terraform"): write one provider block per configuration, with \`alias\`` });
      continue;
    }
    if (blockSchema.attributes[a.name]) continue;
    if (blockSchema.blocks[a.name]) {
      // CDKTF passes every block as a property; HCL must write a real block.
      if (!cdktf) out.push({ span: a.span, text: `\`${show(a.name)}\` is a block: write \`${a.name} { ... }\` without "="` });
      continue;
    }
    unknown(a.name, a.span);
  }
  for (const b of block.blocks) {
    if (b.type === 'dynamic') continue;
    // An object-valued argument the front-end kept as a nested block (`tags: { ... }` in CDKTF) is the argument.
    if (blockSchema.attributes[b.type]) continue;
    const nested = blockSchema.blocks[b.type];
    if (!nested) {
      unknown(b.type, b.span);
      continue;
    }
    // A repeated block given as one object in CDKTF is cdktf-provider-block-not-array's finding.
    if (cdktf && b.form === 'object' && (nested.nesting === 'list' || nested.nesting === 'set')) continue;
    out.push(...problems(b, nested.block, cdktf, [...path, cdktf ? snakeToCamel(b.type) : b.type]));
  }
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'provider-config-invalid',
    category: 'schema',
    severity: 'critical',
    fixClass: 'C',
    // validate or tsc rejects the configuration whatever the check's measured precision.
    blocker: true,
    title: 'AWS provider configuration the provider does not accept',
    rootCause:
      'The model writes the provider block from memory: `for_each` over regions (Terraform reserves it in provider blocks), `default_tags` as an argument, tags straight under `default_tags` instead of in its `tags` map, or arguments the provider does not have (`tags`, `resource`).',
    fix: 'Write the provider configuration with the provider\'s own arguments: `default_tags { tags = { ... } }` (CDKTF: `defaultTags: [{ tags: { ... } }]`).',
    fixExample: 'provider "aws" {\n  region = var.aws_region\n  default_tags {\n    tags = { Environment = var.environment_suffix }\n  }\n}\n\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}',
    fixExampleTs: 'new AwsProvider(this, "aws", {\n  region: "us-east-1",\n  defaultTags: [{ tags: { Environment: environmentSuffix } }],\n});',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#argument-reference',
    knowledgeGap: 'The AWS provider block\'s arguments and their shapes (default_tags is a block holding a tags map).',
    impact: '`terraform init`/`validate` fails (Unsupported argument; `for_each` is reserved in provider blocks) or, in CDKTF, `tsc` rejects the AwsProvider config (TS2353): nothing deploys.',
  },
  check(ctx) {
    const cdktf = ctx.config.platform === 'cdktf-ts';
    for (const provider of ctx.config.blocks) {
      if (provider.kind !== 'provider' || provider.labels[0] !== 'aws') continue;
      // A CDKTF config object built with spreads the front-end could not resolve is not read: what it shows may not
      // be what the constructor receives.
      if (provider.construct?.open) continue;
      const found = problems(provider, providerSchema(), cdktf, []);
      if (!found.length) continue;
      // One finding per provider block (the engine keeps one per check and address), every problem in its message.
      ctx.report({ span: found[0]!.span, resource: blockAddress(provider), message: `${found.map((p) => p.text).join('; ')}.` });
    }
  },
};

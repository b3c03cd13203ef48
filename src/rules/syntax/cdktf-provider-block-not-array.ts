import type { Rule } from '../types.js';
import { blockAddress, blocksOfKind } from '../../model/query.js';
import { isCdktfConfig } from '../util/files.js';
import { AWS_PROVIDER_CONFIG } from '../../schema/data/aws-provider-config.js';
import { snakeToCamel } from '../../model/names.js';

/**
 * Nested blocks of the AWS provider's configuration, which the CDKTF bindings type as arrays
 * (`defaultTags?: AwsProviderDefaultTags[] | IResolvable` in @cdktf/provider-aws 21): the repeated blocks of the
 * generated provider schema. A test compares the list with the installed bindings.
 */
export const AWS_PROVIDER_ARRAY_BLOCKS: readonly string[] = Object.entries(AWS_PROVIDER_CONFIG.b ?? {})
  .filter(([, [nesting]]) => nesting === 'list' || nesting === 'set')
  .map(([name]) => name)
  .sort();

export const rule: Rule = {
  meta: {
    id: 'cdktf-provider-block-not-array',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'AWS provider block given as an object where the bindings take an array',
    rootCause:
      'The model writes `defaultTags: { tags: {...} }` (the HCL block shape) on `new AwsProvider(...)`; the CDKTF bindings type the provider\'s nested blocks as arrays.',
    fix: 'Wrap the block in an array: `defaultTags: [{ tags: {...} }]`.',
    fixExample: "new AwsProvider(this, 'aws', {\n  region: 'us-east-1',\n  defaultTags: [{ tags: { Environment: environmentSuffix } }],\n});",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/providers',
    knowledgeGap: 'CDKTF provider configuration: nested blocks (defaultTags, assumeRole, endpoints) are arrays.',
    impact: '`tsc` fails (TS2322: the object is not assignable to AwsProviderDefaultTags[]), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    if (!isCdktfConfig(ctx.config)) return;
    for (const provider of blocksOfKind(ctx.config, 'provider')) {
      if (provider.labels[0] !== 'aws') continue;
      for (const nested of provider.blocks) {
        if (nested.form !== 'object' || !AWS_PROVIDER_ARRAY_BLOCKS.includes(nested.type)) continue;
        ctx.report({
          block: provider,
          span: nested.span,
          resource: blockAddress(provider),
          message: `\`${snakeToCamel(nested.type)}\` on the AWS provider is given as an object; the bindings take an array (\`${snakeToCamel(nested.type)}: [{ ... }]\`), so tsc rejects it (TS2322).`,
        });
      }
    }
  },
};

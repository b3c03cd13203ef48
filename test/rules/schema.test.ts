import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installedAwsProviderConfig, runCdktfRule, runTsSourceRule } from './helpers.js';
import { rule as untypedCamel, camelKeysInUntypedArguments, UNTYPED_ARGUMENTS } from '../../src/rules/schema/cdktf-untyped-block-camel-case.js';

const WAF = [
  "import { Construct } from 'constructs';",
  "import { TerraformStack } from 'cdktf';",
  "import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';",
  'export class TapStack extends TerraformStack {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  "    new Wafv2WebAcl(this, 'waf', {",
  "      name: 'waf',",
  "      scope: 'REGIONAL',",
  '      defaultAction: { allow: {} },',
  '      rule: [',
  '        {',
  "          name: 'rate',",
  '          priority: 1,',
  '          statement: {',
  '            rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" },',
  '          },',
  '          visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "rate", sampledRequestsEnabled: true },',
  '        },',
  '        {',
  "          name: 'common',",
  '          priority: 2,',
  "          statement: { managed_rule_group_statement: { name: 'AWSManagedRulesCommonRuleSet', vendor_name: 'AWS' } },",
  '          visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "common", sampledRequestsEnabled: true },',
  '        },',
  '      ],',
  '      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "waf", sampledRequestsEnabled: true },',
  '    });',
  '  }',
  '}',
].join('\n');

test('cdktf-untyped-block-camel-case: camelCase keys in a WAF rule statement reach Terraform unconverted', () => {
  const f = runTsSourceRule(untypedCamel, 'lib/tap-stack.ts', WAF);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['lib/tap-stack.ts:Wafv2WebAcl.statement', 16, 'schema']]);
  assert.match(f[0]!.message, /rate_based_statement/);
});

test('cdktf-untyped-block-camel-case: snake_case statements and typed arguments (visibilityConfig) are fine', () => {
  assert.deepEqual(camelKeysInUntypedArguments('a.ts', WAF.replace('rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" }', 'rate_based_statement: { limit: 2000, aggregate_key_type: "IP" }')), []);
});

test('cdktf-untyped-block-camel-case: the table lists every argument the installed bindings type as any', () => {
  const require = createRequire(import.meta.url);
  const lib = dirname(require.resolve('@cdktf/provider-aws'));
  const found: string[] = [];
  for (const dir of readdirSync(lib)) {
    const file = join(lib, dir, 'index.d.ts');
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const cls = /export declare class (\w+) extends cdktf\.TerraformResource/.exec(text)?.[1];
    for (const m of text.matchAll(/readonly (\w+)\?: any;/g)) if (cls) found.push(`${cls}.${m[1]}`);
  }
  assert.deepEqual([...new Set(found)].sort(), Object.entries(UNTYPED_ARGUMENTS).map(([c, a]) => `${c}.${a}`).sort());
});

import { rule as providerConfigInvalid } from '../../src/rules/schema/provider-config-invalid.js';
import { runRule } from './helpers.js';
import { AWS_PROVIDER_CONFIG } from '../../src/schema/data/aws-provider-config.js';

test('provider-config-invalid: for_each, default_tags as an argument and tags straight under default_tags fail validate', () => {
  const hcl = [
    'provider "aws" {',
    '  for_each = toset(["us-east-1", "us-west-2"])',
    '  region   = each.value',
    '  default_tags = {',
    '    tags = { Team = "core" }',
    '  }',
    '}',
    'provider "aws" {',
    '  alias  = "west"',
    '  region = "us-west-2"',
    '  default_tags {',
    '    Team = "core"',
    '  }',
    '}',
  ].join('\n');
  const f = runRule(providerConfigInvalid, hcl);
  assert.deepEqual(
    f.map((x) => [x.resource, x.location.line, x.category, x.severity]),
    [
      ['provider.aws', 2, 'schema', 'critical'],
      ['provider.aws.west', 12, 'schema', 'critical'],
    ],
  );
  assert.match(f[0]!.message, /`for_each` is reserved in a provider block.*; `default_tags` is a block/);
  assert.match(f[1]!.message, /no argument `default_tags\.Team`/);
});

test('provider-config-invalid: a well-formed provider block, aliases and a versioned block are fine', () => {
  const hcl =
    'provider "aws" {\n  region = var.aws_region\n  default_tags {\n    tags = { Team = "core" }\n  }\n  assume_role {\n    role_arn = var.role\n  }\n}\nprovider "aws" {\n  alias   = "west"\n  version = "~> 5.0"\n  region  = "us-west-2"\n}\n';
  assert.deepEqual(runRule(providerConfigInvalid, hcl), []);
});

test('provider-config-invalid: CDKTF AwsProvider with a property the bindings do not have (TS2353); a valid config passes', () => {
  const stack = (config: string) =>
    [
      "import { Construct } from 'constructs';",
      "import { TerraformStack } from 'cdktf';",
      "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
      'export class TapStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      `    new AwsProvider(this, 'aws', ${config});`,
      '  }',
      '}',
    ].join('\n');
  const run = (src: string) => runCdktfRule(providerConfigInvalid, src);
  const f = run(stack("{ region: 'us-east-1', resource: { type: 'aws_lb_target_group' } }"));
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line]), [['provider.aws', 'lib/tap-stack.ts', 7]]);
  assert.match(f[0]!.message, /no argument `resource`/);
  assert.deepEqual(run(stack("{ region: 'us-east-1', defaultTags: [{ tags: { Team: 'core' } }], skipCredentialsValidation: true }")), []);
  // One object where the bindings take an array is cdktf-provider-block-not-array's finding, not this one's.
  assert.deepEqual(run(stack("{ region: 'us-east-1', defaultTags: { tags: { Team: 'core' } } }")), []);
});

test('provider-config-invalid: the generated provider schema is the installed AwsProviderConfig', () => {
  const config = installedAwsProviderConfig();
  // jsii camelCases digits away (`s3UsEast1RegionalEndpoint` is s3_us_east_1_regional_endpoint): compare folded.
  const fold = (name: string) => name.replace(/_/g, '').toLowerCase();
  const props = [...config.matchAll(/readonly (\w+)\?:/g)].map((m) => fold(m[1]!));
  const generated = [...Object.keys(AWS_PROVIDER_CONFIG.a ?? {}), ...Object.keys(AWS_PROVIDER_CONFIG.b ?? {})];
  assert.deepEqual(generated.map(fold).sort(), [...new Set(props)].sort());
});

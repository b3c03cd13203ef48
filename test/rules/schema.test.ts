import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { configFromHcl, makeTask } from './helpers.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
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
  const config = { ...configFromHcl({}), files: [{ path: 'lib/tap-stack.ts', language: 'ts', content: WAF }] };
  const f = runRulesDetailed([untypedCamel], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
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

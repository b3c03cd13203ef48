import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installedAwsProviderConfig, makeTask, runCdktfRule, runTsSourceRule } from './helpers.js';
import { rule } from '../../src/rules/syntax/response-truncated.js';
import { extractResponse } from '../../src/extract/index.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

function findings(markdown: string) {
  const model = extractResponse(markdown, 'lib/MODEL_RESPONSE.md');
  return runRulesDetailed([rule], parseHclFiles(model.files), makeTask({ modelResponse: model }), DEFAULT_CONVENTIONS).findings;
}

const HEAD = '## main.tf\n\n```hcl\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({\n';

test('response-truncated: a response that stops inside a block is one critical blocker at the cut', () => {
  const f = findings(HEAD);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.equal(f[0]!.resource, 'aws_iam_policy.p');
  assert.deepEqual(f[0]!.location, { file: 'lib/main.tf', line: 6 });
  assert.match(f[0]!.message, /stops at lib\/MODEL_RESPONSE\.md:9 inside 3 unclosed brackets in `aws_iam_policy\.p`/);
});

test('response-truncated: a complete response, or one that only lost its closing fence, is not cut', () => {
  assert.equal(findings(`${HEAD}    Version = "2012-10-17"\n  })\n}\n\`\`\`\n`).length, 0);
  assert.equal(findings(`${HEAD}    Version = "2012-10-17"\n  })\n}\n`).length, 0);
  // The rule reads the response its configuration came from: the ideal's configuration never reports the model's cut.
  const model = extractResponse(HEAD, 'lib/MODEL_RESPONSE.md');
  const ideal = extractResponse('## main.tf\n\n```hcl\nresource "aws_sqs_queue" "q" {}\n```\n', 'lib/IDEAL_RESPONSE.md');
  const onIdeal = runRulesDetailed([rule], parseHclFiles(ideal.files), makeTask({ modelResponse: model, idealResponse: ideal }), DEFAULT_CONVENTIONS);
  assert.equal(onIdeal.findings.length, 0);
});

import { rule as stackMethodUndefined, undefinedThisCalls, TERRAFORM_STACK_MEMBERS, CONSTRUCT_MEMBERS } from '../../src/rules/syntax/cdktf-stack-method-undefined.js';
import { configFromHcl } from './helpers.js';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const STACK = [
  "import { Construct } from 'constructs';",
  "import { TerraformStack, TerraformOutput } from 'cdktf';",
  'export class TapStack extends TerraformStack {',
  '  constructor(scope: Construct, id: string, private readonly config: { name: string }) {',
  '    super(scope, id);',
  "    this.addOutput('vpc-id', { value: 'x' });",
  "    this.addOutput('subnet-ids', { value: 'y' });",
  "    this.addOverride('terraform.backend', {});",
  '    this.tags();',
  '    [1].forEach(() => this.tags());',
  "    new TerraformOutput(this, 'ok', { value: this.config.name });",
  '  }',
  '  private tags() {',
  '    return {};',
  '  }',
  '}',
].join('\n');

test('cdktf-stack-method-undefined: this.addOutput on a TerraformStack does not compile; own and inherited methods do', () => {
  const f = runTsSourceRule(stackMethodUndefined, 'lib/tap-stack.ts', STACK);
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.category, x.severity]), [['lib/tap-stack.ts:TapStack.addOutput', 'lib/tap-stack.ts', 6, 'syntax', 'critical']]);
  assert.match(f[0]!.message, /line 6 and 1 more.*TS2339.*TerraformOutput/);
});

test('cdktf-stack-method-undefined: a class that writes the helper, a non-CDKTF base, or a function expression is not reported', () => {
  const own = STACK.replace('  private tags() {', '  private addOutput(id: string, o: unknown) {\n    return [id, o];\n  }\n  private tags() {');
  assert.deepEqual(undefinedThisCalls('a.ts', own), []);
  assert.deepEqual(undefinedThisCalls('a.ts', STACK.replace("from 'cdktf'", "from './base'")), []);
  const rebound = STACK.replace("    this.addOutput('vpc-id', { value: 'x' });\n    this.addOutput('subnet-ids', { value: 'y' });", '    const f = function (this: any) { this.anything(); };');
  assert.deepEqual(undefinedThisCalls('a.ts', rebound), []);
});

test('cdktf-stack-method-undefined: the base-class member lists match the installed cdktf and constructs declarations', () => {
  const require = createRequire(import.meta.url);
  const members = (file: string, cls: string): string[] => {
    const text = readFileSync(file, 'utf8');
    const body = text.slice(text.indexOf(`export declare class ${cls} `));
    const end = body.indexOf('\n}');
    return [...body.slice(0, end).matchAll(/^ {4}(?:readonly |protected |abstract )*([A-Za-z_]\w*)\??[(:<]/gm)].map((m) => m[1]!).filter((n) => n !== 'constructor');
  };
  // Each package's main file sits in its lib/ folder, next to the declarations.
  const libOf = (pkg: string) => dirname(require.resolve(pkg, { paths: [dirname(require.resolve('@cdktf/provider-aws'))] }));
  const stackFile = join(libOf('cdktf'), 'terraform-stack.d.ts');
  const constructFile = join(libOf('constructs'), 'construct.d.ts');
  assert.ok(existsSync(stackFile) && existsSync(constructFile));
  assert.deepEqual([...TERRAFORM_STACK_MEMBERS].sort(), members(stackFile, 'TerraformStack').sort());
  assert.deepEqual([...CONSTRUCT_MEMBERS].sort(), members(constructFile, 'Construct').sort());
});

import { rule as nestedStack, nestedStacks } from '../../src/rules/syntax/cdktf-nested-stack.js';

const NESTED = {
  'lib/tap-stack.ts': [
    "import { Construct } from 'constructs';",
    "import { TerraformStack } from 'cdktf';",
    "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
    "import { NetworkStack } from './network-stack';",
    'export class TapStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    new AwsProvider(this, 'aws', { region: 'us-east-1' });",
    "    new NetworkStack(this, 'network');",
    '  }',
    '}',
  ].join('\n'),
  'lib/network-stack.ts': [
    "import { Construct } from 'constructs';",
    "import { TerraformStack } from 'cdktf';",
    "import { Vpc } from '@cdktf/provider-aws/lib/vpc';",
    'export class NetworkStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16' });",
    '  }',
    '}',
  ].join('\n'),
};

test('cdktf-nested-stack: a TerraformStack subclass created inside another stack fails synth without its own provider', () => {
  const config = { ...configFromHcl({}), files: Object.entries(NESTED).map(([path, content]) => ({ path, language: 'ts', content })) };
  const f = runRulesDetailed([nestedStack], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.severity]), [['lib/tap-stack.ts:TapStack', 'lib/tap-stack.ts', 9, 'critical']]);
  assert.match(f[0]!.message, /NetworkStack declares no provider, so `cdktf synth` fails/);
});

test('cdktf-nested-stack: stacks created side by side in main.ts, or parts that are Constructs, are fine', () => {
  const asConstruct = { ...NESTED, 'lib/network-stack.ts': NESTED['lib/network-stack.ts'].replace('extends TerraformStack', 'extends Construct') };
  assert.deepEqual(nestedStacks(Object.entries(asConstruct).map(([path, content]) => ({ path, content }))), []);
  const main = "import { App } from 'cdktf';\nimport { TapStack } from './lib/tap-stack';\nimport { NetworkStack } from './lib/network-stack';\nconst app = new App();\nnew TapStack(app, 'tap');\nnew NetworkStack(app, 'net');\napp.synth();\n";
  const siblings = { ...NESTED, 'lib/tap-stack.ts': NESTED['lib/tap-stack.ts'].replace("    new NetworkStack(this, 'network');\n", ''), 'main.ts': main };
  assert.deepEqual(nestedStacks(Object.entries(siblings).map(([path, content]) => ({ path, content }))), []);
});

import { rule as providerBlockNotArray, AWS_PROVIDER_ARRAY_BLOCKS } from '../../src/rules/syntax/cdktf-provider-block-not-array.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';

const PROVIDER = (defaultTags: string) =>
  [
    "import { Construct } from 'constructs';",
    "import { TerraformStack } from 'cdktf';",
    "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
    'export class TapStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    new AwsProvider(this, 'aws', {",
    "      region: 'us-east-1',",
    `      defaultTags: ${defaultTags},`,
    '    });',
    '  }',
    '}',
  ].join('\n');

test('cdktf-provider-block-not-array: defaultTags as an object does not compile; as an array it does', () => {
  const run = (src: string) => runCdktfRule(providerBlockNotArray, src);
  const f = run(PROVIDER("{ tags: { Project: 'tap' } }"));
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.severity]), [['provider.aws', 'lib/tap-stack.ts', 9, 'critical']]);
  assert.match(f[0]!.message, /`defaultTags: \[\{ \.\.\. \}\]`/);
  assert.deepEqual(run(PROVIDER("[{ tags: { Project: 'tap' } }]")), []);
});

test('cdktf-provider-block-not-array: the list matches the array-typed blocks of the installed AwsProvider bindings', () => {
  const config = installedAwsProviderConfig();
  const arrays = [...config.matchAll(/readonly (\w+)\?: AwsProvider\w+\[\] \| cdktf\.IResolvable;/g)].map((m) => m[1]!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  assert.deepEqual([...AWS_PROVIDER_ARRAY_BLOCKS].sort(), arrays.sort());
});

import { rule as duplicateConstructId, duplicateConstructIds } from '../../src/rules/syntax/cdktf-duplicate-construct-id.js';

test('cdktf-duplicate-construct-id: two constructs with one id in a scope make synth throw; branches and other scopes do not', () => {
  const src = [
    "import { Construct } from 'constructs';",
    "import { TerraformStack, TerraformVariable, TerraformOutput } from 'cdktf';",
    'export class TapStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    "    const bucket = new TerraformVariable(this, 'bucket_name', { type: 'string' });",
    "    new TerraformOutput(this, 'bucket_name', { value: bucket.stringValue });",
    "    if (id === 'a') { new TerraformOutput(this, 'x', { value: 1 }); } else { new TerraformOutput(this, 'x', { value: 2 }); }",
    '  }',
    '}',
  ].join('\n');
  assert.deepEqual(duplicateConstructIds('lib/tap-stack.ts', src), [{ id: 'bucket_name', className: 'TapStack', lines: [6, 7] }]);
  const f = runTsSourceRule(duplicateConstructId, 'lib/tap-stack.ts', src);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.severity]), [['lib/tap-stack.ts:TapStack:bucket_name', 7, 'critical']]);
  assert.deepEqual(duplicateConstructIds('a.ts', src.replace("new TerraformOutput(this, 'bucket_name'", "new TerraformOutput(this, 'bucket_name_output'")), []);
});

import { rule as fnMemberUndefined, undefinedFnMembers, FN_MEMBERS } from '../../src/rules/syntax/cdktf-fn-member-undefined.js';

const FN_STACK = [
  "import { Construct } from 'constructs';",
  "import { TerraformStack, Fn } from 'cdktf';",
  'export class TapStack extends TerraformStack {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  '    const password = Fn.random(32);',
  "    const doc = Fn.jsondecode('{}');",
  '    const again = Fn.random(16);',
  '    // Fn.notAFunction() in a comment is not code',
  '    const n = Fn.lengthOf([password, doc, again]);',
  '  }',
  '}',
].join('\n');

test('cdktf-fn-member-undefined: Fn.random does not compile; Terraform functions and comments are fine', () => {
  const f = runTsSourceRule(fnMemberUndefined, 'lib/tap-stack.ts', FN_STACK);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['lib/tap-stack.ts:Fn.random', 6, 'syntax']]);
  assert.match(f[0]!.message, /line 6 and 1 more.*TS2339.*RandomId/);
});

test('cdktf-fn-member-undefined: an Fn not imported from cdktf is not judged', () => {
  assert.deepEqual(undefinedFnMembers('a.ts', FN_STACK.replace("import { TerraformStack, Fn } from 'cdktf';", "import { TerraformStack } from 'cdktf';\nimport { Fn } from './helpers';")), []);
});

test('cdktf-fn-member-undefined: the member list matches the installed cdktf declarations of Fn and FnGenerated', () => {
  const require = createRequire(import.meta.url);
  const lib = dirname(require.resolve('cdktf', { paths: [dirname(require.resolve('@cdktf/provider-aws'))] }));
  const statics = (file: string): string[] => [...readFileSync(join(lib, file), 'utf8').matchAll(/^\s+static ([A-Za-z0-9_]+)/gm)].map((m) => m[1]!);
  const installed = new Set([...statics('terraform-functions.d.ts'), ...statics('functions/terraform-functions.generated.d.ts')]);
  assert.ok(installed.size > 100);
  assert.deepEqual([...FN_MEMBERS].sort(), [...installed].sort());
});

import { rule as stringInterpolation, policyVariableRule, interpolations, interpolationKind } from '../../src/rules/reference/cdktf-string-interpolation-invalid.js';

const QUOTED = [
  "import { Construct } from 'constructs';",
  "import { TerraformStack } from 'cdktf';",
  "import { RdsCluster } from '@cdktf/provider-aws/lib/rds-cluster';",
  "import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';",
  'export class TapStack extends TerraformStack {',
  '  constructor(scope: Construct, id: string, suffix: string) {',
  '    super(scope, id);',
  "    new RdsCluster(this, 'db', {",
  "      clusterIdentifier: `db-${suffix}`,",
  "      finalSnapshotIdentifier: 'db-final-${Date.now()}',",
  '    });',
  "    new IamPolicy(this, 'mfa', {",
  "      name: 'mfa',",
  "      policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }] }),",
  '    });',
  "    new IamPolicy(this, 'escaped', {",
  "      name: 'escaped-${var.env}',",
  "      policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/$${aws:username}' }] }),",
  '    });',
  '  }',
  '}',
].join('\n');

test('cdktf-string-interpolation-invalid: a TypeScript value or an IAM policy variable in a quoted string breaks the synthesized configuration', () => {
  const config = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content: QUOTED }]);
  const f = runRulesDetailed([stringInterpolation, policyVariableRule], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
  assert.deepEqual(f.map((x) => [x.ruleId, x.category, x.resource, x.location.line]), [
    ['cdktf-string-interpolation-invalid', 'reference', 'aws_rds_cluster.db', 10],
    ['cdktf-policy-variable-unescaped', 'syntax', 'aws_iam_policy.mfa', 14],
  ]);
  assert.match(f[0]!.message, /Date\.now\(\).*template literal/);
  assert.match(f[1]!.message, /policy variable.*\$\$\{aws:username\}/);
});

test('cdktf-string-interpolation-invalid: Terraform expressions, escapes and unclosed braces are not reported', () => {
  assert.deepEqual(interpolations('a-$${aws:username}-${var.x}-${upper(local.y)}-${unclosed'), ['var.x', 'upper(local.y)']);
  assert.deepEqual(['var.x', 'aws_s3_bucket.b.arn', 'upper(local.y)', 'data.aws_region.current.name', '"quoted"'].map(interpolationKind), ['hcl', 'hcl', 'hcl', 'hcl', 'hcl']);
  assert.deepEqual(['aws:username', 'Date.now()', 'bucket.id', 'random_id', 'environment'].map(interpolationKind), ['policy-variable', 'typescript', 'typescript', 'typescript', 'typescript']);
});

import { rule as moduleSuper, moduleSuperCallsWithoutOptions } from '../../src/rules/syntax/cdktf-module-super-arguments.js';

const MODULES = [
  "import { Construct } from 'constructs';",
  "import { TerraformModule } from 'cdktf';",
  'export class KmsModule extends TerraformModule {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  '  }',
  '}',
  'export class VpcModule extends TerraformModule {',
  '  constructor(scope: Construct, id: string) {',
  "    super(scope, id, { source: 'terraform-aws-modules/vpc/aws' });",
  '  }',
  '}',
  'export class Network extends Construct {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  '  }',
  '}',
].join('\n');

test('cdktf-module-super-arguments: super(scope, id) of a TerraformModule subclass does not compile', () => {
  const f = runTsSourceRule(moduleSuper, 'lib/modules.ts', MODULES);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['lib/modules.ts:KmsModule', 5, 'syntax']]);
  assert.match(f[0]!.message, /TS2554/);
});

test('cdktf-module-super-arguments: a module call with options, a Construct, or a TerraformModule not from cdktf is fine', () => {
  assert.deepEqual(moduleSuperCallsWithoutOptions('a.ts', MODULES.replace('    super(scope, id);\n  }\n}\nexport class VpcModule', "    super(scope, id, { source: './kms' });\n  }\n}\nexport class VpcModule")), []);
  assert.deepEqual(moduleSuperCallsWithoutOptions('a.ts', MODULES.replace("from 'cdktf'", "from './base'")), []);
});

import { rule as countAndForEach } from '../../src/rules/syntax/count-and-for-each.js';
import { runRule } from './helpers.js';

test('count-and-for-each: a block with both meta-arguments fails validate; a dynamic block for_each is not one', () => {
  const tf = `resource "aws_iam_role_policy_attachment" "prod" {
  count      = var.is_production ? 1 : 0
  for_each   = toset(var.policies)
  role       = aws_iam_role.operator.name
  policy_arn = each.value
}
resource "aws_security_group" "web" {
  count = var.enabled ? 1 : 0
  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port = ingress.value
      to_port   = ingress.value
      protocol  = "tcp"
    }
  }
}`;
  const f = runRule(countAndForEach, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_iam_role_policy_attachment.prod', 2]]);
});

import { rule as variableDefaultNotConstant } from '../../src/rules/syntax/variable-default-not-constant.js';

test('variable-default-not-constant: a default built from inputs or functions fails init; literals, lists and maps of literals are fine', () => {
  const hcl = 'variable "project" {\n  default = "app"\n}\n\nvariable "roles" {\n  type = map(string)\n  default = {\n    admin = "${var.project}-admin"\n  }\n}\n\nvariable "azs" {\n  default = ["us-east-1a", "us-east-1b"]\n}\n\nvariable "stamp" {\n  default = timestamp()\n}\n';
  const f = runRule(variableDefaultNotConstant, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['var.roles', 7], ['var.stamp', 17]]);
  assert.match(f[0]!.message, /uses the reference `var\.project`/);
  assert.match(f[1]!.message, /uses the function call `timestamp\(\)`/);
});

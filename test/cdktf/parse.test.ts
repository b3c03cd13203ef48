import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { attr, attrExpr, childBlocks, exprToText, literalValue } from '../../src/model/query.js';
import type { Configuration, Expr } from '../../src/model/types.js';
import { block, fixture, testSchema, ts } from './helpers.js';

function tapConfig(schema: typeof testSchema | null = testSchema): Configuration {
  return parseCdktfFiles([fixture('tap-stack.ts.txt', 'lib/tap-stack.ts'), fixture('tap.ts.txt', 'bin/tap.ts')], 'cdktf-ts', { schema });
}

const text = (e: Expr | undefined): string => (e ? exprToText(e) : '<none>');

test('named imports: resource, data, provider and other-provider classes map to Terraform types', () => {
  const c = tapConfig();
  assert.equal(c.platform, 'cdktf-ts');
  const bucket = block(c, 'aws_s3_bucket.data_bucket');
  assert.equal(bucket.kind, 'resource');
  assert.equal(bucket.type, 'resource');
  assert.deepEqual(bucket.construct, { className: 'S3Bucket', id: 'data_bucket' });
  assert.equal(block(c, 'aws_s3_bucket_public_access_block.data_bucket_pab').labels[0], 'aws_s3_bucket_public_access_block');
  assert.equal(block(c, 'data.aws_caller_identity.current').kind, 'data');
  assert.equal(block(c, 'random_password.db_password').kind, 'resource');
  const provider = block(c, 'provider.aws');
  assert.equal(text(attrExpr(provider, 'region')), 'var.awsRegion');
  assert.equal(childBlocks(provider, 'default_tags')[0]?.form, 'array-item');
});

test('array-for-object: serverSideEncryption: [{...}] is an array-item server_side_encryption block', () => {
  for (const schema of [testSchema, null]) {
    const table = block(tapConfig(schema), 'aws_dynamodb_table.orders');
    const sse = childBlocks(table, 'server_side_encryption');
    assert.equal(sse.length, 1);
    assert.equal(sse[0]!.kind, 'nested');
    assert.equal(sse[0]!.form, 'array-item');
    assert.equal(literalValue(attrExpr(sse[0]!, 'enabled')), true);
    const pitr = childBlocks(table, 'point_in_time_recovery');
    assert.equal(pitr[0]?.form, 'object');
    assert.deepEqual(
      childBlocks(table, 'attribute').map((b) => b.form),
      ['array-item'],
    );
  }
});

test('object-for-array and arrays of blocks: security group ingress list becomes one block per element', () => {
  const c = parseCdktfFiles([fixture('namespace-imports.ts.txt', 'lib/ns.ts')], 'cdktf-ts', { schema: testSchema });
  const sg = block(c, 'aws_security_group.web');
  const ingress = childBlocks(sg, 'ingress');
  assert.equal(ingress.length, 2);
  assert.deepEqual(ingress.map((b) => b.form), ['array-item', 'array-item']);
  assert.equal(literalValue(attrExpr(ingress[1]!, 'from_port')), 80);
  assert.equal(text(attrExpr(ingress[0]!, 'cidr_blocks')), '["0.0.0.0/0"]');
  // A set block written as a single object literal keeps form 'object' (object-for-array).
  const single = parseCdktfFiles(
    [ts('lib/s.ts', `import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';\nnew SecurityGroup(this, 'one', { ingress: { fromPort: 22, toPort: 22, protocol: 'tcp' } });`)],
    'cdktf-ts',
    { schema: testSchema },
  );
  const one = childBlocks(block(single, 'aws_security_group.one'), 'ingress');
  assert.equal(one.length, 1);
  assert.equal(one[0]!.form, 'object');
});

test('map attributes keep their keys; nested block members are snake_cased', () => {
  for (const schema of [testSchema, null]) {
    const fn = block(tapConfig(schema), 'aws_lambda_function.handler');
    assert.equal(text(attrExpr(fn, 'function_name')), '"handler-${var.environmentSuffix}"');
    assert.equal(text(attrExpr(fn, 'memory_size')), 'var.environmentSuffix == "prod" ? 1024 : 256');
    const env = childBlocks(fn, 'environment');
    assert.equal(env.length, 1);
    assert.equal(env[0]!.form, 'object');
    const vars = attrExpr(env[0]!, 'variables');
    assert.equal(vars?.kind, 'object');
    assert.deepEqual(
      vars.kind === 'object' ? vars.entries.map((e) => e.key) : [],
      ['TABLE_NAME', 'BUCKET_ARN', 'build_id'],
    );
    const bucket = block(tapConfig(schema), 'aws_s3_bucket.data_bucket');
    const tags = attrExpr(bucket, 'tags');
    assert.equal(text(tags), '{Project = "tap", Owner = "platform", Name = "tap-data-${var.environmentSuffix}"}');
  }
});

test('ApiGatewayMethod httpMethod "*" is an aws_api_gateway_method with http_method literal "*"', () => {
  const m = block(tapConfig(), 'aws_api_gateway_method.any_method');
  assert.deepEqual(attrExpr(m, 'http_method'), {
    kind: 'literal',
    value: '*',
    span: { file: 'lib/tap-stack.ts', line: 85, column: 19, endLine: 85, endColumn: 22 },
  });
  assert.equal(attr(m, 'http_method')?.span.line, 85);
});

test('template literal names with the suffix become templates with a var.environmentSuffix part', () => {
  const name = attrExpr(block(tapConfig(), 'aws_dynamodb_table.orders'), 'name');
  assert.equal(name?.kind, 'template');
  assert.deepEqual(
    name?.kind === 'template' ? name.parts.map((p) => (p.kind === 'reference' ? p.parts : p.kind === 'literal' ? p.value : p.kind)) : [],
    ['orders-', ['var', 'environmentSuffix']],
  );
});

test('stack props become variables with defaults from fallbacks and from the bin/ instantiation', () => {
  const c = tapConfig();
  const suffix = block(c, 'variable.environmentSuffix');
  assert.equal(literalValue(attrExpr(suffix, 'default')), 'dev');
  assert.equal(literalValue(attrExpr(block(c, 'variable.awsRegion'), 'default')), 'us-east-1');
  // No fallback in the stack: the literal passed by bin/tap.ts is the default.
  assert.equal(literalValue(attrExpr(block(c, 'variable.stateBucket'), 'default')), 'iac-state-bucket');
  assert.ok(c.symbols.has('var.environmentSuffix'));
  assert.ok(c.references.some((r) => r.from === 'aws_s3_bucket.data_bucket' && r.target === 'var.environmentSuffix'));
  // A TerraformVariable is a variable block named by its construct id, read through .stringValue.
  const alert = block(c, 'variable.alert_email');
  assert.equal(text(attrExpr(alert, 'type')), 'string');
  assert.equal(text(attrExpr(block(c, 'output.alerts'), 'value')), 'var.alert_email');
});

test('cross-construct references and data source attributes', () => {
  const c = tapConfig();
  assert.equal(text(attrExpr(block(c, 'aws_s3_bucket_public_access_block.data_bucket_pab'), 'bucket')), 'aws_s3_bucket.data_bucket.id');
  const fn = block(c, 'aws_lambda_function.handler');
  assert.equal(text(attrExpr(fn, 'role')), 'aws_iam_role.fn_role.arn');
  assert.equal(text(attrExpr(fn, 'depends_on')), '[aws_dynamodb_table.orders]');
  assert.equal(text(attrExpr(block(c, 'output.account'), 'value')), 'data.aws_caller_identity.current.account_id');
  assert.equal(text(attrExpr(block(c, 'output.function_arn'), 'description')), 'join("-", ["fn", var.environmentSuffix])');
  assert.ok(c.references.some((r) => r.from === 'aws_lambda_function.handler' && r.target === 'aws_dynamodb_table.orders'));
});

test('JSON.stringify policy documents become jsonencode calls over the object', () => {
  const role = block(tapConfig(), 'aws_iam_role.fn_role');
  const policy = attrExpr(role, 'assume_role_policy');
  assert.equal(policy?.kind, 'call');
  if (policy?.kind !== 'call') return;
  assert.equal(policy.name, 'jsonencode');
  const doc = policy.args[0];
  assert.equal(doc?.kind, 'object');
  assert.equal(
    text(doc),
    '{Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "lambda.amazonaws.com"}}]}',
  );
});

test('unresolvable expressions stay opaque with their source text', () => {
  const c = tapConfig();
  assert.deepEqual(
    (({ kind, text: t }) => ({ kind, text: t }))(attrExpr(block(c, 'output.region_from_env'), 'value') as { kind: string; text: string }),
    { kind: 'opaque', text: 'process.env.AWS_REGION' },
  );
  const backend = childBlocks(block(c, 'terraform'), 'backend')[0]!;
  assert.deepEqual(backend.labels, ['s3']);
  assert.equal(text(attrExpr(backend, 'key')), '"${var.environmentSuffix}/${id}.tfstate"');
});

test('addOverride lands on the backend block and on the resource', () => {
  const c = tapConfig();
  const backend = childBlocks(block(c, 'terraform'), 'backend')[0]!;
  assert.equal(literalValue(attrExpr(backend, 'use_lockfile')), true);
  const lifecycle = childBlocks(block(c, 'aws_dynamodb_table.orders'), 'lifecycle');
  assert.equal(literalValue(attrExpr(lifecycle[0]!, 'prevent_destroy')), true);
});

test('namespace, root-member and aliased imports; acronyms and digits in class names', () => {
  for (const schema of [testSchema, null]) {
    const c = parseCdktfFiles([fixture('namespace-imports.ts.txt', 'lib/ns.ts')], 'cdktf-ts', { schema });
    assert.equal(block(c, 'aws_vpc.main').construct?.className, 'Vpc');
    assert.equal(block(c, 'aws_s3_bucket.logs').kind, 'resource');
    assert.equal(block(c, 'aws_s3_bucket.aliased').construct?.className, 'S3Bucket');
    assert.equal(text(attrExpr(block(c, 'aws_s3_bucket.aliased'), 'logging_config')), 'aws_s3_bucket.logs.bucket');
    assert.equal(block(c, 'aws_route53_record.www').kind, 'resource');
    assert.equal(block(c, 'aws_wafv2_web_acl.acl').kind, 'resource');
    assert.equal(block(c, 'data.aws_vpc.default_vpc').kind, 'data');
    assert.equal(text(attrExpr(block(c, 'aws_security_group.web'), 'vpc_id')), 'aws_vpc.main.id');
  }
});

test('class names the schema spells differently are found by folded name', () => {
  const c = parseCdktfFiles(
    [
      ts(
        'lib/x.ts',
        [
          `import * as aws from '@cdktf/provider-aws';`,
          `import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';`,
          `new aws.route53DomainsDomain.Route53DomainsDomain(this, 'd', { domainName: 'example.com' });`,
          `new S3BucketVersioningA(this, 'v', { bucket: 'b', versioningConfiguration: { status: 'Enabled' } });`,
          `new aws.vpc.Vpc(this, 'v6', { ipv6CidrBlock: '::/56' });`,
        ].join('\n'),
      ),
    ],
    'cdktf-ts',
    { schema: testSchema },
  );
  assert.equal(block(c, 'aws_route53domains_domain.d').kind, 'resource');
  assert.equal(childBlocks(block(c, 'aws_s3_bucket_versioning.v'), 'versioning_configuration')[0]?.form, 'object');
  assert.equal(text(attrExpr(block(c, 'aws_vpc.v6'), 'ipv6_cidr_block')), '"::/56"');
});

test('const bindings, spreads, ternaries and cycles resolve statically', () => {
  const c = parseCdktfFiles(
    [
      ts(
        'lib/consts.ts',
        [
          `import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';`,
          `const base = { Team: 'data' };`,
          `const env = 'prod';`,
          `const name = \`logs-\${env}\`;`,
          `const a = b;`,
          `const b = a;`,
          `const big = env === 'prod' ? 'large' : 'small';`,
          `new S3Bucket(this, 'b', { bucket: name, forceDestroy: a, tags: { ...base, Size: big }, acl: 'private' + '-' + env });`,
        ].join('\n'),
      ),
    ],
    'cdktf-ts',
    { schema: null },
  );
  const b = block(c, 'aws_s3_bucket.b');
  assert.deepEqual(literalValue(attrExpr(b, 'bucket')), 'logs-prod');
  assert.equal(attrExpr(b, 'force_destroy')?.kind, 'opaque');
  assert.equal(text(attrExpr(b, 'tags')), '{Team = "data", Size = "prod" == "prod" ? "large" : "small"}');
  assert.equal(literalValue(attrExpr(b, 'acl')), 'private-prod');
});

test('project constructs: this.x members, child construct props and factory functions', () => {
  const c = parseCdktfFiles(
    [
      ts(
        'lib/network.ts',
        [
          `import { Construct } from 'constructs';`,
          `import { Vpc } from '@cdktf/provider-aws/lib/vpc';`,
          `import { Subnet } from '@cdktf/provider-aws/lib/subnet';`,
          `export interface NetworkProps { cidr: string; environmentSuffix: string }`,
          `export class Network extends Construct {`,
          `  public readonly vpc: Vpc;`,
          `  constructor(scope: Construct, id: string, props: NetworkProps) {`,
          `    super(scope, id);`,
          `    this.vpc = new Vpc(this, 'vpc', { cidrBlock: props.cidr });`,
          `    this.addSubnet(props);`,
          `  }`,
          `  private addSubnet(props: NetworkProps) {`,
          `    new Subnet(this, 'subnet', { vpcId: this.vpc.id, tags: { Name: \`subnet-\${props.environmentSuffix}\` } });`,
          `  }`,
          `}`,
          `export function logBucket(scope: Construct, bucketName: string) {`,
          `  return new Vpc(scope, 'factory_vpc', { tags: { Name: bucketName } });`,
          `}`,
        ].join('\n'),
      ),
      ts(
        'lib/tap-stack.ts',
        [
          `import { TerraformStack } from 'cdktf';`,
          `import { Network } from './network';`,
          `import { Instance } from '@cdktf/provider-aws/lib/instance';`,
          `export class TapStack extends TerraformStack {`,
          `  constructor(scope: any, id: string) {`,
          `    super(scope, id);`,
          `    const net = new Network(this, 'net', { cidr: '10.1.0.0/16', environmentSuffix: 'x' });`,
          `    new Instance(this, 'web', { subnetId: net.vpc.id, ami: 'ami-1' });`,
          `  }`,
          `}`,
        ].join('\n'),
      ),
    ],
    'cdktf-ts',
    { schema: null },
  );
  assert.equal(text(attrExpr(block(c, 'aws_vpc.vpc'), 'cidr_block')), 'var.cidr');
  assert.equal(literalValue(attrExpr(block(c, 'variable.cidr'), 'default')), '10.1.0.0/16');
  assert.equal(text(attrExpr(block(c, 'aws_subnet.subnet'), 'vpc_id')), 'aws_vpc.vpc.id');
  assert.equal(text(attrExpr(block(c, 'aws_subnet.subnet'), 'tags')), '{Name = "subnet-${var.environmentSuffix}"}');
  assert.equal(text(attrExpr(block(c, 'aws_vpc.factory_vpc'), 'tags')), '{Name = var.bucketName}');
  assert.equal(text(attrExpr(block(c, 'aws_instance.web'), 'subnet_id')), 'aws_vpc.vpc.id');
});

test('arrays of constructs: push/map collections read as counted resources', () => {
  const c = parseCdktfFiles(
    [
      ts(
        'lib/subnets.ts',
        [
          `import { Subnet } from '@cdktf/provider-aws/lib/subnet';`,
          `import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';`,
          `import { Lb } from '@cdktf/provider-aws/lib/lb';`,
          `const azs = ['a', 'b'];`,
          `const publicSubnets = azs.map((az, i) => new Subnet(this, \`public-\${i}\`, { availabilityZone: az }));`,
          `const privateSubnets: Subnet[] = [];`,
          `for (let i = 0; i < 2; i++) { privateSubnets.push(new Subnet(this, \`private-\${i}\`, { cidrBlock: '10.0.1.0/24' })); }`,
          `new Lb(this, 'alb', { subnets: publicSubnets.map((s) => s.id), securityGroups: [privateSubnets[0].id] });`,
          `for (const subnet of privateSubnets) { new LbTargetGroup(this, 'tg', { vpcId: subnet.vpcId }); }`,
        ].join('\n'),
      ),
    ],
    'cdktf-ts',
    { schema: null },
  );
  const lb = block(c, 'aws_lb.alb');
  assert.equal(text(attrExpr(lb, 'subnets')), 'aws_subnet.public-${i}[*].id');
  assert.equal(text(attrExpr(lb, 'security_groups')), '[aws_subnet.private-${i}[0].id]');
  assert.equal(text(attrExpr(block(c, 'aws_lb_target_group.tg'), 'vpc_id')), 'aws_subnet.private-${i}[?].vpc_id');
  assert.ok(c.symbols.has('aws_subnet.private-${i}'));
  // The loop variable of a plain array is not a construct: it stays opaque.
  assert.equal(attrExpr(block(c, 'aws_subnet.public-${i}'), 'availability_zone')?.kind, 'opaque');
});

test('TypeScript syntax errors become cdktf diagnostics with a line', () => {
  const c = parseCdktfFiles(
    [ts('lib/broken.ts', `import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\n\nnew S3Bucket(this, 'b', { bucket: 'x', );\nconst = ;\n`)],
    'cdktf-ts',
    { schema: null },
  );
  const errors = c.diagnostics.filter((d) => d.source === 'cdktf' && d.severity === 'error');
  assert.ok(errors.length >= 1);
  assert.equal(errors[0]!.span.file, 'lib/broken.ts');
  assert.ok(errors[0]!.span.line >= 3, `line ${errors[0]!.span.line}`);
  assert.match(errors[0]!.message, /syntax error/);
});

test('bad input gives diagnostics, never a throw; non-TS and test files are not read for constructs', () => {
  const bucket = `import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\nnew S3Bucket(this, 'b', {});`;
  const c = parseCdktfFiles(
    [
      ts('lib/empty.ts', ''),
      ts('lib/binary.ts', 'abc\u0000\u0001\u0002def'),
      ts('lib/huge.ts', 'x'.repeat(2_100_000)),
      ts('lib/deep.ts', `const x = ${'['.repeat(300)}${']'.repeat(300)};\n${bucket}`),
      ts('lib/too-deep.ts', `const y = ${'['.repeat(20000)}${']'.repeat(20000)};\n${bucket}`),
      ts('test/tap-stack.unit.test.ts', bucket),
      ts('lib/tap-stack.test.ts', bucket),
      { path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "x" {}' },
    ],
    'cdktf-ts',
    { schema: null },
  );
  assert.equal(c.files.length, 8);
  const byFile = (f: string) => c.diagnostics.filter((d) => d.span.file === f);
  assert.equal(byFile('lib/empty.ts')[0]?.severity, 'warning');
  assert.match(byFile('lib/binary.ts')[0]?.message ?? '', /binary/);
  assert.match(byFile('lib/huge.ts')[0]?.message ?? '', /too large/);
  // Nesting deep enough to exhaust the parser's stack is reported for that file only.
  assert.equal(byFile('lib/too-deep.ts')[0]?.severity, 'error');
  assert.deepEqual(
    c.blocks.map((b) => `${b.span.file}:${b.labels.join('.')}`),
    ['lib/deep.ts:aws_s3_bucket.b'],
  );
});

test('side-effecting top-level code is parsed, never run', () => {
  const marker = join(tmpdir(), `iacjudge-side-effect-${process.pid}`);
  rmSync(marker, { force: true });
  const prev = process.env.IACJUDGE_SIDE_EFFECT_MARKER;
  process.env.IACJUDGE_SIDE_EFFECT_MARKER = marker;
  try {
    const c = parseCdktfFiles([fixture('side-effects.ts.txt', 'lib/side-effects.ts')], 'cdktf-ts', { schema: null });
    // Reaching this line means process.exit(42) did not run; the marker file proves writeFileSync did not either.
    assert.equal(existsSync(marker), false);
    assert.equal(literalValue(attrExpr(block(c, 'aws_s3_bucket.side_effect_bucket'), 'bucket')), 'still-analyzed');
  } finally {
    if (prev === undefined) delete process.env.IACJUDGE_SIDE_EFFECT_MARKER;
    else process.env.IACJUDGE_SIDE_EFFECT_MARKER = prev;
    rmSync(marker, { force: true });
  }
});

test('output is deterministic', () => {
  const strip = (c: Configuration) => JSON.stringify({ blocks: c.blocks, diagnostics: c.diagnostics, refs: c.references });
  assert.equal(strip(tapConfig()), strip(tapConfig()));
});

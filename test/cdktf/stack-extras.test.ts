import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { UNKNOWN_EXPORT_CODE } from '../../src/cdktf/exports.js';
import { childBlocks } from '../../src/model/query.js';
import type { BlockSchema, SchemaIndex } from '../../src/schema/types.js';
import { ts } from './helpers.js';

const leaf: BlockSchema = { attributes: { status: { type: 'string', optional: true } }, blocks: {} };
const RESOURCES: Record<string, BlockSchema> = {
  // The bucket's inline `versioning` block generates the struct S3BucketVersioning, so the resource class is ...A.
  aws_s3_bucket: { attributes: { bucket: { type: 'string', optional: true } }, blocks: { versioning: { nesting: 'list', block: leaf, maxItems: 1 } } },
  aws_s3_bucket_versioning: { attributes: { bucket: { type: 'string', required: true } }, blocks: { versioning_configuration: { nesting: 'list', block: leaf } } },
  aws_s3_bucket_policy: { attributes: { bucket: { type: 'string', required: true }, policy: { type: 'string', required: true } }, blocks: {} },
  aws_vpc: { attributes: { cidr_block: { type: 'string', optional: true } }, blocks: {} },
  aws_subnet: { attributes: { vpc_id: { type: 'string', optional: true } }, blocks: {} },
  aws_apigatewayv2_api: { attributes: { name: { type: 'string', required: true } }, blocks: {} },
  aws_apigatewayv2_stage: { attributes: { name: { type: 'string', required: true } }, blocks: {} },
  aws_wafv2_web_acl: { attributes: { name: { type: 'string', required: true } }, blocks: {} },
  aws_cloudtrail: { attributes: { name: { type: 'string', required: true }, s3_bucket_name: { type: 'string', required: true } }, blocks: {} },
  aws_cloudwatch_event_rule: { attributes: { schedule_expression: { type: 'string', optional: true } }, blocks: {} },
};
const DATA: Record<string, BlockSchema> = { aws_vpc: { attributes: { default: { type: 'bool', optional: true } }, blocks: {} } };
const schema: SchemaIndex = {
  providerVersion: 'test',
  source: 'test fixture',
  resource: (t) => RESOURCES[t],
  dataSource: (t) => DATA[t],
  resourceTypes: () => Object.keys(RESOURCES).sort(),
  dataSourceTypes: () => Object.keys(DATA).sort(),
};

const stack = (imports: string, body: string, backend = ''): string => `
import { Construct } from 'constructs';
import { App, TerraformStack, S3Backend } from 'cdktf';
${imports}
class BaseStack extends TerraformStack {}
export class TapStack extends BaseStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ${backend}
    ${body}
  }
}
const app = new App();
new TapStack(app, 'tap');
app.synth();
`;

const exportProblems = (content: string) =>
  parseCdktfFiles([ts('lib/tap-stack.ts', content)], 'cdktf-ts', { schema }).diagnostics.filter((d) => d.code === UNKNOWN_EXPORT_CODE);

test('a stack without a backend still has the terraform block synth writes (empty); an S3Backend fills it', () => {
  const bare = parseCdktfFiles([ts('lib/tap-stack.ts', stack('', ''))], 'cdktf-ts', { schema });
  const tf = bare.blocks.filter((b) => b.kind === 'terraform');
  assert.equal(tf.length, 1);
  assert.deepEqual([tf[0]!.attributes, tf[0]!.blocks], [[], []]);
  // Placed at the first class reaching TerraformStack, through the project base class.
  assert.equal(tf[0]!.span.line, 5);

  const withBackend = parseCdktfFiles([ts('lib/tap-stack.ts', stack('', '', "new S3Backend(this, { bucket: 'state', key: 'k', region: 'us-east-1' });"))], 'cdktf-ts', { schema });
  const blocks = withBackend.blocks.filter((b) => b.kind === 'terraform');
  assert.equal(blocks.length, 1);
  assert.deepEqual(childBlocks(blocks[0]!, 'backend').map((b) => b.labels[0]), ['s3']);
});

test('constructs without a TerraformStack get no synthesized terraform block', () => {
  const content = `
import { Construct } from 'constructs';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
export class Network extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16' });
  }
}`;
  const c = parseCdktfFiles([ts('lib/network.ts', content)], 'cdktf-ts', { schema });
  assert.equal(c.blocks.some((b) => b.kind === 'terraform'), false);
});

test('provider classes imported from cdktf itself are reported; its own exports are not', () => {
  const content = stack(
    `import { AwsProvider as Aws, Vpc, S3Bucket, DataAwsVpc } from 'cdktf';
import { TerraformOutput, S3Backend, Fn, DataTerraformRemoteState } from 'cdktf';`,
    `new TerraformOutput(this, 'o', { value: Fn.upper('x') });`,
  );
  const messages = exportProblems(content).map((d) => `${d.span.line}: ${d.message}`);
  assert.equal(messages.length, 4, messages.join('\n'));
  assert.match(messages[0]!, /^4: 'cdktf' has no exported member 'AwsProvider': provider classes come from '@cdktf\/provider-aws\/lib\/provider'/);
  assert.match(messages[1]!, /'Vpc'.*lib\/vpc'/);
  assert.match(messages[2]!, /'S3Bucket'.*lib\/s3-bucket'/);
  // Data sources too; cdktf's own data classes (DataTerraformRemoteState) are its exports.
  assert.match(messages[3]!, /'DataAwsVpc'.*lib\/data-aws-vpc'/);
});

test('root imports of classes, unknown modules and members, and wrong class names are reported', () => {
  const content = stack(
    `import { AwsProvider, Vpc, s3Bucket, kms } from '@cdktf/provider-aws';
import * as aws from '@cdktf/provider-aws';
import { CloudtrailTrail } from '@cdktf/provider-aws/lib/cloudtrail-trail';
import { S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Subnet } from '@cdktf/provider-aws/lib/vpc';`,
    `new S3BucketVersioning(this, 'v', { bucket: 'b', versioningConfiguration: { status: 'Enabled' } });
    new Subnet(this, 's', { vpcId: 'v' });
    new aws.S3Bucket(this, 'b1', {});
    new aws.s3.S3Bucket(this, 'b2', {});
    new s3Bucket.S3Bucket(this, 'b3', {});`,
  );
  const messages = exportProblems(content).map((d) => `${d.span.line}: ${d.message}`);
  const expected = [
    /^4: .*no exported member 'AwsProvider'/,
    /^4: .*no exported member 'Vpc'/,
    /^4: .*no exported member 'kms'/,
    /^6: Module '@cdktf\/provider-aws\/lib\/cloudtrail-trail' does not exist/,
    /^14: Module 's3-bucket-versioning' does not export a class S3BucketVersioning \(the class is S3BucketVersioningA\)/,
    /^15: Module 'vpc' does not export a class Subnet/,
    /^16: .*root has no exported member 'S3Bucket'/,
    /^17: .*no module namespace 's3'/,
  ];
  assert.equal(messages.length, expected.length, messages.join('\n'));
  expected.forEach((re, i) => assert.match(messages[i]!, re));
});

test('a class name in another case than the module exports is a compile error; both digit spellings pass', () => {
  const content = stack(
    `import { ApiGatewayV2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { S3BucketVersioninga } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { awsProvider } from '@cdktf/provider-aws/lib/provider';`,
    `new ApiGatewayV2Api(this, 'a', { name: 'a', protocolType: 'HTTP' });
    new Apigatewayv2Stage(this, 's', { apiId: 'a', name: '$default' });
    new Wafv2WebAcl(this, 'w', {} as never);
    new S3BucketVersioninga(this, 'v', { bucket: 'b', versioningConfiguration: { status: 'Enabled' } });
    new awsProvider(this, 'aws', {});`,
  );
  const messages = exportProblems(content).map((d) => `${d.span.line}: ${d.message}`);
  const expected = [
    /^14: Module 'apigatewayv2-api' does not export a class ApiGatewayV2Api; the class is Apigatewayv2Api \(export names are case-sensitive\)/,
    /^17: .*class S3BucketVersioninga; the class is S3BucketVersioningA/,
    /^18: .*class awsProvider; the class is AwsProvider/,
  ];
  assert.equal(messages.length, expected.length, messages.join('\n'));
  expected.forEach((re, i) => assert.match(messages[i]!, re));
});

test('a class imported from a module that does not export it is still typed by its class, not the module', () => {
  const content = stack(`import { Subnet } from '@cdktf/provider-aws/lib/vpc';`, `new Subnet(this, 's', { vpcId: 'v' });`);
  const c = parseCdktfFiles([ts('lib/main.ts', content)], 'cdktf-ts', { schema });
  const resources = c.blocks.filter((b) => b.kind === 'resource').map((b) => b.labels.join('.'));
  assert.deepEqual(resources, ['aws_subnet.s']);
});

test('an invented class whose resource is plain is read as that resource; its class is still reported', () => {
  const content = stack(
    `import { CloudtrailTrail } from '@cdktf/provider-aws/lib/cloudtrail-trail';
import { S3BucketVersioningV2 } from '@cdktf/provider-aws/lib/s3-bucket-versioning-v2';
import { EventbridgeRule } from '@cdktf/provider-aws/lib/eventbridge-rule';
import { S3BucketMagic } from '@cdktf/provider-aws/lib/s3-bucket-magic';`,
    `new CloudtrailTrail(this, 'trail', { name: 't', s3BucketName: 'b' });
    new S3BucketVersioningV2(this, 'v', { bucket: 'b' });
    new EventbridgeRule(this, 'r', { scheduleExpression: 'rate(1 hour)' });
    new S3BucketMagic(this, 'm', {});`,
  );
  const c = parseCdktfFiles([ts('lib/main.ts', content)], 'cdktf-ts', { schema });
  const resources = c.blocks.filter((b) => b.kind === 'resource').map((b) => b.labels.join('.'));
  // What the model meant is read and checked; a name with no plain meaning keeps its literal reading.
  assert.deepEqual(resources, ['aws_cloudtrail.trail', 'aws_s3_bucket_versioning.v', 'aws_cloudwatch_event_rule.r', 'aws_s3_bucket_magic.m']);
  // Its arguments follow the class the model imagined: the schema checks leave them to the export finding.
  assert.deepEqual(c.blocks.filter((b) => b.construct?.invented).map((b) => b.labels[0]), ['aws_cloudtrail', 'aws_s3_bucket_versioning', 'aws_cloudwatch_event_rule']);
  // The classes do not exist: tsc stops at each import, and the export check says so.
  assert.equal(exportProblems(content).length, 4);
});

test('correct imports and class names are not reported', () => {
  const content = stack(
    `import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import type { S3BucketVersioningVersioningConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { s3Bucket, vpc } from '@cdktf/provider-aws';
import * as aws from '@cdktf/provider-aws';
import { Something } from '@cdktf/provider-random';`,
    `new AwsProvider(this, 'aws', { region: 'us-east-1' });
    const conf: S3BucketVersioningVersioningConfiguration = { status: 'Enabled' };
    new S3BucketVersioningA(this, 'v', { bucket: 'b', versioningConfiguration: conf });
    new S3BucketPolicy(this, 'p', { bucket: 'b', policy: '{}' });
    new DataAwsVpc(this, 'd', { default: true });
    new s3Bucket.S3Bucket(this, 'b', {});
    new vpc.Vpc(this, 'v2', {});
    new aws.vpc.Vpc(this, 'v3', {});`,
  );
  assert.deepEqual(exportProblems(content), []);
  // Without a schema nothing can be judged.
  const bad = stack(`import { Vpc } from '@cdktf/provider-aws';`, `new Vpc(this, 'v', {});`);
  assert.deepEqual(parseCdktfFiles([ts('lib/tap-stack.ts', bad)], 'cdktf-ts', { schema: null }).diagnostics.filter((d) => d.code === UNKNOWN_EXPORT_CODE), []);
});

test('constructs pushed through a const binding form a collection that loops over read as references', () => {
  const content = `
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
export class Net extends TerraformStack {
  public readonly subnets: Subnet[] = [];
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ['a', 'b'].forEach((az, i) => {
      const subnet = new Subnet(this, \`public-\${i}\`, { vpcId: 'v', availabilityZone: az });
      this.subnets.push(subnet);
    });
    let later = new Subnet(this, 'other', { vpcId: 'v' });
    const mixed: Subnet[] = [];
    mixed.push(later);
    this.subnets.forEach((s, i) => new Subnet(this, \`copy-\${i}\`, { vpcId: s.id }));
    for (const m of mixed) new Subnet(this, 'copy-m', { vpcId: m.id });
  }
}`;
  const c = parseCdktfFiles([ts('lib/net.ts', content)], 'cdktf-ts', { schema });
  const vpcId = (label: string) => c.blocks.find((b) => b.labels[1] === label)!.attributes.find((a) => a.name === 'vpc_id')!.expr;
  assert.deepEqual((vpcId('copy-${i}') as { parts: string[] }).parts, ['aws_subnet', 'public-${i}', '[?]', 'id']);
  // A `let` binding may be reassigned before the push: not followed.
  assert.equal(vpcId('copy-m').kind, 'opaque');
});

test('a construct whose config has an unresolved spread, a parameter or a type assertion is marked open', () => {
  const content = stack(
    `import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';`,
    `const base = { bucket: 'b' };
    new S3BucketPolicy(this, 'closed', { ...base, policy: '{}' });
    new S3BucketPolicy(this, 'spread', { ...(globalThis as any).x, policy: '{}' });
    new S3BucketPolicy(this, 'cast', { bucket: 'b' } as any);`,
  );
  const c = parseCdktfFiles([ts('lib/main.ts', content)], 'cdktf-ts', { schema });
  const open = Object.fromEntries(c.blocks.filter((b) => b.kind === 'resource').map((b) => [b.labels[1], b.construct?.open === true]));
  assert.deepEqual(open, { closed: false, spread: true, cast: true });
});

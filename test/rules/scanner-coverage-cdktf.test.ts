// The table-driven and policy checks read the normalized model, so CDKTF stacks get the same findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { CATALOG_C } from '../../src/rules/catalog-c.js';
import type { Finding } from '../../src/findings/types.js';
import { makeTask } from './helpers.js';

function run(ids: string[], body: string, imports: string): Finding[] {
  const content = `import { Construct } from 'constructs';\nimport { TerraformStack } from 'cdktf';\n${imports}\nexport class TapStack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n${body}\n  }\n}\n`;
  const config = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content }]);
  const rules = CATALOG_C.filter((r) => ids.includes(r.meta.id));
  const { findings, warnings } = runRulesDetailed(rules, config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS);
  if (warnings.length) throw new Error(warnings.join('\n'));
  return findings;
}

test('CDKTF: opensearch-at-rest-not-encrypted and redshift checks on constructs', () => {
  const body = [
    "    new OpensearchDomain(this, 'search', {",
    "      domainName: 'search',",
    '      encryptAtRest: { enabled: false },',
    '    });',
    "    new RedshiftCluster(this, 'dw', { clusterIdentifier: 'dw', encrypted: 'true', publiclyAccessible: true });",
  ].join('\n');
  const imports =
    "import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain';\nimport { RedshiftCluster } from '@cdktf/provider-aws/lib/redshift-cluster';";
  const f = run(['opensearch-at-rest-not-encrypted', 'redshift-not-encrypted', 'publicly-accessible-data-service'], body, imports);
  assert.deepEqual(f.map((x) => [x.ruleId, x.resource]).sort(), [
    ['opensearch-at-rest-not-encrypted', 'aws_opensearch_domain.search'],
    ['publicly-accessible-data-service', 'aws_redshift_cluster.dw'],
  ]);
});

test('CDKTF: secret-value-in-code and resource-policy-public-principal on constructs', () => {
  const key = ['AKIA', 'Q3EGRPLM5TXYZ7NB'].join('');
  const body = [
    "    new LambdaFunction(this, 'fn', { functionName: 'fn', role: 'r', environment: { variables: { KEY_ID: '" + key + "' } } });",
    "    new SqsQueuePolicy(this, 'qp', { queueUrl: 'u', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }] }) });",
  ].join('\n');
  const imports =
    "import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';\nimport { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';";
  const f = run(['secret-value-in-code', 'resource-policy-public-principal'], body, imports);
  assert.deepEqual(f.map((x) => [x.ruleId, x.resource]).sort(), [
    ['resource-policy-public-principal', 'aws_sqs_queue_policy.qp'],
    ['secret-value-in-code', 'aws_lambda_function.fn'],
  ]);
});

test('CDKTF: breadth observations (S3 versioning resource, VPC flow log, Lambda tracing, ECS privileged container)', () => {
  const body = [
    "    const data = new S3Bucket(this, 'data', { bucket: 'data-bucket' });",
    "    new S3BucketVersioningA(this, 'dataVersioning', { bucket: data.id, versioningConfiguration: { status: 'Enabled' } });",
    "    const logs = new S3Bucket(this, 'archive', { bucket: 'archive-bucket' });",
    "    new S3BucketVersioningA(this, 'archiveVersioning', { bucket: logs.id, versioningConfiguration: { status: 'Suspended' } });",
    "    const vpc = new Vpc(this, 'main', { cidrBlock: '10.0.0.0/16' });",
    "    new FlowLog(this, 'mainFlow', { vpcId: vpc.id, trafficType: 'ALL' });",
    "    new Vpc(this, 'other', { cidrBlock: '10.1.0.0/16' });",
    "    new LambdaFunction(this, 'traced', { functionName: 'traced', role: 'r', tracingConfig: { mode: 'Active' } });",
    "    new LambdaFunction(this, 'plain', { functionName: 'plain', role: 'r' });",
    "    new EcsTaskDefinition(this, 'task', { family: 'task', containerDefinitions: JSON.stringify([{ name: 'app', image: 'app:1', privileged: true }]) });",
  ].join('\n');
  const imports = [
    "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
    "import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';",
    "import { Vpc } from '@cdktf/provider-aws/lib/vpc';",
    "import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';",
    "import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';",
    "import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';",
  ].join('\n');
  const f = run(['s3-bucket-versioning-disabled', 'vpc-flow-logs-missing', 'lambda-tracing-disabled', 'ecs-task-privileged-container'], body, imports);
  assert.deepEqual(f.map((x) => [x.ruleId, x.resource]).sort(), [
    ['ecs-task-privileged-container', 'aws_ecs_task_definition.task'],
    ['lambda-tracing-disabled', 'aws_lambda_function.plain'],
    ['s3-bucket-versioning-disabled', 'aws_s3_bucket.archive'],
    ['vpc-flow-logs-missing', 'aws_vpc.other'],
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { checkConfiguration } from '../../src/schema/stage.js';
import { bindingTypeProblem } from '../../src/schema/checks.js';
import type { SourceFile } from '../../src/model/types.js';

const ts = (content: string): SourceFile => ({ path: 'lib/tap-stack.ts', language: 'ts', content });
const pkg = (version: string): SourceFile => ({
  path: 'package.json',
  language: 'json',
  content: JSON.stringify({ dependencies: { '@cdktf/provider-aws': version } }),
});

const STACK = [
  `import { TerraformStack, Token } from 'cdktf';`,
  `import { Construct } from 'constructs';`,
  `import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';`,
  `import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';`,
  `import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';`,
  `export class TapStack extends TerraformStack {`,
  `  constructor(scope: Construct, id: string) {`,
  `    super(scope, id);`,
  `    const delay = 30;`,
  `    new LbTargetGroup(this, 'tg', { name: 'tg', port: 80, protocol: 'HTTP', deregistrationDelay: delay });`, // line 10
  `    new CloudwatchMetricAlarm(this, 'cpu', {`,
  `      alarmName: 'cpu', comparisonOperator: 'GreaterThanThreshold', metricName: 'CPUUtilization', namespace: 'AWS/EC2',`,
  `      evaluationPeriods: '2',`, // line 13
  `      period: 300, statistic: 'Average', threshold: 80,`,
  `      alarmActions: ['arn:aws:sns:us-east-1:123456789012:a'],`,
  `      tags: { Team: 'a', Count: 3 },`, // line 16
  `    });`,
  `    new ElasticacheReplicationGroup(this, 'redis', {`,
  `      replicationGroupId: 'r', description: 'r', atRestEncryptionEnabled: true, transitEncryptionEnabled: true,`, // line 19
  `    });`,
  `    new LbTargetGroup(this, 'tg2', { name: 'tg2', port: Token.asNumber('80'), deregistrationDelay: '30' });`,
  `    new LbTargetGroup(this, 'tg3', { name: 'tg3', port: 80, deregistrationDelay: 30 as any });`,
  `  }`,
  `}`,
].join('\n');

function findings(files: SourceFile[]) {
  const config = parseCdktfFiles(files);
  return checkConfiguration(config, files).findings.filter((f) => f.ruleId === 'schema-wrong-type');
}

test('CDKTF literals of another type than the binding takes are compile errors, with resource and line', () => {
  const got = findings([ts(STACK)]).map((f) => `${f.resource}:${f.location.line}`);
  assert.deepEqual(got.sort(), [
    'aws_cloudwatch_metric_alarm.cpu:13',
    'aws_cloudwatch_metric_alarm.cpu:16',
    'aws_elasticache_replication_group.redis:19',
    'aws_lb_target_group.tg:10',
  ]);
  const f = findings([ts(STACK)]).find((x) => x.resource === 'aws_lb_target_group.tg')!;
  assert.match(f.message, /"deregistration_delay" on aws_lb_target_group is typed string in the CDKTF bindings, but is given number 30/);
});

test('the same code is clean when the binding types agree, or the value is converted (Token.as*, as)', () => {
  const fixed = STACK.replace('deregistrationDelay: delay', "deregistrationDelay: '30'")
    .replace(`evaluationPeriods: '2'`, 'evaluationPeriods: 2')
    .replace('Count: 3', "Count: '3'")
    .replace('atRestEncryptionEnabled: true', "atRestEncryptionEnabled: 'true'");
  assert.deepEqual(findings([ts(fixed)]).map((f) => `${f.resource}:${f.location.line}`), []);
});

test('types that changed between provider majors are judged only for the schema major', () => {
  // @cdktf/provider-aws 19 wraps AWS provider 5.x, where at_rest_encryption_enabled was a bool: not reported.
  const got = findings([ts(STACK), pkg('^19.0.0')]).map((f) => `${f.resource}:${f.location.line}`);
  assert.equal(got.includes('aws_elasticache_replication_group.redis:19'), false);
  assert.deepEqual(findings([ts(STACK), pkg('^21.0.0')]).length, 4);
});

test('bindingTypeProblem: strict TypeScript kinds, templates are strings, unknowns pass', () => {
  assert.equal(bindingTypeProblem({ kind: 'literal', value: 'true' }, 'bool'), 'string "true"');
  assert.equal(bindingTypeProblem({ kind: 'literal', value: '30' }, 'number'), 'string "30"');
  assert.equal(bindingTypeProblem({ kind: 'template', parts: [{ kind: 'reference', parts: ['var', 'x'] }] }, 'number'), 'a string');
  assert.equal(bindingTypeProblem({ kind: 'reference', parts: ['aws_vpc', 'v', 'id'] }, 'number'), undefined);
  assert.equal(bindingTypeProblem({ kind: 'tuple', items: [{ kind: 'literal', value: 1 }] }, 'list(string)'), 'an array holding number 1');
  assert.equal(bindingTypeProblem({ kind: 'literal', value: 'a' }, 'list(string)'), 'string "a"');
  assert.equal(bindingTypeProblem({ kind: 'literal', value: null }, 'string'), undefined);
});

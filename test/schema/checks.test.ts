import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateConfiguration, typeProblem } from '../../src/schema/checks.js';
import { checkConfiguration } from '../../src/schema/stage.js';
import { loadSchema } from '../../src/schema/index.js';
import { parseTerraformConstraint } from '../../src/schema/version.js';
import { a, config, data, lit, nested, obj, ref, resource, terraformBlock, tuple } from './build.js';
import type { Block } from '../../src/model/types.js';

const schema = loadSchema();
const ids = (fs: { ruleId: string }[]) => fs.map((f) => f.ruleId).sort();

function apiMethod(httpMethod: string): Block {
  return resource('aws_api_gateway_method', 'm', [
    a('rest_api_id', ref('aws_api_gateway_rest_api', 'api', 'id')),
    a('resource_id', ref('aws_api_gateway_resource', 'r', 'id')),
    a('http_method', lit(httpMethod)),
    a('authorization', lit('NONE')),
  ]);
}

test('a Route 53 health check status for insufficient data outside Healthy, Unhealthy, LastKnownStatus', () => {
  const hc = (status: string) =>
    resource('aws_route53_health_check', 'hc', [a('type', lit('CLOUDWATCH_METRIC')), a('cloudwatch_alarm_name', lit('a')), a('cloudwatch_alarm_region', lit('us-east-1')), a('insufficient_data_health_status', lit(status))]);
  const r = checkConfiguration(config([terraformBlock('~> 5.0'), hc('Failure')]));
  assert.deepEqual(ids(r.findings), ['schema-invalid-value']);
  assert.match(r.findings[0]!.message, /Healthy, Unhealthy, LastKnownStatus/);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 5.0'), hc('LastKnownStatus')])).findings, []);
});

test('a flow log aggregates over 60 or 600 seconds only (a numeric allowed set)', () => {
  const flowLog = (seconds: number) =>
    resource('aws_flow_log', 'f', [a('vpc_id', lit('vpc-1')), a('traffic_type', lit('ALL')), a('log_destination', lit('arn:aws:s3:::b')), a('log_destination_type', lit('s3')), a('max_aggregation_interval', lit(seconds))]);
  const r = checkConfiguration(config([terraformBlock('~> 5.0'), flowLog(300)]));
  assert.deepEqual(ids(r.findings), ['schema-invalid-value']);
  assert.match(r.findings[0]!.message, /is 300, not one of the allowed values: 60, 600/);
  assert.equal(r.findings[0]!.resource, 'aws_flow_log.f');
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 5.0'), flowLog(600)])).findings, []);
});

test('http_method "*" is outside the allowed set', () => {
  const r = checkConfiguration(config([terraformBlock('~> 6.0'), apiMethod('*')]));
  assert.deepEqual(ids(r.findings), ['schema-invalid-value']);
  const f = r.findings[0]!;
  assert.equal(f.category, 'schema');
  assert.deepEqual(f.evidence, ['static']);
  assert.match(f.message, /ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT/);
  assert.equal(f.resource, 'aws_api_gateway_method.m');
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 6.0'), apiMethod('GET')])).findings, []);
});

function ddb(sse: Block[], extra: Block[] = []): Block {
  return resource('aws_dynamodb_table', 't', [a('name', lit('t')), a('hash_key', lit('pk')), a('billing_mode', lit('PAY_PER_REQUEST'))], [
    nested('attribute', [a('name', lit('pk')), a('type', lit('S'))], [], 'array-item'),
    ...sse,
    ...extra,
  ]);
}

test('CDKTF array for a single-object block (serverSideEncryption: [{...}])', () => {
  const sse = nested('server_side_encryption', [a('enabled', lit(true))], [], 'array-item');
  const r = validateConfiguration(config([ddb([sse])], 'cdktf-ts'), { schema, target: parseTerraformConstraint('~> 6.0') });
  assert.deepEqual(ids(r.findings), ['schema-nesting-mode']);
  assert.match(r.findings[0]!.message, /single object/);
  const ok = nested('server_side_encryption', [a('enabled', lit(true))], [], 'object');
  assert.deepEqual(validateConfiguration(config([ddb([ok])], 'cdktf-ts'), { schema, target: parseTerraformConstraint('~> 6.0') }).findings, []);
});

test('CDKTF single object for a list block is the reverse mistake; older bindings make it a note', () => {
  const attr = nested('attribute', [a('name', lit('sk')), a('type', lit('S'))], [], 'object');
  const block = resource('aws_dynamodb_table', 't', [a('name', lit('t')), a('hash_key', lit('sk'))], [attr]);
  const r = validateConfiguration(config([block], 'cdktf-ts'), { schema, target: parseTerraformConstraint('~> 6.0') });
  assert.deepEqual(ids(r.findings), ['schema-nesting-mode']);
  const old = validateConfiguration(config([block], 'cdktf-ts'), { schema, target: parseTerraformConstraint('~> 5.0') });
  assert.deepEqual(old.findings, []);
  assert.equal(old.notes.length, 1);
});

test('HCL single-object block given twice', () => {
  const sse = () => nested('server_side_encryption', [a('enabled', lit(true))], [], 'block');
  const r = validateConfiguration(config([ddb([sse(), sse()])]), { schema });
  assert.deepEqual(ids(r.findings), ['schema-nesting-mode']);
  assert.match(r.findings[0]!.message, /at most once/);
});

test('managed_policy_arns is deprecated from 5.72 on, not before', () => {
  const role = resource('aws_iam_role', 'r', [a('assume_role_policy', lit('{}')), a('managed_policy_arns', tuple(lit('arn:aws:iam::aws:policy/ReadOnlyAccess')))]);
  const r = checkConfiguration(config([terraformBlock('~> 5.0'), role]));
  assert.deepEqual(ids(r.findings), ['deprecated-argument']);
  assert.equal(r.findings[0]!.category, 'deprecated');
  assert.match(r.findings[0]!.message, /aws_iam_role_policy_attachment/);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 5.50.0'), role])).findings, []);
});

test('an argument missing from the bundled schema: a note for >= 6.40, a finding for ~> 6.0', () => {
  const fn = () =>
    resource('aws_lambda_function', 'f', [
      a('function_name', lit('f')),
      a('role', ref('aws_iam_role', 'r', 'arn')),
      a('future_setting', lit(true)),
    ]);
  const newer = checkConfiguration(config([terraformBlock('>= 6.40'), fn()]));
  assert.deepEqual(newer.findings, []);
  assert.equal(newer.notes.length, 1);
  assert.match(newer.notes[0]!, /6\.25\.0/);
  assert.match(newer.notes[0]!, /aws_lambda_function\.future_setting/);
  assert.equal(newer.provider.constraint, '>= 6.40');
  assert.equal(newer.provider.schemaVersion, schema.providerVersion);
  const same = checkConfiguration(config([terraformBlock('~> 6.0'), fn()]));
  assert.deepEqual(ids(same.findings), ['schema-unknown-argument']);
  assert.deepEqual(same.notes, []);
  assert.match(same.findings[0]!.message, /"future_setting" in AWS provider 6\.25\.0\. /);
  // Pinned to the previous major: the message names the releases the configuration installs, not only the schema's.
  const older = checkConfiguration(config([terraformBlock('~> 5.0'), fn()]));
  assert.deepEqual(ids(older.findings), ['schema-unknown-argument']);
  assert.match(older.findings[0]!.message, /has no argument "future_setting" in AWS provider 6\.25\.0 or the 5\.x releases that ~> 5\.0 selects\.$/);
});

test('what 6.0 removed and the bundled schema lacks is a removal on a 5.x pin, never an unknown name', () => {
  const spot = resource('aws_spot_instance_request', 's', [a('ami', lit('ami-1')), a('cpu_core_count', lit(2))]);
  const r = checkConfiguration(config([terraformBlock('~> 5.0'), spot]));
  assert.ok(!r.findings.some((f) => f.ruleId === 'schema-unknown-argument'), JSON.stringify(r.findings));
  assert.ok(checkConfiguration(config([terraformBlock('~> 6.0'), spot])).findings.some((f) => f.ruleId === 'schema-removed'));
});

test('~> 4.0 with inline aws_s3_bucket versioning: deprecated, not removed; db_instance name removed for ~> 5.0', () => {
  const bucket = resource('aws_s3_bucket', 'b', [a('bucket', lit('b'))], [nested('versioning', [a('enabled', lit(true))], [], 'block')]);
  const r = checkConfiguration(config([terraformBlock('~> 4.0'), bucket]));
  assert.deepEqual(ids(r.findings), ['deprecated-argument']);
  assert.ok(!r.findings.some((f) => f.ruleId === 'schema-removed'));
  const db = resource('aws_db_instance', 'd', [a('instance_class', lit('db.t3.micro')), a('name', lit('app'))]);
  const v5 = checkConfiguration(config([terraformBlock('~> 5.0'), db]));
  assert.deepEqual(ids(v5.findings), ['schema-removed']);
  assert.match(v5.findings[0]!.message, /db_name/);
  // In 4.x `name` still existed (deprecated).
  assert.deepEqual(ids(checkConfiguration(config([terraformBlock('~> 4.0'), db])).findings), ['deprecated-argument']);
});

test('lock file contradicting the constraint', () => {
  const lock = {
    path: '.terraform.lock.hcl',
    language: 'hcl',
    content: [
      '# This file is maintained automatically by "terraform init".',
      'provider "registry.terraform.io/hashicorp/random" {',
      '  version = "3.6.0"',
      '}',
      '',
      'provider "registry.terraform.io/hashicorp/aws" {',
      '  version     = "6.22.1"',
      '  constraints = "~> 6.0"',
      '  hashes = [',
      '    "h1:abc=",',
      '  ]',
      '}',
    ].join('\n'),
  };
  const r = checkConfiguration(config([terraformBlock('~> 5.0')]), [lock]);
  assert.deepEqual(ids(r.findings), ['provider-version-lock-mismatch']);
  assert.equal(r.findings[0]!.category, 'provider-version');
  assert.equal(r.findings[0]!.location.line, 7);
  assert.equal(r.provider.lockVersion, '6.22.1');
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 6.0')]), [lock]).findings, []);
});

test('constraints that admit nothing or do not parse', () => {
  assert.deepEqual(ids(checkConfiguration(config([terraformBlock('>= 6.0, < 5.0')])).findings), ['provider-version-unsatisfiable']);
  assert.deepEqual(ids(checkConfiguration(config([terraformBlock('~> latest')])).findings), ['provider-version-unsatisfiable']);
});

test('region on a resource needs 6.0: a provider-version finding under ~> 5.0', () => {
  const lg = resource('aws_cloudwatch_log_group', 'l', [a('name', lit('/x')), a('region', lit('us-west-2'))]);
  assert.deepEqual(ids(checkConfiguration(config([terraformBlock('~> 5.0'), lg])).findings), ['provider-version-excluded-feature']);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 6.0'), lg])).findings, []);
});

test('unknown resource type and argument with suggestions', () => {
  const r = validateConfiguration(
    config([
      resource('aws_s3_buckett', 'b', [a('bucket', lit('x'))]),
      resource('aws_sqs_queue', 'q', [a('visibility_timeout', lit(30))]),
    ]),
    { schema },
  );
  assert.deepEqual(ids(r.findings), ['schema-unknown-argument', 'schema-unknown-resource-type']);
  assert.match(r.findings.find((f) => f.ruleId === 'schema-unknown-resource-type')!.message, /did you mean "aws_s3_bucket"/);
  assert.match(r.findings.find((f) => f.ruleId === 'schema-unknown-argument')!.message, /did you mean "visibility_timeout_seconds"/);
});

test('block written as an argument and argument written as a block (HCL only)', () => {
  const table = resource('aws_dynamodb_table', 't', [a('name', lit('t')), a('server_side_encryption', obj({ enabled: lit(true) }))]);
  const r = validateConfiguration(config([table]), { schema });
  assert.deepEqual(ids(r.findings), ['schema-block-as-attribute']);
  assert.match(r.findings[0]!.message, /without "="/);
  // The same object literal in CDKTF is how blocks are written.
  assert.deepEqual(validateConfiguration(config([table], 'cdktf-ts'), { schema }).findings, []);
  const tagsBlock = resource('aws_sqs_queue', 'q', [], [nested('tags', [a('Name', lit('q'))], [], 'block')]);
  const r2 = validateConfiguration(config([tagsBlock]), { schema });
  assert.deepEqual(ids(r2.findings), ['schema-block-as-attribute']);
  assert.match(r2.findings[0]!.message, /tags = \{/);
  // aws_security_group ingress accepts both forms.
  const sg = resource('aws_security_group', 's', [a('ingress', tuple(obj({ from_port: lit(443) })))]);
  assert.deepEqual(validateConfiguration(config([sg]), { schema }).findings, []);
});

test('a dynamic block for a scalar argument is an unsupported block type', () => {
  const trail = (label: string) =>
    resource('aws_cloudtrail', 't', [a('name', lit('t')), a('s3_bucket_name', lit('b'))], [nested('dynamic', [a('for_each', ref('var', 'logs'))], [nested('content', [a('read_write_type', lit('All'))])], 'block', [label])]);
  const r = validateConfiguration(config([trail('cloud_watch_logs_group_arn')]), { schema });
  assert.deepEqual(ids(r.findings), ['schema-block-as-attribute']);
  assert.match(r.findings[0]!.message, /"cloud_watch_logs_group_arn" on aws_cloudtrail is an argument of type string, not a block: `dynamic "cloud_watch_logs_group_arn"` cannot generate it/);
  // A dynamic block of a real block type is fine.
  assert.deepEqual(ids(validateConfiguration(config([trail('event_selector')]), { schema }).findings), []);
});

test('a block a syntax error cut short is not missing its later arguments', async () => {
  const { parseHclFiles } = await import('../../src/hcl/index.js');
  const tf = (provider: string) => `resource "aws_cloudtrail" "peer" {
  ${provider}
  name           = "trail"
  s3_bucket_name = "logs"
}
`;
  const broken = parseHclFiles([{ path: 'lib/main.tf', language: 'hcl', content: tf('provider = aws.peer_${each.value}') }]);
  assert.ok(broken.diagnostics.some((d) => d.severity === 'error' && d.span.line === 2));
  assert.deepEqual(validateConfiguration(broken, { schema }).findings.filter((f) => f.ruleId === 'schema-missing-required'), []);
  // Without the error the same block is checked (and complete).
  const whole = parseHclFiles([{ path: 'lib/main.tf', language: 'hcl', content: tf('').replace('  name           = "trail"\n', '') }]);
  assert.deepEqual(ids(validateConfiguration(whole, { schema }).findings), ['schema-missing-required']);
});

test('missing required argument and block; dynamic blocks skip the check', () => {
  const lc = resource('aws_s3_bucket_lifecycle_configuration', 'l', [a('bucket', ref('aws_s3_bucket', 'b', 'id'))], [
    nested('rule', [a('id', lit('r'))], [], 'block'),
  ]);
  const r = validateConfiguration(config([lc]), { schema });
  assert.deepEqual(ids(r.findings), ['schema-missing-required']);
  assert.match(r.findings[0]!.message, /"status"/);
  const noBucket = resource('aws_s3_bucket_policy', 'p', [a('policy', lit('{}'))]);
  assert.match(validateConfiguration(config([noBucket]), { schema }).findings[0]!.message, /"bucket"/);
  const dyn = resource('aws_s3_bucket_lifecycle_configuration', 'l', [a('bucket', lit('b'))], [
    nested('dynamic', [a('for_each', ref('var', 'rules'))], [nested('content', [a('id', lit('x'))])], 'block', ['rule']),
  ]);
  assert.deepEqual(validateConfiguration(config([dyn]), { schema }).findings, []);
});

test('static literals of the wrong type', () => {
  const q = resource('aws_sqs_queue', 'q', [a('fifo_queue', lit('yes')), a('delay_seconds', lit('10')), a('tags', lit('x'))]);
  const r = validateConfiguration(config([q]), { schema });
  assert.deepEqual(ids(r.findings), ['schema-wrong-type', 'schema-wrong-type']);
  assert.equal(typeProblem(lit('true'), 'bool'), undefined);
  assert.equal(typeProblem(lit(3), 'string'), undefined);
  assert.match(typeProblem(lit('a'), 'list(string)')!, /string/);
  assert.equal(typeProblem(ref('var', 'x'), 'number'), undefined);
});

test('meta-arguments, lifecycle, provisioners, modules and non-AWS types are never reported', () => {
  const q = resource(
    'aws_sqs_queue',
    'q',
    [a('count', lit(2)), a('provider', ref('aws', 'west')), a('depends_on', tuple(ref('aws_s3_bucket', 'b'))), a('name', lit('q'))],
    [nested('lifecycle', [a('prevent_destroy', lit(false))], [], 'block'), nested('provisioner', [a('command', lit('echo'))], [], 'block', ['local-exec'])],
  );
  const rnd = resource('random_id', 'r', [a('whatever', lit(1))]);
  const mod: Block = { kind: 'module', type: 'module', labels: ['m'], attributes: [a('nonsense', lit(1))], blocks: [], span: q.span };
  assert.deepEqual(validateConfiguration(config([q, rnd, mod]), { schema }).findings, []);
});

test('reads of data.aws_region.x.name are deprecated when 6.x is targeted', () => {
  const region = data('aws_region', 'current');
  const out: Block = { kind: 'output', type: 'output', labels: ['r'], attributes: [a('value', ref('data', 'aws_region', 'current', 'name'))], blocks: [], span: region.span };
  const r = checkConfiguration(config([terraformBlock('>= 5.0'), region, out]));
  assert.deepEqual(ids(r.findings), ['deprecated-argument']);
  assert.match(r.findings[0]!.message, /use region/);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 5.0'), region, out])).findings, []);
});

test('deprecated Lambda runtime and computed-only attribute', () => {
  const fn = resource('aws_lambda_function', 'f', [a('function_name', lit('f')), a('role', lit('arn')), a('runtime', lit('nodejs16.x')), a('arn', lit('x'))]);
  const r = validateConfiguration(config([fn]), { schema });
  assert.deepEqual(ids(r.findings), ['deprecated-value', 'schema-computed-attribute']);
  const typo = resource('aws_lambda_function', 'f', [a('function_name', lit('f')), a('role', lit('arn')), a('runtime', lit('python3.x'))]);
  assert.deepEqual(ids(validateConfiguration(config([typo]), { schema }).findings), ['schema-invalid-value']);
});

test('a synthetic 1,000-resource configuration is valid (benchmark input)', async () => {
  const { syntheticConfiguration, validateSynthetic } = await import('../../src/schema/bench.js');
  assert.equal(syntheticConfiguration(1000).blocks.length, 1000);
  assert.deepEqual(validateSynthetic(1000, schema).findings, []);
});

test('CDKTF renamed properties (equalTo, selfAttribute) resolve to their Terraform names', () => {
  const sg = resource('aws_security_group', 's', [], [nested('ingress', [a('self_attribute', lit(true)), a('from_port', lit(0))], [], 'array-item')]);
  assert.deepEqual(validateConfiguration(config([sg], 'cdktf-ts'), { schema }).findings, []);
  assert.deepEqual(ids(validateConfiguration(config([sg]), { schema }).findings), ['schema-unknown-argument']);
});

test('CDKTF blocks whose class does not match the mapped type are left to the front-end', () => {
  const wrong: Block = { ...resource('aws_vpc', 'x', [a('vpc_id', lit('v'))]), construct: { className: 'Subnet', id: 'x' } };
  assert.deepEqual(validateConfiguration(config([wrong], 'cdktf-ts'), { schema }).findings, []);
  const right: Block = { ...resource('aws_vpc', 'y', [a('vpc_id', lit('v'))]), construct: { className: 'Vpc', id: 'y' } };
  assert.deepEqual(ids(validateConfiguration(config([right], 'cdktf-ts'), { schema }).findings), ['schema-unknown-argument']);
});

test('CDKTF without a package.json: an array for a max-one block is a compile error, other shapes become notes, deprecations still count', () => {
  const sse = nested('server_side_encryption', [a('enabled', lit(true))], [], 'array-item');
  const role = resource('aws_iam_role', 'r', [a('assume_role_policy', lit('{}')), a('managed_policy_arns', tuple(lit('arn')))]);
  const r = checkConfiguration(config([ddb([sse]), role], 'cdktf-ts'));
  assert.deepEqual(ids(r.findings), ['deprecated-argument', 'schema-nesting-mode']);
  const ingressObject = resource('aws_security_group', 's', [], [nested('ingress', [a('from_port', lit(0))], [], 'object')]);
  const asObject = checkConfiguration(config([ingressObject], 'cdktf-ts'));
  assert.deepEqual(ids(asObject.findings), []);
  assert.match(asObject.notes.join('\n'), /ingress \(nesting shape\)/);
  const pkg = { path: 'package.json', language: 'json', content: '{"dependencies":{"@cdktf/provider-aws":"21.22.1"}}' };
  const withPkg = checkConfiguration(config([ddb([sse]), role], 'cdktf-ts', [pkg]));
  assert.deepEqual(ids(withPkg.findings), ['deprecated-argument', 'schema-nesting-mode']);
  assert.equal(withPkg.provider.constraint, '@cdktf/provider-aws 21.22.1');
});

test('elided documentation snippets (# ... other config ...) skip the required-argument check', () => {
  const file = { path: 'doc.tf', language: 'hcl', content: 'resource "aws_lambda_function" "f" {\n  # ... other config ...\n  s3_key = "k"\n}\n' };
  const fn: Block = { ...resource('aws_lambda_function', 'f', [a('s3_key', lit('k'))]), span: { file: 'doc.tf', line: 1, column: 1, endLine: 4, endColumn: 2 } };
  assert.deepEqual(validateConfiguration(config([fn], 'tf-hcl', [file]), { schema }).findings, []);
  const whole = { ...file, content: file.content.replace('  # ... other config ...\n', '') };
  assert.deepEqual(ids(validateConfiguration(config([fn], 'tf-hcl', [whole]), { schema }).findings), ['schema-missing-required']);
});

test('blocks for arguments the bindings type as any (wafv2 statement) are not reported', () => {
  const acl = resource('aws_wafv2_web_acl', 'w', [a('name', lit('w')), a('scope', lit('REGIONAL'))], [
    nested('default_action', [], [nested('allow', [], [], 'block')], 'block'),
    nested('visibility_config', [a('cloudwatch_metrics_enabled', lit(true)), a('metric_name', lit('m')), a('sampled_requests_enabled', lit(true))], [], 'block'),
    nested('rule', [a('name', lit('r')), a('priority', lit(1))], [
      nested('statement', [], [nested('rate_based_statement', [a('limit', lit(100))], [], 'block')], 'block'),
      nested('action', [], [nested('block', [], [], 'block')], 'block'),
      nested('visibility_config', [a('cloudwatch_metrics_enabled', lit(true)), a('metric_name', lit('r')), a('sampled_requests_enabled', lit(true))], [], 'block'),
    ], 'block'),
  ]);
  assert.deepEqual(validateConfiguration(config([acl]), { schema }).findings, []);
});

test('CDKTF: a visible config object without a required argument is a compile error; open configs and renamed arguments are not judged', () => {
  const keyPair = (attrs: ReturnType<typeof a>[], open?: boolean): Block => ({
    ...resource('aws_key_pair', 'k', attrs),
    construct: { className: 'KeyPair', id: 'k', ...(open ? { open } : {}) },
  });
  const missing = checkConfiguration(config([keyPair([a('key_name', lit('k'))])], 'cdktf-ts'));
  assert.deepEqual(ids(missing.findings), ['schema-missing-required']);
  assert.match(missing.findings[0]!.message, /"publicKey"/);
  assert.deepEqual(ids(checkConfiguration(config([keyPair([a('key_name', lit('k')), a('public_key', lit('ssh-rsa x'))])], 'cdktf-ts')).findings), []);
  // A spread of something unresolved may carry publicKey.
  assert.deepEqual(ids(checkConfiguration(config([keyPair([a('key_name', lit('k'))], true)], 'cdktf-ts')).findings), []);
  // Without a package version an unknown argument beside the missing one may be an older major's name for it.
  const renamed = checkConfiguration(config([keyPair([a('key_name', lit('k')), a('public_key_material', lit('x'))])], 'cdktf-ts'));
  assert.equal(ids(renamed.findings).includes('schema-missing-required'), false);
});

test('a required argument the schema cannot confirm for an older major is reported where the reference sets it on the same block', () => {
  const gsi = (extra: ReturnType<typeof a>[]) => nested('global_secondary_index', [a('name', lit('by-status')), a('hash_key', lit('status')), ...extra], [], 'block');
  const table = (index: Block) =>
    resource('aws_dynamodb_table', 't', [a('name', lit('t')), a('hash_key', lit('pk')), a('billing_mode', lit('PAY_PER_REQUEST'))], [nested('attribute', [a('name', lit('pk')), a('type', lit('S'))], [], 'block'), index]);
  const model = config([terraformBlock('~> 5.0'), table(gsi([]))]);
  // Without a reference: a note, no finding (the bundled schema is another major).
  const alone = checkConfiguration(model);
  assert.deepEqual(ids(alone.findings), []);
  assert.ok(alone.unverifiable.some((u) => /global_secondary_index: required projection_type/.test(u)));
  // The reference sets it on the same block: reported, with the diff as evidence.
  const ideal = config([terraformBlock('~> 5.0'), table(gsi([a('projection_type', lit('ALL'))]))]);
  const withIdeal = checkConfiguration(model, [], schema, ideal);
  assert.deepEqual(ids(withIdeal.findings), ['schema-missing-required']);
  assert.deepEqual(withIdeal.findings[0]!.evidence, ['static', 'diff']);
  assert.equal(withIdeal.findings[0]!.resource, 'aws_dynamodb_table.t');
  assert.match(withIdeal.findings[0]!.message, /"projection_type" \(per 6\.\d+\.\d+; the reference sets it\)/);
});

test('enabled_cloudwatch_logs_exports: a log type RDS does not know is outside the allowed set, with the nearest one named', () => {
  const db = (types: string[]) =>
    resource('aws_db_instance', 'main', [
      a('engine', lit('mysql')),
      a('instance_class', lit('db.t3.small')),
      a('allocated_storage', lit(20)),
      a('enabled_cloudwatch_logs_exports', tuple(...types.map((t) => lit(t)))),
    ]);
  const bad = checkConfiguration(config([terraformBlock('~> 6.0'), db(['error', 'slow_query'])])).findings.filter((f) => f.ruleId === 'schema-invalid-value');
  assert.equal(bad.length, 1);
  assert.equal(bad[0]!.resource, 'aws_db_instance.main');
  assert.match(bad[0]!.message, /"slow_query".*did you mean "slowquery"/);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 6.0'), db(['error', 'general', 'slowquery'])])).findings.filter((f) => f.ruleId === 'schema-invalid-value'), []);
});

test('retention_in_days outside the periods CloudWatch Logs accepts (2555 for "seven years"); comparison operators by name', () => {
  const group = (days: number) => resource('aws_cloudwatch_log_group', 'app', [a('name', lit('app')), a('retention_in_days', lit(days))]);
  const bad = checkConfiguration(config([terraformBlock('~> 6.0'), group(2555)])).findings.filter((f) => f.ruleId === 'schema-invalid-value');
  assert.deepEqual(bad.map((f) => f.resource), ['aws_cloudwatch_log_group.app']);
  assert.match(bad[0]!.message, /2555/);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 6.0'), group(2557)])).findings.filter((f) => f.ruleId === 'schema-invalid-value'), []);
  const alarm = (op: string) =>
    resource('aws_cloudwatch_metric_alarm', 'errors', [a('alarm_name', lit('errors')), a('comparison_operator', lit(op)), a('evaluation_periods', lit(1)), a('threshold', lit(1))]);
  assert.equal(checkConfiguration(config([terraformBlock('~> 6.0'), alarm('GREATER')])).findings.filter((f) => f.ruleId === 'schema-invalid-value').length, 1);
  assert.deepEqual(checkConfiguration(config([terraformBlock('~> 6.0'), alarm('GreaterThanThreshold')])).findings.filter((f) => f.ruleId === 'schema-invalid-value'), []);
});

test('CloudTrail data resource types outside the three event selectors accept (AWS::RDS::DBCluster needs advanced selectors); SNS protocols', () => {
  const trail = (type: string) =>
    resource('aws_cloudtrail', 'main', [a('name', lit('main')), a('s3_bucket_name', lit('logs'))], [
      nested('event_selector', [a('read_write_type', lit('All'))], [nested('data_resource', [a('type', lit(type)), a('values', tuple(lit('arn:aws:rds')))])]),
    ]);
  const invalid = (b: Block) => checkConfiguration(config([terraformBlock('~> 6.0'), b])).findings.filter((f) => f.ruleId === 'schema-invalid-value');
  const refused = (b: Block) => checkConfiguration(config([terraformBlock('~> 6.0'), b])).findings.filter((f) => f.ruleId === 'api-invalid-value');
  // The provider passes the type through (validate accepts it); CloudTrail refuses it at apply: a service constraint.
  assert.deepEqual(invalid(trail('AWS::RDS::DBCluster')), []);
  assert.deepEqual(refused(trail('AWS::RDS::DBCluster')).map((f) => [f.resource, f.category]), [['aws_cloudtrail.main', 'service-constraint']]);
  assert.match(refused(trail('AWS::RDS::DBCluster'))[0]!.message, /AWS refuses at apply/);
  assert.deepEqual(refused(trail('AWS::DynamoDB::Table')), []);
  const sub = (protocol: string) => resource('aws_sns_topic_subscription', 's', [a('topic_arn', lit('arn:aws:sns:us-east-1:123456789012:t')), a('protocol', lit(protocol)), a('endpoint', lit('ops@example.org'))]);
  assert.match(invalid(sub('e-mail'))[0]?.message ?? '', /"e-mail"/);
  assert.deepEqual(invalid(sub('email')), []);
});

test('a misnamed required argument is one unknown argument naming it, not also a missing one', () => {
  const method = resource('aws_api_gateway_method', 'm', [
    a('rest_api_id', ref('aws_api_gateway_rest_api', 'api', 'id')),
    a('resource_id', ref('aws_api_gateway_resource', 'r', 'id')),
    a('http_method', lit('GET')),
    a('authorization_type', lit('NONE')),
  ]);
  const r = checkConfiguration(config([terraformBlock('~> 6.0'), method]));
  assert.deepEqual(ids(r.findings), ['schema-unknown-argument']);
  assert.match(r.findings[0]!.message, /has no argument "authorization_type".*did you mean "authorization"\?/);
  // Nothing near the missing name: both stay.
  const other = resource('aws_api_gateway_method', 'm', [
    a('rest_api_id', ref('aws_api_gateway_rest_api', 'api', 'id')),
    a('resource_id', ref('aws_api_gateway_resource', 'r', 'id')),
    a('http_method', lit('GET')),
    a('colour', lit('blue')),
  ]);
  assert.deepEqual(ids(checkConfiguration(config([terraformBlock('~> 6.0'), other])).findings), ['schema-missing-required', 'schema-unknown-argument']);
});

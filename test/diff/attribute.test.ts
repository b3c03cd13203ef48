import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributedDiff } from '../../src/diff/index.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import type { Block } from '../../src/model/types.js';
import { call, cfg, cond, data, lit, nb, obj, provider, ref, res, terraform, tpl, tup, variable, output, locals, type BodySpec } from './build.js';

function run(model: Block[], ideal: Block[], prompt = '') {
  return attributedDiff({ model: cfg(model), ideal: cfg(ideal), prompt, conventions: DEFAULT_CONVENTIONS });
}

/** Category of the single change (or of the change at `address`). */
function categoryOf(model: Block[], ideal: Block[], address?: string, prompt = ''): string {
  const d = run(model, ideal, prompt);
  const cs = address ? d.changes.filter((c) => c.address === address) : d.changes;
  assert.ok(cs.length >= 1, `no change${address ? ' at ' + address : ''}: ${JSON.stringify(d.changes.map((c) => c.kind + ' ' + c.address))}`);
  const cats = [...new Set(cs.map((c) => c.category))];
  assert.equal(cats.length, 1, `several categories: ${cs.map((c) => `${c.summary} → ${c.category} (${c.heuristic})`).join('; ')}`);
  return cats[0]!;
}

/** Unrelated blocks both sides share, including the variables the examples reference. */
const filler = (f = 'main.tf') => [
  res(f, 'aws_sqs_queue', 'filler_a', { name: lit('a') }),
  res(f, 'aws_sqs_queue', 'filler_b', { name: lit('b') }),
  ...['environment', 'environment_suffix', 'project', 'enable_route53'].map((n) => variable('variables.tf', n, { type: ref('string') })),
];
const both = (m: BodySpec, i: BodySpec, type = 'aws_s3_bucket', name = 'b'): [Block[], Block[]] => [
  [res('main.tf', type, name, m), ...filler()],
  [res('main.tf', type, name, i), ...filler()],
];

test('alarm added → monitoring', () => {
  assert.equal(categoryOf([...filler()], [...filler(), res('main.tf', 'aws_cloudwatch_metric_alarm', 'errors', { metric_name: lit('Errors') })]), 'monitoring');
});

test('X-Ray tracing added → monitoring', () => {
  assert.equal(categoryOf(...both({ runtime: lit('python3.12') }, { runtime: lit('python3.12'), tracing_config: nb({ mode: lit('Active') }) }, 'aws_lambda_function', 'f')), 'monitoring');
});

test('log retention and log groups → logging', () => {
  assert.equal(categoryOf(...both({ name: lit('/aws/lambda/f') }, { name: lit('/aws/lambda/f'), retention_in_days: lit(14) }, 'aws_cloudwatch_log_group', 'l')), 'logging');
  assert.equal(categoryOf([...filler()], [...filler(), res('main.tf', 'aws_cloudwatch_log_group', 'api', { retention_in_days: lit(7) })]), 'logging');
  assert.equal(categoryOf(...both({ stage_name: lit('prod') }, { stage_name: lit('prod'), access_log_settings: nb({ destination_arn: ref('aws_cloudwatch_log_group.api.arn') }) }, 'aws_api_gateway_stage', 's')), 'logging');
});

test('KMS and encryption flags → encryption', () => {
  assert.equal(categoryOf(...both({ engine: lit('aurora-postgresql') }, { engine: lit('aurora-postgresql'), storage_encrypted: lit(true), kms_key_id: ref('aws_kms_key.db.arn') }, 'aws_rds_cluster', 'db')), 'encryption');
  assert.equal(categoryOf([...filler()], [...filler(), res('main.tf', 'aws_kms_key', 'db', { enable_key_rotation: lit(true) })]), 'encryption');
});

test('policy on aws_kms_key → key-policy', () => {
  const stmt = (svc: string) => obj({ Effect: lit('Allow'), Principal: obj({ Service: lit(svc) }), Action: tup(lit('kms:Decrypt')), Resource: lit('*') });
  assert.equal(
    categoryOf(...both({ policy: call('jsonencode', obj({ Statement: tup(stmt('lambda.amazonaws.com')) })) }, { policy: call('jsonencode', obj({ Statement: tup(stmt('logs.amazonaws.com')) })) }, 'aws_kms_key', 'k')),
    'key-policy',
  );
});

test('tags → tagging', () => {
  assert.equal(categoryOf(...both({ bucket: lit('b') }, { bucket: lit('b'), tags: obj({ Environment: ref('var.environment_suffix') }) })), 'tagging');
  assert.equal(categoryOf([provider('provider.tf', 'aws', { region: ref('var.aws_region') }), ...filler()], [provider('provider.tf', 'aws', { region: ref('var.aws_region'), default_tags: nb({ tags: obj({ Project: lit('x') }) }) }), ...filler()]), 'tagging');
});

test('a name that gains the suffix variable (directly or through a local) → naming', () => {
  assert.equal(categoryOf(...both({ bucket: tpl('app-', ref('var.environment')) }, { bucket: tpl('app-', ref('var.environment_suffix')) })), 'naming');
  const project = variable('variables.tf', 'project', { type: ref('string'), default: lit('app') });
  const m = [project, locals('locals.tf', { prefix: tpl(ref('var.project'), '-app') }), res('main.tf', 'aws_sqs_queue', 'q', { name: tpl(ref('var.project'), '-q') }), ...filler()];
  const i = [project, variable('variables.tf', 'environment_suffix', { type: ref('string'), default: lit('dev') }), locals('locals.tf', { prefix: tpl(ref('var.project'), '-', ref('var.environment_suffix')) }), res('main.tf', 'aws_sqs_queue', 'q', { name: tpl(ref('local.prefix'), '-q') }), ...filler()];
  assert.equal(categoryOf(m, i, 'aws_sqs_queue.q'), 'naming');
  assert.equal(categoryOf(m, i, 'local.prefix'), 'naming');
});

test('public access block, public flags and open ingress → public-exposure', () => {
  assert.equal(categoryOf([res('main.tf', 'aws_s3_bucket', 'b', {}), ...filler()], [res('main.tf', 'aws_s3_bucket', 'b', {}), ...filler(), res('main.tf', 'aws_s3_bucket_public_access_block', 'b', { block_public_acls: lit(true) })]), 'public-exposure');
  assert.equal(categoryOf(...both({ engine: lit('postgres'), publicly_accessible: lit(true) }, { engine: lit('postgres'), publicly_accessible: lit(false) }, 'aws_db_instance', 'db')), 'public-exposure');
  const ing = (cidr: string) => nb({ from_port: lit(5432), to_port: lit(5432), protocol: lit('tcp'), cidr_blocks: tup(lit(cidr)) });
  assert.equal(categoryOf(...both({ ingress: ing('0.0.0.0/0') }, { ingress: ing('10.0.0.0/16') }, 'aws_security_group', 'db')), 'public-exposure');
});

test('wildcard resources replaced by ARNs → iam-least-privilege; actions added → iam-missing-permission', () => {
  const doc = (actions: string[], resource: ReturnType<typeof lit>) =>
    call('jsonencode', obj({ Version: lit('2012-10-17'), Statement: tup(obj({ Effect: lit('Allow'), Action: tup(...actions.map(lit)), Resource: resource })) }));
  assert.equal(categoryOf(...both({ policy: doc(['secretsmanager:GetSecretValue'], lit('*')) }, { policy: doc(['secretsmanager:GetSecretValue'], ref('aws_secretsmanager_secret.db.arn')) }, 'aws_iam_role_policy', 'p')), 'iam-least-privilege');
  assert.equal(categoryOf(...both({ policy: doc(['lambda:InvokeFunction'], ref('aws_lambda_function.f.arn')) }, { policy: doc(['lambda:InvokeFunction', 'logs:CreateLogDelivery'], ref('aws_lambda_function.f.arn')) }, 'aws_iam_role_policy', 'p')), 'iam-missing-permission');
});

test('count added on an enable_* flag → optional-feature', () => {
  assert.equal(categoryOf(...both({ name: lit('app') }, { count: cond(ref('var.enable_route53'), lit(1), lit(0)), name: lit('app') }, 'aws_route53_record', 'app')), 'optional-feature');
});

test('destroy blockers → destroyability', () => {
  assert.equal(categoryOf(...both({ engine: lit('aurora'), skip_final_snapshot: lit(false) }, { engine: lit('aurora'), skip_final_snapshot: lit(true) }, 'aws_rds_cluster', 'db')), 'destroyability');
  assert.equal(categoryOf(...both({ bucket: lit('b'), lifecycle: nb({ prevent_destroy: lit(true) }) }, { bucket: lit('b') })), 'destroyability');
});

test('backend and provider version → backend, provider-version', () => {
  const tf = (version: string, backend: BodySpec['backend']) => terraform('provider.tf', { required_providers: nb({ aws: obj({ source: lit('hashicorp/aws'), version: lit(version) }) }), ...(backend ? { backend } : {}) });
  assert.equal(categoryOf([tf('~> 5.0', nb({}, ['s3'])), ...filler()], [tf('~> 6.0', nb({}, ['s3'])), ...filler()]), 'provider-version');
  assert.equal(categoryOf([tf('~> 5.0', nb({ path: lit('x') }, ['local'])), ...filler()], [tf('~> 5.0', nb({}, ['s3'])), ...filler()]), 'backend');
});

test('provider and terraform blocks moved out of main.tf → file-layout', () => {
  const m = [provider('main.tf', 'aws', { region: ref('var.aws_region') }), ...filler('main.tf')];
  const i = [provider('provider.tf', 'aws', { region: ref('var.aws_region') }), ...filler('main.tf')];
  const d = run(m, i);
  assert.equal(categoryOf(m, i), 'file-layout');
  assert.equal(d.changes[0]!.severity, 'high');
});

test('data source replaced by a resource → external-dependency', () => {
  const m = [data('main.tf', 'aws_vpc', 'existing', { id: ref('var.vpc_id') }), res('main.tf', 'aws_security_group', 'sg', { vpc_id: ref('data.aws_vpc.existing.id') }), ...filler()];
  const i = [res('main.tf', 'aws_vpc', 'main', { cidr_block: lit('10.0.0.0/16') }), res('main.tf', 'aws_security_group', 'sg', { vpc_id: ref('aws_vpc.main.id') }), ...filler()];
  const d = run(m, i);
  assert.equal(d.changes.find((c) => c.kind === 'block-removed')!.category, 'external-dependency');
  assert.equal(d.changes.find((c) => c.kind === 'block-added')!.category, 'external-dependency');
});

test('variable default added → required-input', () => {
  assert.equal(categoryOf([variable('variables.tf', 'alarm_email', { type: ref('string') }), ...filler()], [variable('variables.tf', 'alarm_email', { type: ref('string'), default: lit('ops@example.com') }), ...filler()]), 'required-input');
});

test('point-in-time recovery and versioning → backup-recovery; lifecycle filter and billing mode → lifecycle-cost', () => {
  assert.equal(categoryOf(...both({ hash_key: lit('id') }, { hash_key: lit('id'), point_in_time_recovery: nb({ enabled: lit(true) }) }, 'aws_dynamodb_table', 't')), 'backup-recovery');
  assert.equal(categoryOf([res('main.tf', 'aws_s3_bucket', 'b', {}), ...filler()], [res('main.tf', 'aws_s3_bucket', 'b', {}), ...filler(), res('main.tf', 'aws_s3_bucket_versioning', 'b', { bucket: ref('aws_s3_bucket.b.id') })]), 'backup-recovery');
  assert.equal(categoryOf(...both({ hash_key: lit('id'), billing_mode: lit('PROVISIONED') }, { hash_key: lit('id'), billing_mode: lit('PAY_PER_REQUEST') }, 'aws_dynamodb_table', 't')), 'lifecycle-cost');
  const rule = (f: boolean) => nb({ id: lit('r'), status: lit('Enabled'), ...(f ? { filter: nb({}) } : {}) });
  assert.equal(categoryOf(...both({ rule: rule(false) }, { rule: rule(true) }, 'aws_s3_bucket_lifecycle_configuration', 'l')), 'lifecycle-cost');
});

test('reserved concurrency → scaling; multi_az → high-availability; engine_version → service-constraint', () => {
  assert.equal(categoryOf(...both({ runtime: lit('nodejs20.x'), reserved_concurrent_executions: lit(100) }, { runtime: lit('nodejs20.x') }, 'aws_lambda_function', 'f')), 'scaling');
  assert.equal(categoryOf(...both({ engine: lit('postgres'), multi_az: lit(false) }, { engine: lit('postgres'), multi_az: lit(true) }, 'aws_db_instance', 'db')), 'high-availability');
  assert.equal(categoryOf(...both({ engine_version: lit('15.3') }, { engine_version: lit('15.4') }, 'aws_rds_cluster', 'db')), 'service-constraint');
  assert.equal(categoryOf(...both({ instance_class: lit('db.t3.micro'), performance_insights_enabled: lit(true) }, { instance_class: lit('db.t3.micro'), performance_insights_enabled: lit(false) }, 'aws_rds_cluster_instance', 'w')), 'service-constraint');
});

test('VPC endpoint → network; secret → secrets; output → outputs; depends_on → dependency', () => {
  assert.equal(categoryOf([...filler()], [...filler(), res('main.tf', 'aws_vpc_endpoint', 'logs', { service_name: lit('com.amazonaws.us-east-1.logs') })]), 'network');
  assert.equal(categoryOf([...filler()], [...filler(), res('main.tf', 'aws_secretsmanager_secret', 'db', { name: lit('db') })]), 'secrets');
  assert.equal(categoryOf([...filler()], [...filler(), output('outputs.tf', 'queue_url', { value: ref('aws_sqs_queue.filler_a.url') })]), 'outputs');
  assert.equal(categoryOf(...both({ function_name: lit('f') }, { function_name: lit('f'), depends_on: tup(ref('aws_cloudwatch_log_group.f')) }, 'aws_lambda_function', 'f')), 'dependency');
});

test('reference to an undeclared variable fixed by renaming it → reference', () => {
  const m = [variable('variables.tf', 'region', { type: ref('string'), default: lit('us-west-1') }), provider('provider.tf', 'aws', { region: ref('var.aws_region') }), ...filler()];
  const i = [variable('variables.tf', 'aws_region', { type: ref('string'), default: lit('us-west-1') }), provider('provider.tf', 'aws', { region: ref('var.aws_region') }), ...filler()];
  assert.equal(categoryOf(m, i), 'reference');
});

test('CDKTF array-for-object nesting → schema; http_method "*" removed → schema', () => {
  assert.equal(categoryOf(...both({ server_side_encryption: nb({ enabled: lit(true) }, [], 'array-item') }, { server_side_encryption: nb({ enabled: lit(true) }, [], 'object') }, 'aws_dynamodb_table', 't')), 'schema');
  assert.equal(categoryOf([res('main.tf', 'aws_api_gateway_method', 'settings', { http_method: lit('*') }), ...filler()], [...filler()]), 'schema');
});

test('deprecated managed_policy_arns → aws_iam_role_policy_attachment; inline S3 versioning → deprecated', () => {
  const m = [res('iam.tf', 'aws_iam_role', 'backup', { name: lit('backup'), managed_policy_arns: tup(lit('arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup')) }), ...filler()];
  const i = [res('iam.tf', 'aws_iam_role', 'backup', { name: lit('backup') }), res('iam.tf', 'aws_iam_role_policy_attachment', 'backup', { role: ref('aws_iam_role.backup.name'), policy_arn: lit('arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup') }), ...filler()];
  assert.equal(categoryOf(m, i, 'aws_iam_role.backup'), 'deprecated');
  assert.equal(categoryOf(m, i, 'aws_iam_role_policy_attachment.backup'), 'deprecated');
  assert.equal(categoryOf(...both({ bucket: lit('b'), versioning: nb({ enabled: lit(true) }) }, { bucket: lit('b') })), 'deprecated');
});

test('a new resource of a service the prompt names → missing-resource', () => {
  assert.equal(categoryOf([...filler()], [...filler(), res('main.tf', 'aws_ecs_cluster', 'c', { name: lit('c') })], undefined, 'deploy the service on ecs fargate behind a load balancer'), 'missing-resource');
});

test('hard-coded region/account replaced by data or var → hardcoded-value', () => {
  assert.equal(categoryOf(...both({ service_name: lit('x'), resource_arn: lit('arn:aws:sns:us-east-1:123456789012:topic') }, { service_name: lit('x'), resource_arn: tpl('arn:aws:sns:', ref('data.aws_region.current.name'), ':', ref('data.aws_caller_identity.current.account_id'), ':topic') }, 'aws_cloudwatch_event_target', 't')), 'hardcoded-value');
  assert.equal(categoryOf([...filler()], [...filler(), data('main.tf', 'aws_caller_identity', 'current')]), 'hardcoded-value');
});

test('lambda source moved into lambda/ → file-layout; architecture → misconfiguration; runtime → service-constraint', () => {
  assert.equal(categoryOf(...both({ type: lit('zip'), source_file: tpl(ref('path.module'), '/handler.py') }, { type: lit('zip'), source_dir: tpl(ref('path.module'), '/lambda') }, 'archive_file', 'zip').map((bs) => bs.map((b) => (b.labels[0] === 'archive_file' ? { ...b, kind: 'data' as const } : b))) as [Block[], Block[]]), 'file-layout');
  assert.equal(categoryOf(...both({ architectures: tup(lit('x86_64')) }, { architectures: tup(lit('arm64')) }, 'aws_lambda_function', 'f')), 'misconfiguration');
  // A runtime the ideal replaces is usually a deprecated one AWS no longer accepts.
  assert.equal(categoryOf(...both({ runtime: lit('nodejs16.x') }, { runtime: lit('nodejs20.x') }, 'aws_lambda_function', 'f')), 'service-constraint');
});

test('many changes to one block in one category make one finding; unexplained changes are still listed', () => {
  const d = run(
    ...both(
      { bucket: lit('b') },
      { bucket: lit('b'), server_side_encryption_configuration: nb({ rule: nb({ apply_server_side_encryption_by_default: nb({ sse_algorithm: lit('aws:kms'), kms_master_key_id: ref('aws_kms_key.k.arn') }) }) }), object_ownership_zzz: lit('x') },
    ),
  );
  const enc = d.findings.filter((f) => f.category === 'encryption');
  assert.equal(enc.length, 1);
  assert.equal(enc[0]!.ruleId, 'diff-encryption');
  assert.deepEqual(enc[0]!.evidence, ['diff']);
  assert.equal(enc[0]!.resource, 'aws_s3_bucket.b');
  assert.ok(enc[0]!.modelSnippet && enc[0]!.idealSnippet);
  const fallback = d.changes.find((c) => c.path[0] === 'object_ownership_zzz')!;
  assert.equal(fallback.heuristic, 'fallback');
  assert.equal(fallback.category, 'misconfiguration');
  assert.equal(fallback.severity, 'low');
  assert.ok(d.findings.some((f) => f.ruleId === 'diff-misconfiguration'));
});

test('blocks only the ideal has are located in the model file they would go to', () => {
  const m = [res('tap_stack.tf', 'aws_s3_bucket', 'b', {}), res('tap_stack.tf', 'aws_sqs_queue', 'q', {})];
  const i = [res('main.tf', 'aws_s3_bucket', 'b', {}), res('main.tf', 'aws_sqs_queue', 'q', {}), res('main.tf', 'aws_s3_bucket_public_access_block', 'b', {}), res('main.tf', 'aws_cloudwatch_metric_alarm', 'x', {})];
  const f = run(m, i).findings.find((x) => x.category === 'public-exposure')!;
  assert.deepEqual(f.location, { file: 'tap_stack.tf', line: 1 });
  // With no block of its type in the model, an added block is filed under its type (one "missing" finding).
  assert.equal(f.resource, 'aws_s3_bucket_public_access_block');
});

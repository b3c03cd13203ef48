import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffConfigurations, sameExpr } from '../../src/diff/index.js';
import { call, cfg, cond, heredoc, lit, nb, obj, provider, ref, res, terraform, tpl, tup, variable, output, locals } from './build.js';

const kinds = (r: ReturnType<typeof diffConfigurations>) => r.changes.map((c) => `${c.kind} ${c.address}${c.path.length ? ' ' + c.path.join('.') : ''}`);

test('a renamed resource is one change, and references follow the rename', () => {
  const model = cfg([
    res('main.tf', 'aws_s3_bucket', 'data', { bucket: tpl('app-data-', ref('var.environment_suffix')), force_destroy: lit(true) }),
    res('main.tf', 'aws_s3_bucket_versioning', 'v', { bucket: ref('aws_s3_bucket.data.id') }),
  ]);
  const ideal = cfg([
    res('main.tf', 'aws_s3_bucket', 'data_bucket', { bucket: tpl('app-data-', ref('var.environment_suffix')), force_destroy: lit(true) }),
    res('main.tf', 'aws_s3_bucket_versioning', 'v', { bucket: ref('aws_s3_bucket.data_bucket.id') }),
  ]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['block-renamed aws_s3_bucket.data']);
  assert.equal(r.changes[0]!.ideal!.address, 'aws_s3_bucket.data_bucket');
});

test('different resources of one type are not taken for renames', () => {
  const model = cfg([res('main.tf', 'aws_sqs_queue', 'a', { name: lit('orders'), delay_seconds: lit(5), visibility_timeout_seconds: lit(30) }), res('main.tf', 'aws_sqs_queue', 'b', { name: lit('x') })]);
  const ideal = cfg([res('main.tf', 'aws_sqs_queue', 'c', { name: lit('payments'), fifo_queue: lit(true), message_retention_seconds: lit(60) }), res('main.tf', 'aws_sqs_queue', 'd', { name: lit('y') })]);
  const r = diffConfigurations(model, ideal);
  assert.ok(!r.changes.some((c) => c.kind === 'block-renamed' && c.address === 'aws_sqs_queue.a'), kinds(r).join('\n'));
});

test('provider block moved from main.tf to provider.tf is a moved-file change; the rest is not', () => {
  const model = cfg([
    provider('main.tf', 'aws', { region: ref('var.aws_region') }),
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('main.tf', 'aws_sns_topic', 't', { name: lit('t') }),
  ]);
  const ideal = cfg([
    provider('provider.tf', 'aws', { region: ref('var.aws_region') }),
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('main.tf', 'aws_sns_topic', 't', { name: lit('t') }),
  ]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['moved-file provider.aws']);
  assert.equal(r.changes[0]!.model!.span.file, 'main.tf');
  assert.equal(r.changes[0]!.ideal!.span.file, 'provider.tf');
});

test('a single-file model split under another file name is not a move of every block', () => {
  const model = cfg([
    provider('main.tf', 'aws', { region: ref('var.aws_region') }),
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('main.tf', 'aws_sns_topic', 't', { name: lit('t') }),
  ]);
  const ideal = cfg([
    provider('provider.tf', 'aws', { region: ref('var.aws_region') }),
    res('tap_stack.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('tap_stack.tf', 'aws_sns_topic', 't', { name: lit('t') }),
  ]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['moved-file provider.aws']);
  assert.equal(r.fileMap['main.tf'], 'tap_stack.tf');
});

test('reformatting is not a change: quoting, interpolation-only templates, key order, heredoc vs jsonencode', () => {
  const policyObj = obj({ Version: lit('2012-10-17'), Statement: tup(obj({ Effect: lit('Allow'), Action: lit('s3:GetObject'), Resource: lit('*') })) });
  const policyReordered = obj({ Statement: tup(obj({ Resource: lit('*'), Action: lit('s3:GetObject'), Effect: lit('Allow') })), Version: lit('2012-10-17') });
  const json = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Resource": "*", "Action": "s3:GetObject"}]\n}\n';
  assert.ok(sameExpr(call('jsonencode', policyObj), call('jsonencode', policyReordered)));
  assert.ok(sameExpr(call('jsonencode', policyObj), heredoc(json)));
  assert.ok(sameExpr(lit('443'), lit(443)));
  assert.ok(sameExpr(tpl(ref('var.name')), ref('var.name')));
  assert.ok(sameExpr(tpl('a', 'b'), lit('ab')));
  assert.ok(sameExpr(heredoc('echo hi\n'), lit('echo hi')));
  assert.ok(!sameExpr(lit('15.3'), lit('15.4')));
  assert.ok(!sameExpr(call('jsonencode', policyObj), call('jsonencode', obj({ Version: lit('2012-10-17'), Statement: tup() }))));

  const model = cfg([res('main.tf', 'aws_iam_policy', 'p', { name: lit('p'), policy: call('jsonencode', policyObj), tags: obj({ a: lit('1'), b: lit('2') }) })]);
  const ideal = cfg([res('main.tf', 'aws_iam_policy', 'p', { tags: obj({ b: lit(2), a: lit(1) }), policy: heredoc(json), name: tpl('p') })]);
  assert.deepEqual(diffConfigurations(model, ideal).changes, []);
});

test('an attribute value change is reported with both sides', () => {
  const model = cfg([res('main.tf', 'aws_rds_cluster', 'db', { engine: lit('aurora-postgresql'), engine_version: lit('15.3') })]);
  const ideal = cfg([res('main.tf', 'aws_rds_cluster', 'db', { engine: lit('aurora-postgresql'), engine_version: lit('15.4') })]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['attribute-changed aws_rds_cluster.db engine_version']);
  const c = r.changes[0]!;
  assert.equal(c.model!.attribute!.name, 'engine_version');
  assert.equal(c.ideal!.attribute!.name, 'engine_version');
  assert.match(c.model!.snippet, /^line \d+$/);
});

test('partial ideal: a model file the ideal does not show is unchanged, and coverage says so', () => {
  const model = cfg([
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('main.tf', 'aws_sns_topic', 't', { name: lit('t') }),
    variable('variables.tf', 'a', { type: ref('string') }),
    variable('variables.tf', 'b', { type: ref('string') }),
    output('outputs.tf', 'q', { value: ref('aws_sqs_queue.q.url') }),
  ]);
  const ideal = cfg([
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q'), sqs_managed_sse_enabled: lit(true) }),
    res('main.tf', 'aws_sns_topic', 't', { name: lit('t') }),
  ]);
  const r = diffConfigurations(model, ideal);
  assert.equal(r.partialIdeal, true);
  assert.deepEqual(r.unchangedFiles, ['outputs.tf', 'variables.tf']);
  assert.equal(r.coverage, 0.4);
  assert.deepEqual(kinds(r), ['attribute-added aws_sqs_queue.q sqs_managed_sse_enabled']);
});

test('a removal inside a file the ideal shows is a real removal', () => {
  const model = cfg([res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }), res('main.tf', 'aws_api_gateway_method', 'any', { http_method: lit('*') }), res('main.tf', 'aws_sns_topic', 't', { name: lit('t') })]);
  const ideal = cfg([res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }), res('main.tf', 'aws_sns_topic', 't', { name: lit('t') })]);
  const r = diffConfigurations(model, ideal);
  assert.equal(r.partialIdeal, false);
  assert.equal(r.coverage, 1);
  assert.deepEqual(kinds(r), ['block-removed aws_api_gateway_method.any']);
});

test('an ideal of a few snippets does not remove the rest of the model', () => {
  const model = cfg([
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('main.tf', 'aws_sns_topic', 't', { name: lit('t') }),
    res('main.tf', 'aws_s3_bucket', 'b', { bucket: lit('b') }),
    res('main.tf', 'aws_lambda_function', 'f', { runtime: lit('python3.9') }),
  ]);
  const ideal = cfg([res('main.tf', 'aws_lambda_function', 'f', { runtime: lit('python3.12') })]);
  const r = diffConfigurations(model, ideal);
  assert.equal(r.partialIdeal, true);
  assert.equal(r.coverage, 0.25);
  assert.deepEqual(kinds(r), ['attribute-changed aws_lambda_function.f runtime']);
});

test('nested block change: a lifecycle rule gains filter {}', () => {
  const rule = (withFilter: boolean) =>
    nb({ id: lit('archive'), status: lit('Enabled'), ...(withFilter ? { filter: nb({}) } : {}), transition: nb({ days: lit(30), storage_class: lit('GLACIER') }) });
  const model = cfg([res('main.tf', 'aws_s3_bucket_lifecycle_configuration', 'l', { bucket: ref('aws_s3_bucket.b.id'), rule: rule(false) })]);
  const ideal = cfg([res('main.tf', 'aws_s3_bucket_lifecycle_configuration', 'l', { bucket: ref('aws_s3_bucket.b.id'), rule: rule(true) })]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['nested-block-added aws_s3_bucket_lifecycle_configuration.l rule.filter']);
});

test('nested blocks pair by content, not position', () => {
  const ing = (port: number, cidr: string) => nb({ from_port: lit(port), to_port: lit(port), protocol: lit('tcp'), cidr_blocks: tup(lit(cidr)) });
  const model = cfg([res('main.tf', 'aws_security_group', 'sg', { ingress: [ing(443, '0.0.0.0/0'), ing(5432, '0.0.0.0/0')] })]);
  const ideal = cfg([res('main.tf', 'aws_security_group', 'sg', { ingress: [ing(5432, '10.0.0.0/16'), ing(443, '0.0.0.0/0')] })]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['attribute-changed aws_security_group.sg ingress.cidr_blocks']);
});

test('meta-arguments and variable defaults have their own change kinds', () => {
  const model = cfg([
    res('main.tf', 'aws_route53_record', 'app', { name: lit('app') }),
    res('main.tf', 'aws_db_instance', 'db', { engine: lit('postgres'), lifecycle: nb({ prevent_destroy: lit(true) }) }),
    variable('main.tf', 'domain_name', { type: ref('string') }),
  ]);
  const ideal = cfg([
    res('main.tf', 'aws_route53_record', 'app', { count: cond(ref('var.enable_route53'), lit(1), lit(0)), name: lit('app') }),
    res('main.tf', 'aws_db_instance', 'db', { engine: lit('postgres') }),
    variable('main.tf', 'domain_name', { type: ref('string'), default: lit(null) }),
  ]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r).sort(), [
    'meta-argument-added aws_route53_record.app count',
    'meta-argument-removed aws_db_instance.db lifecycle',
    'variable-default-added var.domain_name default',
  ]);
});

test('locals are matched one by one', () => {
  const model = cfg([locals('locals.tf', { prefix: tpl(ref('var.project'), '-app'), tags: obj({ a: lit('1') }) })]);
  const ideal = cfg([locals('locals.tf', { prefix: tpl(ref('var.project'), '-', ref('var.environment_suffix')), tags: obj({ a: lit('1') }) })]);
  const r = diffConfigurations(model, ideal);
  assert.deepEqual(kinds(r), ['attribute-changed local.prefix prefix']);
});

test('output is deterministic', () => {
  const mk = () => [
    res('a.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    res('b.tf', 'aws_sns_topic', 't', { name: lit('t') }),
  ];
  const model = cfg(mk());
  const ideal = cfg([res('a.tf', 'aws_sqs_queue', 'q', { name: lit('q2') }), res('b.tf', 'aws_sns_topic', 't', { name: lit('t2') }), res('b.tf', 'aws_kms_key', 'k', {})]);
  assert.deepEqual(JSON.stringify(diffConfigurations(model, ideal).changes.map((c) => [c.kind, c.address])), JSON.stringify(diffConfigurations(model, ideal).changes.map((c) => [c.kind, c.address])));
  assert.deepEqual(kinds(diffConfigurations(model, ideal)), ['attribute-changed aws_sqs_queue.q name', 'attribute-changed aws_sns_topic.t name', 'block-added aws_kms_key.k']);
});

test('terraform blocks and the backend compare like other blocks', () => {
  const model = cfg([terraform('main.tf', { required_providers: nb({ aws: obj({ source: lit('hashicorp/aws'), version: lit('~> 5.0') }) }), backend: nb({ path: lit('terraform.tfstate') }, ['local']) }), res('main.tf', 'aws_sqs_queue', 'q', {})]);
  const ideal = cfg([terraform('main.tf', { required_providers: nb({ aws: obj({ source: lit('hashicorp/aws'), version: lit('~> 6.0') }) }), backend: nb({}, ['s3']) }), res('main.tf', 'aws_sqs_queue', 'q', {})]);
  assert.deepEqual(kinds(diffConfigurations(model, ideal)), [
    'attribute-changed terraform required_providers.aws',
    'nested-block-changed terraform backend',
    'attribute-removed terraform backend.path',
  ]);
});

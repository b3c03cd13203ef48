import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceFile } from '../../src/model/types.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { attributedDiff } from '../../src/diff/index.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { diffCase } from './fixture-case.js';

const where = (c: { kind: string; address: string; path: string[] }) => `${c.kind} ${c.address}${c.path.length ? ' ' + c.path.join('.') : ''}`;

test('an ideal that shows a 5-line excerpt of main.tf removes none of the blocks it leaves out', () => {
  const d = diffCase('excerpt');
  // The ideal shows variables.tf and outputs.tf whole, so it is not a snippet ideal overall; main.tf is an excerpt.
  assert.deepEqual(
    d.changes.filter((c) => c.kind === 'block-removed').map(where),
    [],
  );
  assert.ok(d.result.partialIdeal);
  assert.deepEqual(d.changes.map(where), ['attribute-changed aws_s3_bucket.data bucket']);
  assert.ok(!d.findings.some((f) => /removes/.test(f.message)), d.findings.map((f) => f.message).join('\n'));
});

test('a whole ideal file still removes the blocks it drops', () => {
  const d = diffCase('pab-removed');
  // The ideal file has about as many blocks as the model's: what it leaves out is gone, not elided.
  const removed = [...d.changes, ...d.ignored.map((g) => g.change)].filter((c) => c.kind === 'block-removed').map((c) => c.address).sort();
  assert.deepEqual(removed, ['aws_s3_bucket_public_access_block.site', 'aws_s3_bucket_server_side_encryption_configuration.site']);
});

test('an ideal that removes a public access block, SSE or encryption is not the model exposing anything', () => {
  const d = diffCase('pab-removed');
  assert.deepEqual(
    d.findings.filter((f) => f.category === 'public-exposure' || f.category === 'encryption').map((f) => `${f.ruleId} ${f.message}`),
    [],
  );
  const ignored = d.ignored.map((g) => `${where(g.change)} ${g.reason}`).sort();
  assert.deepEqual(ignored, [
    'attribute-changed aws_db_instance.db publicly_accessible ideal-weakens-protection',
    'attribute-changed aws_db_instance.db storage_encrypted ideal-weakens-protection',
    'block-removed aws_s3_bucket_public_access_block.site ideal-weakens-protection',
    'block-removed aws_s3_bucket_server_side_encryption_configuration.site ideal-weakens-protection',
  ]);
});

test('the model granting s3:* where the ideal grants s3:GetObject is least privilege, never a missing permission', () => {
  const d = diffCase('iam-broader');
  const byAddress = new Map(d.changes.map((c) => [c.address, c] as const));
  assert.equal(byAddress.get('aws_iam_role_policy.app')!.category, 'iam-least-privilege');
  // A new policy whose action a model wildcard already allows is the model granting more, not less.
  const reader = byAddress.get('aws_iam_role_policy.reader')!;
  assert.notEqual(reader.category, 'iam-missing-permission');
  assert.equal(reader.heuristic, 'iam-policy-added-narrower');
  // What the model really lacks still is a missing permission.
  const missing = d.findings.filter((f) => f.category === 'iam-missing-permission');
  assert.deepEqual(missing.map((f) => `${f.ruleId} ${f.resource}`), ['diff-iam-actions-added aws_iam_role_policy.writer']);
  // The message names the actions, not "the policy differs".
  assert.equal(missing[0]!.message, "The ideal grants `dynamodb:PutItem` on aws_iam_role_policy.writer; the model's policy lacks it.");
});

test('provider defaults written out are no change; a destroy blocker the ideal adds is not the model blocking destroy', () => {
  const d = diffCase('defaults');
  const ignored = d.ignored.map((g) => `${where(g.change)} ${g.reason}`).sort();
  assert.deepEqual(ignored, [
    'attribute-added aws_db_instance.db deletion_protection ideal-adds-destroy-blocker',
    'attribute-added aws_kms_key.data deletion_window_in_days provider-default',
    'attribute-removed aws_db_instance.db publicly_accessible provider-default',
  ]);
  const kept = d.changes.map((c) => `${where(c)} → ${c.category}`);
  assert.ok(kept.includes('attribute-added aws_kms_key.data enable_key_rotation → encryption'), kept.join('\n'));
  assert.ok(kept.includes('attribute-changed aws_db_instance.db skip_final_snapshot → destroyability'), kept.join('\n'));
});

test('messages say what changed in one sentence, with whole values', () => {
  const d = diffCase('defaults');
  const byResource = new Map(d.findings.map((f) => [`${f.resource} ${f.category}`, f.message] as const));
  assert.equal(byResource.get('aws_kms_key.data encryption'), 'The ideal sets `enable_key_rotation = true` on aws_kms_key.data; the model leaves it unset.');
  assert.equal(byResource.get('aws_db_instance.db destroyability'), 'The ideal sets `skip_final_snapshot = true` on aws_db_instance.db; the model has false.');
  const target = d.findings.find((f) => f.resource === 'aws_cloudwatch_event_target.t')!;
  assert.equal(target.message, '`retry_policy.maximum_event_age` is not an argument of aws_cloudwatch_event_target; the ideal uses `maximum_event_age_in_seconds` (on aws_cloudwatch_event_target.t).');
  for (const f of d.findings) assert.ok(!f.message.includes('…'), `truncated: ${f.message}`);
});

function diffText(model: string, ideal: string) {
  const files = (content: string): SourceFile[] => [{ path: 'lib/main.tf', language: 'hcl', content }];
  return attributedDiff({ model: parseHclFiles(files(model)), ideal: parseHclFiles(files(ideal)), prompt: '', conventions: DEFAULT_CONVENTIONS });
}

test('a literal moved into a variable with the same default is no change; a hard-coded region still is', () => {
  const d = diffText(
    'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nprovider "aws" {\n  region = "us-east-1"\n}\n',
    'variable "vpc_cidr" {\n  default = "10.0.0.0/16"\n}\nvariable "region" {\n  default = "us-east-1"\n}\nresource "aws_vpc" "main" {\n  cidr_block = var.vpc_cidr\n}\nprovider "aws" {\n  region = var.region\n}\n',
  );
  assert.deepEqual(d.ignored.map((g) => `${where(g.change)} ${g.reason}`), ['attribute-changed aws_vpc.main cidr_block same-value-parametrized']);
  assert.ok(d.changes.some((c) => c.address === 'provider.aws' && c.path.join('.') === 'region' && c.category === 'hardcoded-value'));
  // The variables the ideal adds are how it parametrizes: observations, never failures.
  assert.ok(d.findings.filter((f) => f.resource?.startsWith('var.')).every((f) => f.ruleId === 'diff-variable-added'));
});

test('a description beside an open ingress rule is documentation, not a fix of the exposure', () => {
  const sg = (extra: string) =>
    `resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n${extra}  }\n}\n`;
  const d = diffText(sg(''), sg('    description = "HTTPS from anywhere"\n'));
  assert.deepEqual(d.changes.map((c) => `${where(c)} ${c.heuristic}`), ['attribute-added aws_security_group.web ingress.description description']);
  assert.equal(d.findings[0]!.ruleId, 'diff-description');
});

test('CDKTF code the front end keeps opaque compares without quoting style or trailing commas', async () => {
  const { exprKey } = await import('../../src/diff/normalize.js');
  const opaque = (text: string) => ({ kind: 'opaque' as const, text });
  assert.equal(exprKey(opaque("`${id}-` + 'bucket'")), exprKey(opaque('`${id}-` + "bucket"')));
  assert.equal(exprKey(opaque("[a, b,]")), exprKey(opaque('[a, b]')));
  assert.equal(exprKey(opaque('`plain`')), exprKey(opaque('"plain"')));
  assert.notEqual(exprKey(opaque("'a'")), exprKey(opaque("'b'")));
  // An apostrophe inside a double-quoted string is not a quote; a template with placeholders stays a template.
  assert.notEqual(exprKey(opaque('"it\'s" + x')), exprKey(opaque('"it" + x')));
  assert.notEqual(exprKey(opaque('`${a}-b`')), exprKey(opaque('"${a}-b"')));
  // A quote that never closes leaves the rest as written (and in one pass).
  const { canonical } = await import('../../src/diff/normalize.js');
  assert.deepEqual(canonical(opaque("f('a,  b)")), ['opaque', "f('a, b)"]);
});

test('a reference moved to another resource of the same type is an observation; a new kind of target is not', () => {
  const assoc = (rt: string) => `resource "aws_route_table" "private" {\n  vpc_id = "v"\n}\nresource "aws_route_table" "private_2" {\n  vpc_id = "v"\n}\nresource "aws_route_table_association" "a" {\n  subnet_id      = "s"\n  route_table_id = ${rt}\n}\n`;
  const d = diffText(assoc('aws_route_table.private.id'), assoc('aws_route_table.private_2.id'));
  assert.deepEqual(d.changes.map((c) => `${where(c)} ${c.heuristic}`), ['attribute-changed aws_route_table_association.a route_table_id reference-retargeted']);
  assert.equal(d.findings[0]!.ruleId, 'diff-reference-retargeted');
  const other = diffText(assoc('aws_route_table.private.id'), assoc('var.route_table_id'));
  assert.notEqual(other.changes[0]!.heuristic, 'reference-retargeted');
});

test('Performance Insights the ideal adds is not the model using an unsupported feature', () => {
  const db = (extra: string) => `resource "aws_db_instance" "db" {\n  instance_class = "db.t3.micro"\n${extra}}\n`;
  const added = diffText(db(''), db('  performance_insights_enabled = true # insights\n'));
  assert.ok(!added.findings.some((f) => f.ruleId === 'diff-performance-insights-instance'));
  // Values are shown as written, without the trailing comment.
  assert.ok(added.findings.some((f) => f.message.includes('`performance_insights_enabled = true` on aws_db_instance.db')), added.findings.map((f) => f.message).join('\n'));
  const removed = diffText(db('  performance_insights_enabled = true\n'), db(''));
  assert.deepEqual(removed.findings.map((f) => f.ruleId), ['diff-performance-insights-instance']);
});

test('model terraform and provider blocks are unchanged when the ideal shows none at all', () => {
  const queues = (suffix: string) => ['a', 'b', 'c'].map((n) => `resource "aws_sqs_queue" "${n}" {\n  name = "${n}${suffix}"\n}\n`).join('');
  const model = `terraform {\n  required_version = ">= 1.5"\n}\nprovider "aws" {\n  region = var.region\n}\n${queues('')}`;
  // Three of five blocks shown, in a file that elides nothing: whole enough for removals, yet no terraform block.
  const d = diffText(model, queues('-x'));
  assert.equal(d.changes.length, 3);
  assert.deepEqual(d.changes.filter((c) => c.kind === 'block-removed').map(where), []);
});

test('CDKTF: a program variable renamed in a reference (this.vpc.id → vpcId) is an observation', async () => {
  const { cfg, res } = await import('./build.js');
  const { attributeChanges } = await import('../../src/diff/attribute.js');
  const { diffConfigurations } = await import('../../src/diff/diff.js');
  const opaque = (text: string) => ({ kind: 'opaque' as const, text });
  const m = cfg([res('lib/a.ts', 'aws_subnet', 's', { vpc_id: opaque('this.vpc.id') })], 'cdktf-ts');
  const i = cfg([res('lib/a.ts', 'aws_subnet', 's', { vpc_id: opaque('vpcId') })], 'cdktf-ts');
  const changes = attributeChanges(diffConfigurations(m, i).changes, { model: m, ideal: i, prompt: '', conventions: DEFAULT_CONVENTIONS });
  assert.deepEqual(changes.map((c) => c.heuristic), ['reference-retargeted']);
  const lit = cfg([res('lib/a.ts', 'aws_subnet', 's', { vpc_id: opaque("'vpc-123'") })], 'cdktf-ts');
  const literal = attributeChanges(diffConfigurations(lit, i).changes, { model: lit, ideal: i, prompt: '', conventions: DEFAULT_CONVENTIONS });
  assert.notDeepEqual(literal.map((c) => c.heuristic), ['reference-retargeted']);
});

test('a number both sides set (alarm threshold 80 vs 75) is tuning; a number the model leaves out is not', () => {
  const alarm = (extra: string) => `resource "aws_cloudwatch_metric_alarm" "cpu" {\n  metric_name = "CPUUtilization"\n${extra}}\n`;
  const tuned = diffText(alarm('  threshold = 80\n'), alarm('  threshold = 75\n'));
  assert.deepEqual(tuned.findings.map((f) => f.ruleId), ['diff-value-tuned']);
  const added = diffText(alarm(''), alarm('  threshold = 75\n'));
  assert.notDeepEqual(added.findings.map((f) => f.ruleId), ['diff-value-tuned']);
});

test('a setting the ideal leaves out is an observation, unless leaving it out fixes a defect (a hard-coded password)', () => {
  const db = (extra: string) => `resource "aws_db_instance" "db" {\n  identifier = "db"\n  engine     = "mysql"\n${extra}}\n`;
  const d = diffText(db('  db_subnet_group_name = "main"\n  storage_type = "gp2"\n  password = "hunter22"\n'), db(''));
  const byCategory = new Map(d.findings.map((f) => [f.category, f.ruleId] as const));
  assert.equal(byCategory.get('network'), 'diff-ideal-omits');
  assert.equal(byCategory.get('lifecycle-cost'), 'diff-ideal-omits');
  assert.equal(byCategory.get('secrets'), 'diff-secrets');
});

test('a generated password or a username the ideal does not show is an omission; a literal password is a secret', () => {
  const db = (extra: string) => `resource "random_password" "p" {\n  length = 16\n}\nresource "aws_db_instance" "db" {\n  identifier = "db"\n  engine     = "mysql"\n${extra}}\n`;
  const d = diffText(db('  username = "admin"\n  password = random_password.p.result\n'), db(''));
  assert.deepEqual(d.findings.map((f) => `${f.ruleId} ${f.category}`), ['diff-ideal-omits secrets']);
});

test('the ideal hard-coding an AZ the model reads from a data source is not the model hard-coding it', () => {
  const subnet = (az: string) => `data "aws_availability_zones" "az" {\n  state = "available"\n}\nresource "aws_subnet" "a" {\n  vpc_id            = "v"\n  availability_zone = ${az}\n}\n`;
  const d = diffText(subnet('data.aws_availability_zones.az.names[0]'), subnet('"us-east-1a"'));
  assert.deepEqual(d.findings.map((f) => f.ruleId), ['diff-ideal-hardcodes-environment']);
  const reverse = diffText(subnet('"us-east-1a"'), subnet('data.aws_availability_zones.az.names[0]'));
  assert.deepEqual(reverse.findings.map((f) => f.ruleId), ['diff-env-literal-to-reference']);
});

test('blocks of one type the ideal adds are one finding; a private CIDR picked differently is an observation', () => {
  const base = 'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.v.id\n  cidr_block = "10.0.1.0/24"\n}\n';
  const more = base.replace('"10.0.1.0/24"', '"10.1.1.0/24"') + ['b', 'c'].map((n) => `resource "aws_subnet" "${n}" {\n  vpc_id     = aws_vpc.v.id\n  cidr_block = "10.0.2.0/24"\n}\n`).join('');
  const d = diffText(base, more);
  const added = d.findings.filter((f) => f.resource === 'aws_subnet');
  assert.equal(added.length, 1);
  assert.match(added[0]!.message, /^The ideal adds 2 aws_subnet resources \(aws_subnet\.b, aws_subnet\.c\)/);
  assert.deepEqual(d.findings.filter((f) => f.resource === 'aws_subnet.a').map((f) => f.ruleId), ['diff-cidr-chosen']);
});

test('monitoring the prompt never asks for is an observation; when it asks, the ideal adding it is a finding', () => {
  const inst = (extra: string) => `resource "aws_instance" "web" {\n  ami = "ami-123"\n${extra}}\n`;
  const files = (content: string): SourceFile[] => [{ path: 'lib/main.tf', language: 'hcl', content }];
  const run = (prompt: string) =>
    attributedDiff({ model: parseHclFiles(files(inst(''))), ideal: parseHclFiles(files(inst('  monitoring = true\n'))), prompt, conventions: DEFAULT_CONVENTIONS });
  assert.deepEqual(run('Create a web server on EC2.').findings.map((f) => f.ruleId), ['diff-unrequested-monitoring-setting']);
  assert.deepEqual(run('Create a web server on EC2 with detailed monitoring.').findings.map((f) => f.ruleId), ['diff-monitoring']);
});

test('the ideal opening ingress to 0.0.0.0/0, looking up the default VPC or dropping a local is not the model failing', () => {
  const sg = (cidr: string) => `resource "aws_security_group" "api" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ${cidr}\n  }\n}\n`;
  const opened = diffText(sg('["10.0.0.0/8"]'), sg('["0.0.0.0/0"]'));
  assert.deepEqual(opened.findings, []);
  assert.deepEqual(opened.ignored.map((g) => g.reason), ['ideal-weakens-protection']);
  const lookup = diffText('resource "aws_sqs_queue" "q" {\n  name = "q"\n}\nlocals {\n  vpc_name = "main"\n}\n', 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\ndata "aws_vpc" "default" {\n  default = true\n}\n');
  assert.deepEqual(lookup.findings.map((f) => f.ruleId).sort(), ['diff-ideal-lookup-added', 'diff-local-changed']);
});

test('a depends_on or an IAM role the ideal does without is an observation; a wildcard policy it drops is not', () => {
  const fn = (extra: string) => `resource "aws_cloudwatch_log_group" "l" {\n  name = "l"\n}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n${extra}}\n`;
  assert.deepEqual(diffText(fn('  depends_on = [aws_cloudwatch_log_group.l]\n'), fn('')).findings.map((f) => f.ruleId), ['diff-depends-on-removed']);
  assert.deepEqual(diffText(fn(''), fn('  depends_on = [aws_cloudwatch_log_group.l]\n')).findings.map((f) => f.ruleId), ['diff-depends-on']);
  const policy = (action: string) => `resource "aws_iam_role_policy" "extra" {\n  role = "r"\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "${action}", Resource = "*" }] })\n}\n`;
  const keep = 'resource "aws_sqs_queue" "a" {\n  name = "a"\n}\nresource "aws_sqs_queue" "b" {\n  name = "b"\n}\n';
  assert.deepEqual(diffText(keep + policy('sqs:SendMessage'), keep).findings.map((f) => f.ruleId), ['diff-ideal-omits']);
  assert.notDeepEqual(diffText(keep + policy('s3:*'), keep).findings.map((f) => f.ruleId), ['diff-ideal-omits']);
});

test('an argument written alike on both sides whose const differs says so, not "the ideal sets x; the model has x"', () => {
  const stack = (name: string) => [
    "import { Construct } from 'constructs';",
    "import { TerraformStack } from 'cdktf';",
    "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
    'export class TapStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string, env: string, suffix: string) {',
    '    super(scope, id);',
    `    const bucketName = ${name};`,
    "    new S3Bucket(this, 'data', {",
    '      bucket: bucketName,',
    '    });',
    '  }',
    '}',
  ].join('\n');
  const model = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content: stack('`app-${env}`') }]);
  const ideal = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content: stack('`app-${env}-${suffix}`') }]);
  const d = attributedDiff({ model, ideal, conventions: DEFAULT_CONVENTIONS });
  const bucket = d.changes.find((c) => c.address === 'aws_s3_bucket.data')!;
  assert.equal(bucket.summary, '`bucket = bucketName` on aws_s3_bucket.data reads a value the ideal defines differently.');
});

test('the same load balancer under the provider\'s other name (aws_alb for aws_lb) is a rename, not a removal and an addition', () => {
  const lb = (type: string, listener: string) =>
    `resource "${type}" "web" {\n  name               = "web"\n  load_balancer_type = "application"\n  subnets            = var.subnets\n}\nresource "${listener}" "http" {\n  load_balancer_arn = ${type}.web.arn\n  port              = 80\n}\n`;
  const model = parseHclFiles([{ path: 'lib/main.tf', language: 'hcl', content: lb('aws_lb', 'aws_lb_listener') }]);
  const ideal = parseHclFiles([{ path: 'lib/main.tf', language: 'hcl', content: lb('aws_alb', 'aws_alb_listener') }]);
  const d = attributedDiff({ model, ideal, conventions: DEFAULT_CONVENTIONS });
  const kinds = d.changes.map((c) => c.kind);
  assert.ok(!kinds.includes('block-added') && !kinds.includes('block-removed'), kinds.join(', '));
  assert.deepEqual(d.changes.filter((c) => c.kind === 'block-renamed').map((c) => c.address).sort(), ['aws_lb.web', 'aws_lb_listener.http']);
});

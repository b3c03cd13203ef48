// Local child modules: a call passes the child's inputs, reads only its outputs; the child's variables are not
// inputs of the deploy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as moduleInputMismatch } from '../../src/rules/reference/module-input-mismatch.js';
import { rule as moduleOutputUndeclared } from '../../src/rules/reference/module-output-undeclared.js';
import { rule as variableWithoutDefault } from '../../src/rules/required-input/variable-without-default.js';

const CHILD =
  'variable "instance_type" {\n  type = string\n}\nvariable "subnet_id" {\n  type = string\n}\nvariable "name" {\n  type    = string\n  default = "app"\n}\n' +
  'resource "aws_instance" "this" {\n  ami           = "ami-123"\n  instance_type = var.instance_type\n  subnet_id     = var.subnet_id\n}\n' +
  'output "instance_id" {\n  value = aws_instance.this.id\n}\n';

const callWith = (args: string): string => `module "ec2" {\n  source = "./modules/ec2"\n${args}}\n`;

test('module-input-mismatch: every required input passed, an optional one left out: nothing', () => {
  const files = { 'lib/main.tf': callWith('  instance_type = "t3.micro"\n  subnet_id     = "subnet-1"\n'), 'lib/modules/ec2/main.tf': CHILD };
  assert.deepEqual(runRule(moduleInputMismatch, files), []);
  // The child's variables are inputs the call passes, not inputs an unattended deploy must be given.
  assert.deepEqual(runRule(variableWithoutDefault, files), []);
});

test('module-input-mismatch: a required input missing and an undeclared argument, at the call', () => {
  const f = runRule(moduleInputMismatch, {
    'lib/main.tf': callWith('  instance_type = "t3.micro"\n  subnet        = "subnet-1"\n'),
    'lib/modules/ec2/main.tf': CHILD,
  });
  assert.deepEqual(
    f.map((x) => [x.resource, x.location.file, x.location.line]),
    [
      ['module.ec2', 'lib/main.tf', 1],
      ['module.ec2.subnet', 'lib/main.tf', 4],
    ],
  );
  assert.match(f[0]!.message, /does not pass `subnet_id`/);
  assert.match(f[1]!.message, /did you mean `subnet_id`/);
  assert.equal(f[0]!.category, 'reference');
  // The variable without a default stays a finding of the root module only.
  const root = runRule(variableWithoutDefault, { 'lib/main.tf': 'variable "region" {}\n' + callWith('  instance_type = "t3.micro"\n  subnet_id = "s"\n'), 'lib/modules/ec2/main.tf': CHILD });
  assert.deepEqual(root.map((x) => x.resource), ['var.region']);
});

test('module-input-mismatch: a source folder the response does not contain, or a registry source: nothing', () => {
  assert.deepEqual(runRule(moduleInputMismatch, { 'lib/main.tf': callWith('  anything = 1\n') }), []);
  assert.deepEqual(runRule(moduleInputMismatch, { 'lib/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = "10.0.0.0/16"\n}\n' }), []);
});

test('module-output-undeclared: declared outputs (plain, indexed) pass; an undeclared one is reported where it is read', () => {
  const f = runRule(moduleOutputUndeclared, {
    'lib/main.tf': callWith('  instance_type = "t3.micro"\n  subnet_id = "s"\n'),
    'lib/outputs.tf':
      'output "id" {\n  value = module.ec2.instance_id\n}\noutput "ip" {\n  value = module.ec2.private_ip\n}\noutput "all" {\n  value = module.ec2[*].instance_id\n}\n',
    'lib/modules/ec2/main.tf': CHILD,
  });
  assert.deepEqual(
    f.map((x) => [x.resource, x.location.file, x.location.line]),
    [['module.ec2.private_ip', 'lib/outputs.tf', 5]],
  );
  assert.match(f[0]!.message, /declares no output `private_ip`/);
});

import { rule as moduleSourceMissing } from '../../src/rules/reference/module-source-missing.js';

test('module-source-missing: a call to a local folder the response never delivers fails init', () => {
  const files = {
    'lib/main.tf': callWith('  instance_type = "t3.micro"\n  subnet_id     = "subnet-1"\n') + 'module "rds" {\n  source = "./modules/rds"\n}\n',
    'lib/modules/ec2/main.tf': CHILD,
  };
  const f = runRule(moduleSourceMissing, files);
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.severity]), [['module.rds', 'lib/main.tf', 6, 'critical']]);
  assert.match(f[0]!.message, /\.\/modules\/rds.*Unreadable module directory/);
});

test('module-source-missing: delivered folders, registry modules and code the extractor could not place: nothing', () => {
  assert.deepEqual(runRule(moduleSourceMissing, { 'lib/main.tf': callWith(''), 'lib/modules/ec2/main.tf': CHILD }), []);
  assert.deepEqual(runRule(moduleSourceMissing, 'module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n'), []);
  // An unnamed code block may be the missing folder's files: nothing is claimed.
  assert.deepEqual(runRule(moduleSourceMissing, { 'lib/main.tf': 'module "rds" {\n  source = "./modules/rds"\n}\n', 'lib/unnamed-1.tf': 'variable "x" {}\n' }), []);
});

test('a child module input resolves to what its caller passes, not to the child default (engine-version-unavailable)', async () => {
  const { rule: unavailable } = await import('../../src/rules/service-constraint/engine-version-unavailable.js');
  const child =
    'variable "engine_version" {\n  type    = string\n  default = "15.4"\n}\n' +
    'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  engine_version = var.engine_version\n  instance_class = "db.t3.micro"\n}\n';
  const call = (version: string) =>
    `variable "rds_engine_version" {\n  default = "${version}"\n}\nmodule "db" {\n  source         = "./modules/rds"\n  engine_version = var.rds_engine_version\n}\n`;
  // The root passes a current minor: the child's retired default is never used.
  assert.deepEqual(runRule(unavailable, { 'lib/main.tf': call('15.15'), 'lib/modules/rds/main.tf': child }), []);
  // The root passes the retired minor: reported on the child's resource.
  const f = runRule(unavailable, { 'lib/main.tf': call('15.4'), 'lib/modules/rds/main.tf': child });
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line]), [['aws_db_instance.db', 'lib/modules/rds/main.tf', 5]]);
  // A call that passes nothing leaves the child's default.
  const bare = 'module "db" {\n  source = "./modules/rds"\n}\n';
  assert.equal(runRule(unavailable, { 'lib/main.tf': bare, 'lib/modules/rds/main.tf': child }).length, 1);
  // Two calls passing different versions: the value is unknown, nothing is reported.
  const two = `${call('15.4')}module "db2" {\n  source         = "./modules/rds"\n  engine_version = "15.15"\n}\n`;
  assert.deepEqual(runRule(unavailable, { 'lib/main.tf': two, 'lib/modules/rds/main.tf': child }), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as lookup } from '../../src/rules/external-dependency/lookup-of-preexisting-resource.js';
import { rule as externalInput } from '../../src/rules/external-dependency/external-resource-input.js';
import { rule as literalPreexistingId } from '../../src/rules/external-dependency/literal-preexisting-id.js';

test('lookup-of-preexisting-resource: VPC and zone lookups', () => {
  const f = runRule(
    lookup,
    'variable "vpc_id" {}\ndata "aws_vpc" "existing" {\n  id = var.vpc_id\n}\ndata "aws_route53_zone" "z" {\n  name = "example.com"\n}\ndata "aws_vpc" "default" {\n  default = true\n}\n',
  );
  assert.deepEqual(f.map((x) => [x.resource, x.severity]).sort(), [
    ['data.aws_route53_zone.z', 'critical'],
    ['data.aws_vpc.default', 'medium'],
    ['data.aws_vpc.existing', 'critical'],
  ]);
});

test('lookup-of-preexisting-resource: a lookup the task asks for is what was asked', () => {
  const hcl = 'data "aws_vpc" "main" {\n  id = "vpc-123"\n}\ndata "aws_route53_zone" "z" {\n  name = "example.com"\n}\n';
  const f = runRule(lookup, hcl, { prompt: 'Deploy into the existing VPC (10.0.0.0/16). Use data sources for VPC and subnet lookups.' });
  // The zone is not what the task speaks of: still a dependency on something that must exist.
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['data.aws_route53_zone.z', 4]]);
  assert.equal(runRule(lookup, hcl, { prompt: 'Create a VPC and a hosted zone.' }).length, 2);
});

test('lookup-of-preexisting-resource: a VPC id the task says to pull from Parameter Store, and that VPC\'s subnets, are what was asked', () => {
  const hcl =
    'data "aws_ssm_parameter" "vpc_id" {\n  name = "/platform/vpc-id"\n}\ndata "aws_subnets" "private" {\n  filter {\n    name   = "vpc-id"\n    values = [data.aws_ssm_parameter.vpc_id.value]\n  }\n}\n' +
    'data "aws_acm_certificate" "c" {\n  domain = "example.com"\n}\n';
  const asked = runRule(lookup, hcl, { prompt: 'Run EKS in three AZs. Pull the VPC ID from AWS Systems Manager Parameter Store so the config stays portable.' });
  assert.deepEqual(asked.map((x) => [x.resource, x.location.line]), [['data.aws_acm_certificate.c', 10]]);
  assert.equal(runRule(lookup, hcl, { prompt: 'Run EKS in three AZs with its own VPC.' }).length, 3);
});

test('lookup-of-preexisting-resource: account/region lookups, AWS-provided values, own resources and guarded lookups are fine', () => {
  const hcl =
    'data "aws_caller_identity" "c" {}\ndata "aws_region" "r" {}\ndata "aws_availability_zones" "a" {}\ndata "aws_iam_policy_document" "d" {}\ndata "aws_ami" "al2" {\n  most_recent = true\n}\n' +
    'data "aws_ssm_parameter" "ami" {\n  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"\n}\n' +
    'data "aws_kms_key" "s3" {\n  key_id = "alias/aws/s3"\n}\n' +
    'resource "aws_secretsmanager_secret" "s" {}\ndata "aws_secretsmanager_secret_version" "v" {\n  secret_id = aws_secretsmanager_secret.s.id\n}\n' +
    'data "aws_route53_zone" "z" {\n  count = var.enable_dns ? 1 : 0\n  name = "example.com"\n}\n';
  assert.deepEqual(runRule(lookup, hcl), []);
  assert.deepEqual(runRule(lookup, 'data "aws_vpc" "v" {\n  id = "vpc-1"\n}\n', { conventions: { selfSufficient: false } }), []);
});

test('lookup-of-preexisting-resource: a child module lookup its caller feeds with a created VPC is fine; fed a variable it is not', () => {
  const files = (passed: string) => ({
    'lib/main.tf': `resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nvariable "vpc_id" {}\nmodule "app" {\n  source = "./modules/app"\n  vpc_id = ${passed}\n}\n`,
    'lib/modules/app/main.tf': 'variable "vpc_id" {}\ndata "aws_vpc" "this" {\n  id = var.vpc_id\n}\n',
  });
  assert.deepEqual(runRule(lookup, files('aws_vpc.main.id')), []);
  const fromInput = runRule(lookup, files('var.vpc_id'));
  assert.deepEqual(fromInput.map((f) => [f.resource, f.location.file, f.location.line]), [['data.aws_vpc.this', 'lib/modules/app/main.tf', 2]]);
});

test('external-resource-input: required id/ARN/URL inputs', () => {
  const f = runRule(
    externalInput,
    'variable "vpc_id" {}\nvariable "private_subnet_ids" {\n  type = list(string)\n}\nvariable "ecr_repository_url" {}\nvariable "domain_name" {}\nvariable "certificate_arn" {\n  default = ""\n}\nvariable "account_id" {}\n',
  );
  assert.deepEqual(f.map((x) => x.resource).sort(), ['var.ecr_repository_url', 'var.private_subnet_ids', 'var.vpc_id']);
  assert.ok(f.every((x) => x.category === 'external-dependency'));
});

test('literal-preexisting-id: placeholder VPC id, certificate ARN and a key pair the stack does not create', () => {
  const hcl = [
    'variable "key_pair_name" {',
    '  default = "my-key-pair"',
    '}',
    'resource "aws_security_group" "web" {',
    '  vpc_id = "vpc-prod-123456"',
    '}',
    'resource "aws_instance" "web" {',
    '  ami           = "ami-0abcdef1234567890"',
    '  instance_type = "t3.micro"',
    '  key_name      = var.key_pair_name',
    '}',
    'resource "aws_lb_listener" "https" {',
    '  certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"',
    '}',
  ].join('\n');
  const f = runRule(literalPreexistingId, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_instance.web', 'aws_lb_listener.https', 'aws_security_group.web']);
  assert.ok(f.every((x) => x.category === 'external-dependency'));
  assert.match(f.find((x) => x.resource === 'aws_instance.web')!.message, /key pair "my-key-pair"/);
  assert.equal(f.find((x) => x.resource === 'aws_security_group.web')!.location.line, 5);
});

test('literal-preexisting-id: the AWS-owned hosted zone of an alias target is fine; a record in a literal zone is not', () => {
  const hcl = [
    'resource "aws_route53_record" "cdn" {',
    '  zone_id = "Z0123456789ABCDEFGHIJ"',
    '  name    = "cdn.example.com"',
    '  type    = "A"',
    '  alias {',
    '    name                   = aws_cloudfront_distribution.cdn.domain_name',
    '    zone_id                = "Z2FDTNDATAQYW2"',
    '    evaluate_target_health = false',
    '  }',
    '}',
  ].join('\n');
  const f = runRule(literalPreexistingId, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_route53_record.cdn', 2]]);
  assert.match(f[0]!.message, /Z0123456789ABCDEFGHIJ/);
});

test('literal-preexisting-id: references, names that look like ids and a created key pair are fine', () => {
  const hcl = [
    'resource "aws_vpc" "main" {',
    '  cidr_block = "10.0.0.0/16"',
    '}',
    'resource "aws_security_group" "web" {',
    '  name   = "sg-web-tier"',
    '  vpc_id = aws_vpc.main.id',
    '}',
    'resource "aws_key_pair" "k" {',
    '  key_name   = "deployer"',
    '  public_key = "ssh-ed25519 AAAA"',
    '}',
    'resource "aws_instance" "web" {',
    '  key_name = "deployer"',
    '}',
  ].join('\n');
  assert.equal(runRule(literalPreexistingId, hcl).length, 0);
});

import { rule as fileOutsideStack } from '../../src/rules/external-dependency/file-outside-stack.js';

test('file-outside-stack: a home-folder or absolute path, literal or through an input default, is not in the stack', () => {
  const tf = `variable "public_key_path" {
  default = "~/.ssh/id_rsa.pub"
}
resource "aws_key_pair" "main" {
  key_name   = "main"
  public_key = file(var.public_key_path)
}
resource "aws_instance" "web" {
  ami       = "ami-123"
  user_data = templatefile("/opt/templates/init.sh", { name = "web" })
}`;
  const f = runRule(fileOutsideStack, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_key_pair.main', 6], ['aws_instance.web', 10]]);
  assert.match(f[0]!.message, /~\/\.ssh\/id_rsa\.pub/);
});

test('file-outside-stack: files read relative to the module, and keys made in the stack, are fine', () => {
  const tf = `resource "aws_instance" "web" {
  user_data = templatefile("\${path.module}/templates/init.sh", { name = "web" })
}
resource "aws_lambda_function" "fn" {
  filename         = "lambda.zip"
  source_code_hash = filebase64sha256("lambda.zip")
}
resource "aws_key_pair" "main" {
  public_key = tls_private_key.ssh.public_key_openssh
}`;
  assert.deepEqual(runRule(fileOutsideStack, tf), []);
});

import { rule as fileNotDelivered } from '../../src/rules/external-dependency/file-not-delivered.js';
import { runModelAnswerRule } from './helpers.js';
import type { FenceDecision } from '../../src/contracts/task.js';

test('file-not-delivered: templatefile/file of a module file the answer never delivers; delivered, loose blocks, inputs and packages are fine', () => {
  const lt = 'resource "aws_launch_template" "app" {\n  name_prefix = "app-"\n  user_data   = base64encode(templatefile("${path.module}/user_data.sh", { region = "us-east-1" }))\n}\n';
  const f = runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': lt });
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_launch_template.app', 3]]);
  assert.match(f[0]!.message, /reads `user_data\.sh` with templatefile\(\), which the response never delivers/);
  assert.deepEqual(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': lt, 'lib/user_data.sh': '#!/bin/bash\necho hi\n' }), []);
  const bashBlock: FenceDecision = { line: 30, endLine: 34, lang: 'bash', kind: 'other-language', reason: 'an unnamed block that is not HCL or TypeScript' };
  assert.deepEqual(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': lt }, [bashBlock]), []);
  // A block of another language is not the script.
  assert.equal(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': lt }, [{ ...bashBlock, kind: 'commands' }]).length, 1);
  assert.equal(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': lt }, [{ ...bashBlock, lang: 'python' }]).length, 1);
  // Written by local_file during apply, read at plan: still missing when it is read.
  const written = `${lt}resource "local_file" "ud" {\n  filename = "\${path.module}/user_data.sh"\n  content  = "#!/bin/bash"\n}\n`;
  assert.match(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': written })[0]!.message, /which only local_file\.ud writes, during apply/);
  // Paths built from inputs, deployment packages and plain folders are not judged.
  assert.deepEqual(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': lt.replace('${path.module}/user_data.sh', '${var.script}') }), []);
  assert.deepEqual(runModelAnswerRule(fileNotDelivered, { 'lib/main.tf': 'resource "aws_lambda_function" "fn" {\n  source_code_hash = filebase64sha256("lambda.zip")\n}\n' }), []);
  assert.deepEqual(runRule(fileNotDelivered, lt), []);
});

test('literal-preexisting-id: a stand-in value the prompt accepts for that argument ("placeholder key name acceptable") is not a failure', () => {
  const hcl = 'resource "aws_instance" "web" {\n  ami           = "ami-0abcdef1234567890"\n  instance_type = "t3.micro"\n  key_name      = "my-key-pair"\n}\n';
  assert.equal(runRule(literalPreexistingId, hcl, { prompt: 'Create a web server.' }).length, 1);
  assert.equal(runRule(literalPreexistingId, hcl, { prompt: 'Create a web server. Add a key pair for SSH access (placeholder key name acceptable).' }).length, 0);
  // A placeholder accepted for something else leaves the key pair a failure.
  assert.equal(runRule(literalPreexistingId, hcl, { prompt: 'Create a web server with a dummy certificate ARN.' }).length, 1);
});

test('literal-preexisting-id: a stand-in AMI id and a placeholder certificate ARN are objects the stack does not create', () => {
  const hcl =
    'resource "aws_launch_template" "app" {\n  image_id = "ami-xxxxxxxxx"\n}\n' +
    'resource "aws_instance" "web" {\n  ami = "ami-<your-ami-id>"\n}\n' +
    'resource "aws_instance" "real_looking" {\n  ami = "ami-0c55b159cbfafe1f0"\n}\n' +
    'resource "aws_lb_listener" "https" {\n  certificate_arn = "arn:aws:acm:region:account:certificate/xxxxx"\n}\n' +
    'data "aws_ami" "al2023" {\n  most_recent = true\n  owners      = ["amazon"]\n}\n' +
    'resource "aws_instance" "looked_up" {\n  ami = data.aws_ami.al2023.id\n}\n';
  const f = runRule(literalPreexistingId, hcl);
  // A real-looking id is left alone (a task may give one; its region cannot be read from the code).
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_launch_template.app', 2], ['aws_instance.web', 5], ['aws_lb_listener.https', 11]]);
  assert.match(f[0]!.message, /image_id points at the stand-in AMI id ami-xxxxxxxxx, which no region has/);
  assert.match(f[2]!.message, /an existing ACM certificate/);
});

test('lookup-of-preexisting-resource: the default VPC and its default subnets, asked for or not', () => {
  const tf = `data "aws_vpc" "default" {
  default = true
}
data "aws_subnets" "public" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}
data "aws_subnets" "azs" {
  filter {
    name   = "default-for-az"
    values = ["true"]
  }
}
data "aws_subnets" "named" {
  filter {
    name   = "tag:Name"
    values = ["app-*"]
  }
}
`;
  const f = runRule(lookup, tf, { prompt: 'Create an Auto Scaling group of web servers.' }).sort((a, b) => a.location.line - b.location.line);
  assert.deepEqual(f.map((x) => [x.resource, x.severity, x.location.line]), [
    ['data.aws_vpc.default', 'medium', 1],
    ['data.aws_subnets.public', 'medium', 4],
    ['data.aws_subnets.azs', 'medium', 10],
    ['data.aws_subnets.named', 'critical', 16],
  ]);
  assert.match(f[1]!.message, /depends on the account's default VPC and its default subnets/);
  assert.match(f[3]!.message, /reads subnets that must already exist/);
  // The task asks for the default VPC: its lookups are what was asked; other lookups stay.
  assert.deepEqual(runRule(lookup, tf, { prompt: 'VPC use default spanning at least two Availability Zones.' }).map((x) => x.resource), ['data.aws_subnets.named']);
});

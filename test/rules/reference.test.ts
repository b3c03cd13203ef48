import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as undeclared } from '../../src/rules/reference/undeclared-reference.js';
import { rule as duplicate } from '../../src/rules/reference/duplicate-declaration.js';
import { rule as providerInputUndeclared } from '../../src/rules/reference/provider-input-undeclared.js';
import { rule as unknownFunction } from '../../src/rules/reference/unknown-function.js';
import { closestName, MAX_SUGGESTION_LOOKUPS } from '../../src/rules/util/variables.js';

test('undeclared-reference: var.aws_region used, region declared → suggestion', () => {
  const f = runRule(undeclared, {
    'lib/provider.tf': 'provider "aws" {\n  region = var.aws_region\n}\n',
    'lib/variables.tf': 'variable "region" {\n  default = "us-west-1"\n}\n',
  });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.equal(f[0]!.category, 'reference');
  assert.equal(f[0]!.location.file, 'lib/provider.tf');
  assert.match(f[0]!.message, /did you mean `var\.region`/);
});

test('undeclared-reference: resources, locals and data sources', () => {
  const f = runRule(
    undeclared,
    'locals {\n  x = 1\n}\ndata "aws_vpc" "other" {}\nresource "aws_sqs_queue" "jobs" {}\nresource "aws_lambda_event_source_mapping" "m" {\n  event_source_arn = aws_sqs_queue.job.arn\n  function_name = local.fn\n  batch_size = data.aws_vpc.main.id\n}\n',
  );
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_sqs_queue.job', 'data.aws_vpc.main', 'local.fn']);
  assert.match(f.find((x) => x.resource === 'aws_sqs_queue.job')!.message, /aws_sqs_queue\.jobs/);
});

test('undeclared-reference: a variable the task names as var.x is the project\'s, unless the reference declares it', () => {
  const files = {
    'lib/main.tf': 'resource "aws_s3_bucket" "reports" {\n  bucket = "drift-reports-${var.environment_suffix}"\n}\n',
    'lib/variables.tf': 'variable "alert_email" {\n  default = "ops@example.com"\n}\n',
  };
  const prompt = 'Follow the naming convention `drift-detection-{resource}-${var.environment_suffix}`.';
  assert.deepEqual(runRule(undeclared, files, { prompt }), []);
  // The reference declares it: the response left it out.
  const ideal = { ...files, 'lib/variables.tf': 'variable "environment_suffix" {\n  type = string\n}\n' };
  assert.deepEqual(runRule(undeclared, files, { prompt, ideal }).map((f) => [f.resource, f.location.line]), [['var.environment_suffix', 2]]);
  // A task that never names it: an undeclared variable.
  assert.equal(runRule(undeclared, files, { prompt: 'Name resources with an environment suffix.' }).length, 1);
});

test('undeclared-reference: declared names, iterators, each/count/path/self are fine', () => {
  const hcl =
    'variable "rules" {\n  default = []\n}\nlocals {\n  n = 1\n}\n' +
    'resource "aws_security_group" "sg" {\n  count = local.n\n  name = "sg-${count.index}"\n  dynamic "ingress" {\n    for_each = var.rules\n    iterator = rule_def\n    content {\n      from_port = rule_def.value.port\n      to_port = ingress.value.port\n    }\n  }\n  tags = { for k, v in var.rules : k => v }\n}\n' +
    'resource "aws_security_group_rule" "r" {\n  security_group_id = aws_security_group.sg[0].id\n  description = path.module\n}\n';
  assert.deepEqual(runRule(undeclared, hcl), []);
});

test('duplicate-declaration: a variable in two files, a resource twice', () => {
  const f = runRule(duplicate, {
    'lib/main.tf': 'variable "environment_suffix" {}\nresource "aws_sqs_queue" "q" {}\nresource "aws_sqs_queue" "q" {}\n',
    'lib/variables.tf': 'variable "environment_suffix" {\n  type = string\n}\nvariable "other" {}\n',
  });
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_sqs_queue.q', 'var.environment_suffix']);
  assert.match(f.find((x) => x.resource === 'var.environment_suffix')!.message, /lib\/main\.tf:1 and lib\/variables\.tf:1/);
  assert.deepEqual(runRule(duplicate, 'provider "aws" {}\nprovider "aws" {\n  alias = "west"\n}\nlocals {\n  a = 1\n}\nlocals {\n  b = 2\n}\n'), []);
});

test('undeclared-reference: modules resolve per directory; a missing variables file is one finding', () => {
  const f = runRule(undeclared, {
    'lib/main.tf': 'variable "vpc_cidr" {\n  default = "10.0.0.0/16"\n}\nmodule "net" {\n  source = "./modules/net"\n  cidr = var.vpc_cidr\n}\n',
    'lib/modules/net/variables.tf': 'variable "cidr" {}\n',
    'lib/modules/net/main.tf': 'resource "aws_vpc" "v" {\n  cidr_block = var.vpc_cidr\n}\n',
  });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location.file, 'lib/modules/net/main.tf');
  assert.match(f[0]!.message, /did you mean `var\.cidr`/);
  const missingFile = runRule(undeclared, { 'lib/provider.tf': 'provider "aws" {\n  region = var.aws_region\n  default_tags {\n    tags = { Owner = var.owner }\n  }\n}\n' });
  assert.equal(missingFile.length, 1);
  assert.match(missingFile[0]!.message, /2 variable reference\(s\) \(var\.aws_region, var\.owner\).*declares no variable at all/);
});

test('duplicate-declaration: the same name in two module directories is not a duplicate', () => {
  const f = runRule(duplicate, {
    'lib/variables.tf': 'variable "environment" {}\n',
    'lib/modules/a/variables.tf': 'variable "environment" {}\n',
    'lib/modules/b/variables.tf': 'variable "environment" {}\noutput "x" {\n  value = 1\n}\n',
    'lib/modules/b/outputs.tf': 'output "x" {\n  value = 2\n}\n',
  });
  assert.deepEqual(f.map((x) => [x.resource, x.location.file]), [['output.x', 'lib/modules/b/outputs.tf']]);
});

test('undeclared-reference: a dynamic label or for variable shaped like a resource type is a local name', () => {
  // `local_*` / `aws_*` prefixes are provider prefixes; a dynamic block named after an argument or a for variable
  // named like a resource type must not be read as a resource reference.
  const hcl =
    'variable "indexes" {\n  default = []\n}\n' +
    'resource "aws_dynamodb_table" "t" {\n  name = "t"\n  dynamic "local_secondary_index" {\n    for_each = var.indexes\n    content {\n      name = local_secondary_index.value.name\n    }\n  }\n}\n' +
    'output "ids" {\n  value = [for aws_instance in var.indexes : aws_instance.id]\n}\n';
  assert.deepEqual(runRule(undeclared, hcl), []);
  // Outside its content block the iterator name is not bound: a real undeclared resource is still caught.
  const outside = runRule(
    undeclared,
    'resource "aws_dynamodb_table" "t" {\n  name = local_secondary_index.value.name\n  dynamic "local_secondary_index" {\n    for_each = []\n    content {}\n  }\n}\n',
  );
  assert.deepEqual(outside.map((x) => x.resource), ['local_secondary_index.value']);
});

test('undeclared-reference: moved/removed `from` names an old address; `to` must exist', () => {
  const hcl =
    'resource "aws_iam_policy" "this" {\n  policy = "{}"\n}\n' +
    'moved {\n  from = aws_iam_policy.legacy_name\n  to   = aws_iam_policy.this\n}\n' +
    'removed {\n  from = aws_iam_policy.forgotten\n  lifecycle {\n    destroy = false\n  }\n}\n';
  assert.deepEqual(runRule(undeclared, hcl), []);
  const badTo = runRule(undeclared, 'resource "aws_iam_policy" "this" {\n  policy = "{}"\n}\nmoved {\n  from = aws_iam_policy.old\n  to   = aws_iam_policy.thiss\n}\n');
  assert.deepEqual(badTo.map((x) => x.resource), ['aws_iam_policy.thiss']);
});

test('undeclared-reference: a data source scoped to a check block resolves inside the check', () => {
  const hcl =
    'resource "aws_lb" "web" {\n  name = "web"\n}\n' +
    'check "health" {\n  data "http" "probe" {\n    url = "https://${aws_lb.web.dns_name}"\n  }\n  assert {\n    condition     = data.http.probe.status_code == 200\n    error_message = "unhealthy"\n  }\n}\n';
  assert.deepEqual(runRule(undeclared, hcl), []);
  const f = runRule(undeclared, hcl.replace('data.http.probe.status_code', 'data.http.prob.status_code'));
  assert.deepEqual(f.map((x) => x.resource), ['data.http.prob']);
});


test('provider-input-undeclared: the reference provider reads var.aws_region, the response declares only var.region', () => {
  const model = { 'lib/provider.tf': 'provider "aws" {\n  region = var.region\n}\n', 'lib/variables.tf': 'variable "region" {\n  default = "us-east-1"\n}\n' };
  const ideal = { 'lib/provider.tf': 'provider "aws" {\n  region = var.aws_region\n}\n', 'lib/variables.tf': 'variable "aws_region" {\n  default = "us-east-1"\n}\n' };
  const f = runRule(providerInputUndeclared, model, { ideal });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'reference');
  assert.equal(f[0]!.resource, 'var.aws_region');
  assert.equal(f[0]!.location.file, 'lib/provider.tf');
  // Its own provider block reads other inputs: it deploys as written, so the finding is a low convention.
  assert.equal(f[0]!.severity, 'low');
  const noProvider = runRule(providerInputUndeclared, { 'lib/variables.tf': model['lib/variables.tf'] }, { ideal });
  assert.equal(noProvider[0]!.severity, 'high');
  // The response's own provider reads var.aws_region without declaring it: a plain undeclared reference (another check's).
  assert.deepEqual(runRule(providerInputUndeclared, { 'lib/provider.tf': ideal['lib/provider.tf'] }, { ideal }), []);
});

test('provider-input-undeclared: declared under the same name, or no reference: nothing', () => {
  const ideal = { 'lib/provider.tf': 'provider "aws" {\n  region = var.aws_region\n}\n', 'lib/variables.tf': 'variable "aws_region" {\n  default = "us-east-1"\n}\n' };
  assert.equal(runRule(providerInputUndeclared, { 'lib/variables.tf': 'variable "aws_region" {\n  default = "eu-west-1"\n}\n' }, { ideal }).length, 0);
  assert.equal(runRule(providerInputUndeclared, { 'lib/main.tf': 'resource "aws_sqs_queue" "q" {}\n' }).length, 0);
});

test('provider-input-undeclared: the project keeps the provider file: only inputs the task names are owed', () => {
  const ideal = {
    'lib/provider.tf': 'provider "aws" {\n  region = var.aws_region\n  default_tags {\n    tags = { Team = var.team }\n  }\n}\n',
    'lib/variables.tf': 'variable "aws_region" {\n  default = "us-east-1"\n}\nvariable "team" {\n  default = "core"\n}\n',
  };
  const model = { 'lib/main.tf': 'resource "aws_sqs_queue" "q" {}\n' };
  const prompt = 'The provider configuration already exists elsewhere, but you must still declare variable "aws_region" in this file.';
  const f = runRule(providerInputUndeclared, model, { ideal, prompt });
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line]), [['var.aws_region', 'lib/main.tf', 1]]);
  // Without that sentence, both inputs the reference's provider reads are owed.
  assert.deepEqual(runRule(providerInputUndeclared, model, { ideal, prompt: 'Create an SQS queue.' }).map((x) => x.resource), ['var.aws_region', 'var.team']);
  // A task that asks for provider.tf among its files does not keep one.
  assert.equal(runRule(providerInputUndeclared, model, { ideal, prompt: '- provider.tf with AWS provider configuration for us-east-1' }).length, 2);
  assert.equal(runRule(providerInputUndeclared, model, { ideal, prompt: 'AWS authentication is handled by a separate, pre-configured provider.tf file.' }).length, 0);
});

import { rule as providerReference } from '../../src/rules/reference/provider-reference-invalid.js';

test('provider-reference-invalid: indexed, interpolated and undeclared provider references', () => {
  const tf = `provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
resource "aws_vpc" "per_region" {
  for_each   = toset(["east", "west"])
  provider   = aws.region[each.key]
  cidr_block = "10.0.0.0/16"
}
resource "aws_vpc" "eu" {
  provider   = aws.eu
  cidr_block = "10.2.0.0/16"
}
resource "aws_vpc" "west" {
  provider   = aws.west
  cidr_block = "10.1.0.0/16"
}`;
  const found = runRule(providerReference, tf).map((f) => `${f.resource}:${f.location.line}`);
  assert.deepEqual(found, ['aws_vpc.per_region:10', 'aws_vpc.eu:14']);
});

test('provider-reference-invalid: aliases a child module receives through configuration_aliases pass', () => {
  const tf = `terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.replica]
    }
  }
}
resource "aws_s3_bucket" "replica" {
  provider = aws.replica
  bucket   = "replica"
}
module "dr" {
  source    = "./dr"
  providers = { aws = aws.replica }
}`;
  assert.deepEqual(runRule(providerReference, tf), []);
});

test('duplicate-declaration: a second required_providers or backend block in the same module', () => {
  const f = runRule(duplicate, {
    'lib/versions.tf': 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n  backend "s3" {}\n}\n',
    'lib/provider.tf': 'terraform {\n  required_providers {\n    random = { source = "hashicorp/random" }\n  }\n}\n',
    'lib/modules/app/versions.tf': 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n',
  });
  assert.deepEqual(f.map((x) => `${x.resource}@${x.location.file}:${x.location.line}`), ['terraform.required_providers@lib/provider.tf:2']);
});

test('provider-default-missing: only aliased aws providers while a resource or module call uses the default', async () => {
  const { rule: defaultMissing } = await import('../../src/rules/reference/provider-default-missing.js');
  const providers = 'provider "aws" {\n  alias  = "primary"\n  region = "us-east-1"\n}\nprovider "aws" {\n  alias  = "dr"\n  region = "us-west-2"\n}\n';
  const stack = 'data "aws_caller_identity" "current" {}\nresource "aws_s3_bucket" "b" {\n  provider = aws.primary\n  bucket   = "b"\n}\n';
  assert.deepEqual(runRule(defaultMissing, { 'lib/provider.tf': providers, 'lib/main.tf': stack }).map((f) => [f.resource, f.location.file, f.location.line]), [
    ['provider.aws', 'lib/main.tf', 1],
  ]);
  // With a default configuration, or every block naming its provider, nothing is reported.
  assert.deepEqual(runRule(defaultMissing, { 'lib/provider.tf': `${providers}provider "aws" {\n  region = "us-east-1"\n}\n`, 'lib/main.tf': stack }), []);
  assert.deepEqual(runRule(defaultMissing, { 'lib/provider.tf': providers, 'lib/main.tf': stack.replace('"current" {}', '"current" {\n  provider = aws.primary\n}') }), []);
});

import { rule as missingInstanceKey } from '../../src/rules/reference/reference-missing-instance-key.js';

test('reference-missing-instance-key: an attribute of a counted resource read without an index fails validate', () => {
  const hcl = [
    'resource "aws_acm_certificate" "site" {',
    '  count       = var.enable_https ? 1 : 0',
    '  domain_name = "example.org"',
    '}',
    'output "certificate_arn" {',
    '  value = aws_acm_certificate.site.arn',
    '}',
    'resource "aws_lb_listener" "https" {',
    '  certificate_arn = aws_acm_certificate.site[0].arn',
    '}',
    'output "all" {',
    '  value = aws_acm_certificate.site[*].arn',
    '}',
    'output "n" {',
    '  value = length(aws_acm_certificate.site)',
    '}',
  ].join('\n');
  const f = runRule(missingInstanceKey, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['output.certificate_arn', 6, 'reference']]);
  assert.match(f[0]!.message, /aws_acm_certificate\.site\[0\]\.arn/);
});

test('reference-missing-instance-key: for_each resources need a key too; plain resources and each.value do not', () => {
  const hcl = 'resource "aws_subnet" "private" {\n  for_each   = var.azs\n  cidr_block = each.value\n}\nresource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\noutput "subnet" {\n  value = aws_subnet.private.id\n}\noutput "vpc" {\n  value = aws_vpc.main.id\n}\n';
  const f = runRule(missingInstanceKey, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['output.subnet', 9]]);
  assert.match(f[0]!.message, /has `for_each`/);
});

import { rule as cdktfLiteralRef, interpolatedTraversals } from '../../src/rules/reference/cdktf-literal-reference-undeclared.js';
import { runCdktfRule } from './helpers.js';

const KMS_STACK = (extra: string) =>
  [
    "import { Construct } from 'constructs';",
    "import { TerraformStack } from 'cdktf';",
    "import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';",
    "import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';",
    'export class TapStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    extra,
    "    new KmsKey(this, 'key', {",
    '      policy: JSON.stringify({ Statement: [{ Principal: { AWS: "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" } }] }),',
    '    });',
    '  }',
    '}',
  ].join('\n');

test('cdktf-literal-reference-undeclared: HCL interpolation of a data source the stack never declares', () => {
  const run = (src: string) => runCdktfRule(cdktfLiteralRef, src);
  const f = run(KMS_STACK(''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.category]), [['data.aws_caller_identity.current', 'lib/tap-stack.ts', 10, 'reference']]);
  assert.deepEqual(run(KMS_STACK("    new DataAwsCallerIdentity(this, 'current');")), []);
  assert.deepEqual(interpolatedTraversals('a-${random_id.suffix.hex}-${var.env}-${'), ['random_id.suffix.hex', 'var.env']);
});

test('undeclared-reference: suggestions for the first MAX_SUGGESTION_LOOKUPS names only, every finding still reported', () => {
  // Each lookup compares with every declaration: thousands of typos against thousands of names cost their product.
  const n = MAX_SUGGESTION_LOOKUPS + 20;
  const hcl = Array.from({ length: n }, (_, i) => `resource "aws_sqs_queue" "q${i}" {}\nresource "aws_sqs_queue_policy" "p${i}" {\n  queue_url = aws_sqs_queue.x${i}.id\n  policy    = "{}"\n}\n`).join('');
  const f = runRule(undeclared, hcl);
  assert.equal(f.length, n);
  const suggested = f.filter((x) => /did you mean/.test(x.message));
  assert.equal(suggested.length, MAX_SUGGESTION_LOOKUPS);
});

test('closestName: the closest plausible typo, ties to the smaller name, nothing for far or very long names', () => {
  assert.equal(closestName('regoin', ['region', 'aws_region', 'zone']), 'region');
  assert.equal(closestName('region', ['regions', 'aws_region']), 'aws_region');
  assert.equal(closestName('bucket_nme', ['bucket_name', 'bucket_arn']), 'bucket_name');
  assert.equal(closestName('vpc', ['subnet_ids', 'kms_key']), undefined);
  assert.equal(closestName('x'.repeat(200), ['x'.repeat(199)]), undefined);
});

test('provider-reference-invalid: a response with no provider block that selects aliases the reference does not declare', () => {
  const model = {
    'lib/main.tf': 'resource "aws_vpc" "primary" {\n  provider   = aws.primary\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_vpc" "plain" {\n  cidr_block = "10.1.0.0/16"\n}\n',
    'lib/variables.tf': 'variable "environment" {\n  default = "dev"\n}\n',
  };
  const ideal = {
    'lib/provider.tf': 'provider "aws" {\n  region = var.aws_region\n}\nprovider "aws" {\n  alias  = "east"\n  region = "us-east-1"\n}\n',
    'lib/variables.tf': 'variable "aws_region" {\n  default = "us-east-1"\n}\n',
    'lib/main.tf': 'resource "aws_vpc" "primary" {\n  provider   = aws.east\n  cidr_block = "10.0.0.0/16"\n}\n',
  };
  const f = runRule(providerReference, model, { ideal });
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_vpc.primary', 2]]);
  assert.match(f[0]!.message, /writes no provider block.*declares aws\.east/);
  // The response was not written against the reference's provider file: what that file reads is not owed.
  assert.deepEqual(runRule(providerInputUndeclared, model, { ideal }), []);
  // Aliases the reference's provider file declares: the response relies on it, and owes what it reads.
  const relying = { ...model, 'lib/main.tf': model['lib/main.tf'].replace('aws.primary', 'aws.east') };
  assert.deepEqual(runRule(providerReference, relying, { ideal }), []);
  assert.deepEqual(runRule(providerInputUndeclared, relying, { ideal }).map((x) => x.resource), ['var.aws_region']);
  // Without a reference (or one without provider blocks) nothing says which aliases the project declares.
  assert.deepEqual(runRule(providerReference, model), []);
  assert.deepEqual(runRule(providerReference, model, { ideal: { 'lib/main.tf': ideal['lib/main.tf'] } }), []);
});

test('duplicate-declaration: a provider block whose alias is an expression is not a second default provider', () => {
  const tf = (alias: string) => `provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  for_each = toset(var.peers)
  ${alias}
  region   = "us-east-1"
}
`;
  assert.deepEqual(runRule(duplicate, tf('alias    = "peer_${each.value}"')), []);
  assert.deepEqual(runRule(duplicate, tf('')).map((f) => f.resource), ['provider.aws']);
});

test('unknown-function: a function Terraform does not have, removed list()/map(), and a near miss; type constraints and built-ins are fine', () => {
  const code = [
    'variable "roles" {',
    '  type    = map(object({ arns = optional(list(string)) }))',
    '  default = {}',
    '}',
    'locals {',
    '  keys   = { for k, v in var.roles : "${k}-${regexreplace(k, "[^a-z]", "-")}" => v }',
    '  legacy = map("a", "b")',
    '  near   = jsonencodee({ a = 1 })',
    '  fine   = [for k in keys(var.roles) : upper(replace(k, "/[^a-z]/", "-"))]',
    '  arn    = provider::aws::arn_parse("arn:aws:s3:::b")',
    '}',
  ].join('\n');
  const found = runRule(unknownFunction, code);
  assert.deepEqual(found.map((f) => [f.resource, f.location.line]), [['locals', 6]]);
  assert.match(found[0]!.message, /^locals calls `regexreplace\(\)` in `keys` \(replace\(\) takes a regular expression between slashes\); `map\(\)` in `legacy` \(removed in Terraform 0\.15: use tomap/);
  assert.match(found[0]!.message, /`jsonencodee\(\)` in `near` \(did you mean `jsonencode\(\)`\?\): none of these is a Terraform function/);
  assert.deepEqual(runRule(unknownFunction, 'locals {\n  a = jsonencode(tolist(["x"]))\n}\n'), []);
});

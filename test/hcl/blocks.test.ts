import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOk, shape } from './helpers.js';
import { attrExpr, blockAddress, childBlocks, literalValue, nestedBlocks, staticString } from '../../src/model/query.js';

test('every top-level block kind is recognized; anything else is unknown', () => {
  const src = [
    'terraform {}',
    'provider "aws" {}',
    'variable "v" {}',
    'locals {}',
    'resource "aws_s3_bucket" "b" {}',
    'data "aws_vpc" "v" {}',
    'module "m" {}',
    'output "o" {}',
    'moved {}',
    'import {}',
    'check "c" {}',
    'removed {}',
    'atlantis "x" {}',
  ].join('\n');
  const blocks = parseOk(src);
  assert.deepEqual(
    blocks.map((b) => b.kind),
    ['terraform', 'provider', 'variable', 'locals', 'resource', 'data', 'module', 'output', 'moved', 'import', 'check', 'removed', 'unknown'],
  );
  assert.deepEqual(blocks[12]!.type, 'atlantis');
  assert.deepEqual(blocks[4]!.labels, ['aws_s3_bucket', 'b']);
  assert.equal(blocks[4]!.form, undefined);
});

test('terraform block: required_version, required_providers and backend', () => {
  const [tf] = parseOk(`terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
  backend "s3" {
    bucket = "b"
  }
}
`);
  assert.equal(staticString(attrExpr(tf!, 'required_version')), '>= 1.5');
  const rp = childBlocks(tf!, 'required_providers')[0]!;
  const aws = attrExpr(rp, 'aws');
  assert.equal(aws?.kind, 'object');
  assert.deepEqual(
    aws?.kind === 'object' ? aws.entries.map((e) => [e.key, literalValue(e.value)]) : [],
    [
      ['source', 'hashicorp/aws'],
      ['version', '~> 5.0'],
    ],
  );
  const backend = childBlocks(tf!, 'backend')[0]!;
  assert.equal(backend.kind, 'nested');
  assert.equal(backend.form, 'block');
  assert.deepEqual(backend.labels, ['s3']);
  assert.equal(staticString(attrExpr(backend, 'bucket')), 'b');
});

test('provider alias, variable fields and validation block', () => {
  const [p, v] = parseOk(`provider "aws" {
  alias  = "west"
  region = "us-west-2"
}
variable "env" {
  type        = list(string)
  default     = ["a"]
  description = "Env"
  sensitive   = true
  validation {
    condition     = length(var.env) > 0
    error_message = "empty"
  }
}
`);
  assert.equal(blockAddress(p!), 'provider.aws.west');
  assert.deepEqual(shape(attrExpr(v!, 'type')), { kind: 'call', name: 'list', args: [{ kind: 'reference', parts: ['string'] }] });
  assert.equal(literalValue(attrExpr(v!, 'sensitive')), true);
  assert.equal(staticString(attrExpr(v!, 'description')), 'Env');
  const val = childBlocks(v!, 'validation')[0]!;
  assert.equal(attrExpr(val, 'condition')?.kind, 'operation');
});

test('meta-arguments are ordinary attributes and blocks', () => {
  const [r] = parseOk(`resource "aws_instance" "i" {
  count      = 2
  for_each   = toset(["a"])
  depends_on = [aws_s3_bucket.b]
  provider   = aws.west
  lifecycle {
    prevent_destroy = true
    ignore_changes  = [tags]
  }
}
`);
  assert.deepEqual(
    r!.attributes.map((a) => a.name),
    ['count', 'for_each', 'depends_on', 'provider'],
  );
  assert.equal(literalValue(attrExpr(r!, 'count')), 2);
  const dep = attrExpr(r!, 'depends_on');
  assert.equal(dep?.kind, 'tuple');
  assert.deepEqual(dep?.kind === 'tuple' ? dep.items.map((i) => (i.kind === 'reference' ? i.parts : [])) : [], [['aws_s3_bucket', 'b']]);
  assert.deepEqual(attrExpr(r!, 'provider')?.kind === 'reference' ? (attrExpr(r!, 'provider') as { parts: string[] }).parts : [], ['aws', 'west']);
  const lc = childBlocks(r!, 'lifecycle')[0]!;
  assert.equal(lc.kind, 'nested');
  assert.equal(literalValue(attrExpr(lc, 'prevent_destroy')), true);
});

test('dynamic blocks keep for_each and content, and nestedBlocks sees through them', () => {
  const [r] = parseOk(`resource "aws_security_group" "sg" {
  ingress {
    from_port = 443
  }
  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port = rule.value.port
    }
  }
}
`);
  const dyn = childBlocks(r!, 'dynamic')[0]!;
  assert.deepEqual(dyn.labels, ['ingress']);
  assert.equal(dyn.form, 'block');
  assert.deepEqual(
    dyn.attributes.map((a) => a.name),
    ['for_each', 'iterator'],
  );
  const ingress = nestedBlocks(r!, 'ingress');
  assert.equal(ingress.length, 2);
  const port = attrExpr(ingress[1]!, 'from_port');
  assert.deepEqual(port?.kind === 'reference' ? port.parts : [], ['rule', 'value', 'port']);
});

test('spans of blocks, attributes and expressions are 1-based with exclusive end columns', () => {
  const [r] = parseOk(`# comment
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
`);
  assert.deepEqual(r!.span, { file: 'main.tf', line: 2, column: 1, endLine: 4, endColumn: 2 });
  const a = r!.attributes[0]!;
  assert.deepEqual(a.span, { file: 'main.tf', line: 3, column: 3, endLine: 3, endColumn: 20 });
  assert.deepEqual(a.expr.span, { file: 'main.tf', line: 3, column: 12, endLine: 3, endColumn: 20 });
});

test('single-line blocks, identifier labels and comments between items', () => {
  const [r] = parseOk(`resource aws_s3_bucket b { # trailing
  /* block comment */ versioning { enabled = true }
  // line comment
}
`);
  assert.deepEqual(r!.labels, ['aws_s3_bucket', 'b']);
  assert.equal(literalValue(attrExpr(childBlocks(r!, 'versioning')[0]!, 'enabled')), true);
});

test('top-level attributes (tfvars) land in one synthetic block', () => {
  const blocks = parseOk('region = "us-east-1"\ncount = 3\n', 'terraform.tfvars');
  assert.equal(blocks.length, 1);
  assert.equal(blocks[0]!.kind, 'unknown');
  assert.equal(blocks[0]!.type, 'tfvars');
  assert.deepEqual(
    blocks[0]!.attributes.map((a) => [a.name, literalValue(a.expr)]),
    [
      ['region', 'us-east-1'],
      ['count', 3],
    ],
  );
});

test('an empty or comment-only file yields no blocks and no diagnostics', () => {
  assert.deepEqual(parseOk(''), []);
  assert.deepEqual(parseOk('# nothing here\n\n'), []);
});

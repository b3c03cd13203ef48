import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule } from '../../src/rules/deprecated/deprecated-vs-reference.js';

const MODEL = [
  'data "aws_region" "current" {}',
  'resource "aws_eip" "nat" {',
  '  vpc = true',
  '}',
  'resource "aws_waf_web_acl" "acl" {',
  '  name        = "acl"',
  '  metric_name = "acl"',
  '}',
  'locals {',
  '  region = data.aws_region.current.name',
  '}',
].join('\n');

const IDEAL = [
  'data "aws_region" "current" {}',
  'resource "aws_eip" "nat" {',
  '  domain = "vpc"',
  '}',
  'resource "aws_wafv2_web_acl" "acl" {',
  '  name  = "acl"',
  '  scope = "REGIONAL"',
  '}',
  'locals {',
  '  region = data.aws_region.current.region',
  '}',
].join('\n');

test('deprecated-vs-reference: deprecated argument, attribute read and retired service the reference avoids', () => {
  const f = runRule(rule, MODEL, { ideal: IDEAL });
  assert.equal(f.length, 3);
  assert.ok(f.every((x) => x.category === 'deprecated'));
  const messages = f.map((x) => x.message).join('\n');
  assert.match(messages, /"vpc" on aws_eip is deprecated; use domain = "vpc" \(the reference avoids it\)/);
  assert.match(messages, /attribute "name" of aws_region/);
  assert.match(messages, /WAF Classic/);
  assert.equal(f.find((x) => /aws_eip/.test(x.message))!.location.line, 3);
});

test('deprecated-vs-reference: what the reference uses too is not reported; without a reference only retired services', () => {
  assert.equal(runRule(rule, MODEL, { ideal: MODEL }).length, 0);
  const alone = runRule(rule, MODEL);
  assert.equal(alone.length, 1);
  assert.match(alone[0]!.message, /WAF Classic/);
  assert.equal(runRule(rule, IDEAL).length, 0);
});

test('deprecated-vs-reference: an argument of a resource type the reference does not declare at all is not "avoided by the reference"', () => {
  const model = 'resource "aws_eip" "nat" {\n  vpc = true\n}\n';
  assert.equal(runRule(rule, model, { ideal: 'resource "aws_eip" "nat" {\n  domain = "vpc"\n}\n' }).length, 1);
  assert.equal(runRule(rule, model, { ideal: 'resource "aws_s3_bucket" "b" {}\n' }).length, 0);
});

test('deprecated-vs-reference: an attribute read is "avoided by the reference" only where the reference reads that type', () => {
  const model = 'data "aws_region" "current" {}\nresource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = "arn:aws:logs:${data.aws_region.current.name}:*"\n}\n';
  // The partial reference declares the data source but shows no block reading it: nothing to compare.
  assert.deepEqual(runRule(rule, model, { ideal: 'data "aws_region" "current" {}\n' }), []);
  const readsRegion = 'data "aws_region" "current" {}\nresource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = "arn:aws:logs:${data.aws_region.current.region}:*"\n}\n';
  assert.deepEqual(runRule(rule, model, { ideal: readsRegion }).map((f) => [f.resource, f.location.line]), [['aws_iam_policy.p', 4]]);
});

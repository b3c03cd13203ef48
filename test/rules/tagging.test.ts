import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule } from '../../src/rules/tagging/inconsistent-tags.js';

const resources = `
resource "aws_s3_bucket" "a" {
  bucket = "a"
  tags   = local.common_tags
}
resource "aws_sqs_queue" "q" {
  name = "q"
  tags = local.common_tags
}
resource "aws_sns_topic" "t" {
  name = "t"
}
resource "aws_s3_bucket_versioning" "a" {
  bucket = aws_s3_bucket.a.id
}`;

test('inconsistent-tags fires when most taggable resources carry tags and some do not', () => {
  const findings = runRule(rule, `provider "aws" {
  region = "us-east-1"
}
${resources}`);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_sns_topic.t');
  assert.doesNotMatch(findings[0]!.message, /versioning/);
});

test('inconsistent-tags is quiet with provider default_tags or when nothing is tagged', () => {
  const withDefaults = `provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = local.common_tags
  }
}
${resources}`;
  assert.deepEqual(runRule(rule, withDefaults), []);
  assert.deepEqual(runRule(rule, `resource "aws_sns_topic" "t" { name = "t" }
resource "aws_sqs_queue" "q" { name = "q" }`), []);
});

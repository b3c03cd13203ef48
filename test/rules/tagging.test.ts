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

import { rule as untagged } from '../../src/rules/tagging/untagged-resources.js';
import { rule as requiredKeys } from '../../src/rules/tagging/required-tag-keys-missing.js';

const tagged = `
locals {
  common_tags = {
    Environment = var.environment
    Project     = "shop"
  }
}
resource "aws_s3_bucket" "a" {
  bucket = "a"
  tags   = local.common_tags
}
resource "aws_sqs_queue" "q" {
  name = "q"
}`;

test('untagged-resources fires when the task asks for tags and a taggable resource has none', () => {
  const findings = runRule(untagged, tagged, { prompt: 'Tag all resources with Environment and Project.' });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /aws_sqs_queue\.q/);
});

test('untagged-resources is quiet with provider default_tags or without a tagging request', () => {
  const withDefaults = `provider "aws" {\n  default_tags {\n    tags = local.common_tags\n  }\n}\n${tagged}`;
  assert.deepEqual(runRule(untagged, withDefaults, { prompt: 'Tag all resources.' }), []);
  assert.deepEqual(runRule(untagged, tagged, { prompt: 'Create a bucket and a queue.' }), []);
});

test('required-tag-keys-missing fires on keys the prompt lists that no tag map sets', () => {
  const findings = runRule(requiredKeys, tagged, { prompt: 'All resources must be tagged with Environment, Project, Owner and CostCenter.' });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /owner, costcenter/);
  assert.deepEqual(runRule(requiredKeys, tagged, { prompt: 'Tag resources with Environment and Project.' }), []);
});

test('required-tag-keys-missing is quiet when tags come from an open map', () => {
  const open = tagged.replace('tags   = local.common_tags', 'tags   = var.tags');
  assert.deepEqual(runRule(requiredKeys, `${open}\nvariable "tags" {\n  type = map(string)\n}`, { prompt: 'Tag everything with Owner and CostCenter.' }), []);
});

import { rule as floatingImageTag, floatingImage } from '../../src/rules/misconfiguration/container-image-floating-tag.js';

const taskDef = (image: string): string => `variable "web_image" {
  type    = string
  default = "${image}"
}
resource "aws_ecs_task_definition" "web" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = var.web_image, essential = true }])
}`;

test('container-image-floating-tag fires on a latest image when the reference pins the version', () => {
  const findings = runRule(floatingImageTag, taskDef('httpd:latest'), { ideal: taskDef('httpd:2.4.62') });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /httpd:latest/);
});

test('container-image-floating-tag is quiet on pinned images, without a reference, or when the reference floats too', () => {
  assert.deepEqual(runRule(floatingImageTag, taskDef('httpd:2.4.62'), { ideal: taskDef('httpd:2.4.62') }), []);
  assert.deepEqual(runRule(floatingImageTag, taskDef('httpd:latest')), []);
  assert.deepEqual(runRule(floatingImageTag, taskDef('httpd:latest'), { ideal: taskDef('httpd') }), []);
});

test('floatingImage classifies image references', () => {
  assert.equal(floatingImage('httpd'), true);
  assert.equal(floatingImage('registry.example.com:5000/team/api:latest'), true);
  assert.equal(floatingImage('registry.example.com:5000/team/api:1.3.0'), false);
  assert.equal(floatingImage('team/api@sha256:0123abcd'), false);
  assert.equal(floatingImage('${aws_ecr_repository.api.repository_url}:latest'), false);
});

import { rule as tagHardcodesEnv } from '../../src/rules/tagging/tag-value-hardcodes-environment.js';

const stageTags = (name: string): string => `variable "environment_suffix" {
  type = string
}
resource "aws_sqs_queue" "orders" {
  name = "orders-\${var.environment_suffix}"
  tags = merge(local.common_tags, {
    Name = "${name}"
  })
}`;

test('tag-value-hardcodes-environment fires when a tag spells an environment next to the suffix and the reference does not', () => {
  const findings = runRule(tagHardcodesEnv, stageTags('orders-staging-${var.environment_suffix}'), { ideal: stageTags('orders-${var.environment_suffix}') });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /"staging"/);
});

test('tag-value-hardcodes-environment is quiet without the word, without a reference, or when the reference keeps it', () => {
  const ideal = stageTags('orders-${var.environment_suffix}');
  assert.deepEqual(runRule(tagHardcodesEnv, ideal, { ideal }), []);
  assert.deepEqual(runRule(tagHardcodesEnv, stageTags('orders-staging-${var.environment_suffix}')), []);
  const kept = stageTags('orders-staging-${var.environment_suffix}');
  assert.deepEqual(runRule(tagHardcodesEnv, kept, { ideal: kept }), []);
  // "staging" as a plain literal without the input is the naming rule's business.
  assert.deepEqual(runRule(tagHardcodesEnv, stageTags('orders-staging'), { ideal }), []);
  // The reference spells the same word beside the input on another resource: the task's environment, kept.
  const otherResource = ideal + '\nresource "aws_sns_topic" "alerts" {\n  tags = {\n    Name = "alerts-staging-${var.environment_suffix}"\n  }\n}\n';
  assert.deepEqual(runRule(tagHardcodesEnv, kept, { ideal: otherResource }), []);
});

test('inconsistent-tags: untagged managed IAM policies among tagged resources are no gap', () => {
  const tf = (untagged: string) => `resource "aws_s3_bucket" "a" {
  tags = { Team = "x" }
}
resource "aws_sqs_queue" "q" {
  tags = { Team = "x" }
}
resource "aws_iam_role" "r" {
  tags = { Team = "x" }
}
${untagged}`;
  assert.deepEqual(runRule(rule, tf('resource "aws_iam_policy" "p" {\n  policy = "{}"\n}\n')), []);
  assert.deepEqual(runRule(rule, tf('resource "aws_sns_topic" "t" {\n  name = "t"\n}\n')).map((f) => [f.resource, f.location.line]), [['aws_sns_topic.t', 10]]);
});

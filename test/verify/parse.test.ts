import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyText } from '../../src/verify/classify.js';

test('numbered ### items under severity groups, with Impact Level fields and labelled snippets', () => {
  const md = [
    '# Analysis of the Generated Stack',
    '',
    'Intro text.',
    '',
    '## Critical Failures',
    '',
    '### 1. Bucket lacks a `aws_s3_bucket_public_access_block`',
    '',
    '**Impact Level**: Critical',
    '',
    '**MODEL_RESPONSE Issue**:',
    '```hcl',
    '# wrong',
    'resource "aws_s3_bucket" "data" {',
    '  bucket = "data"',
    '}',
    '```',
    '',
    '**Root Cause**: the model skipped it.',
    '',
    '## Medium Failures',
    '',
    '### 2. Log group keeps logs forever',
    '',
    'No `retention_in_days` on the group.',
    '',
    '## Summary',
    '',
    '### Not a claim',
    'totals',
  ].join('\n');
  const claims = parseFailureAnalysis(md);
  assert.deepEqual(claims.map((c) => c.title), ['Bucket lacks a `aws_s3_bucket_public_access_block`', 'Log group keeps logs forever']);
  assert.equal(claims[0]!.severity, 'critical');
  assert.equal(claims[1]!.severity, 'medium');
  assert.deepEqual(claims[0]!.identifiers, ['aws_s3_bucket_public_access_block']);
  assert.equal(claims[0]!.snippets.length, 1);
  assert.equal(claims[0]!.snippets[0]!.side, 'model');
  assert.match(claims[1]!.text, /retention_in_days/);
  assert.equal(claims[0]!.line, 7);
});

test('## Issue N: headings with field subsections stay one claim each', () => {
  const md = [
    '## Issue 1: Provider block sits in main.tf',
    '### Root Cause',
    'Convention not followed.',
    '### Fix',
    'Moved it to `provider.tf`.',
    '## Issue 2: Wildcard IAM actions',
    '**Severity**: HIGH',
    '### Root Cause',
    'Convenience.',
  ].join('\n');
  const claims = parseFailureAnalysis(md);
  assert.deepEqual(claims.map((c) => c.title), ['Provider block sits in main.tf', 'Wildcard IAM actions']);
  assert.match(claims[0]!.text, /provider\.tf/);
  assert.equal(claims[1]!.severity, 'high');
});

test('bold numbered list items when the document has no headings', () => {
  const md = [
    'Three faults when comparing the responses:',
    '',
    '1. **Encryption key not rotated**',
    '   - `enable_key_rotation` is missing.',
    '',
    '2. **Tags missing on the queue**',
    '   - no tags at all.',
    '',
    '3. **Unit tests absent**',
  ].join('\n');
  const claims = parseFailureAnalysis(md);
  assert.deepEqual(claims.map((c) => c.title), ['Encryption key not rotated', 'Tags missing on the queue', 'Unit tests absent']);
  assert.deepEqual(claims[0]!.identifiers, ['enable_key_rotation']);
});

test('plain numbered lines and a whole-document markdown fence', () => {
  const md = ['```markdown', '# Failures', '', '1) Region assumed without asking', 'because reasons', '', '2) Alarm thresholds are counts, not rates', 'more', '```'].join('\n');
  const claims = parseFailureAnalysis(md);
  assert.deepEqual(claims.map((c) => c.title), ['Region assumed without asking', 'Alarm thresholds are counts, not rates']);
});

test('plain-text titles between blank lines', () => {
  const md = ['Launch Template Problems', 'The early file used a launch configuration.', '', 'Missing Output Values', 'Tests read outputs that were never declared.'].join('\n');
  assert.deepEqual(parseFailureAnalysis(md).map((c) => c.title), ['Launch Template Problems', 'Missing Output Values']);
});

test('cleanTitle strips numbering, bold, emoji and prefixes', () => {
  assert.equal(cleanTitle('### **3. Missing Alarms**'), 'Missing Alarms');
  assert.equal(cleanTitle('## Issue 4: Backend uses variables'), 'Backend uses variables');
  assert.equal(cleanTitle('### 2.1 Missing KMS Alias'), 'Missing KMS Alias');
  assert.equal(cleanTitle('## 🚨 Hard-coded password'), 'Hard-coded password');
});

test('classifier maps typical claim titles to categories', () => {
  const cases: [string, string][] = [
    ['Provider block placed in main.tf instead of provider.tf', 'file-layout'],
    ['Missing environment_suffix on resource names', 'naming'],
    ['S3 bucket without public access block', 'public-exposure'],
    ['IAM policy uses wildcard resources', 'iam-least-privilege'],
    ['CloudWatch log group has no retention', 'logging'],
    ['No CloudWatch alarms or dashboard', 'monitoring'],
    ['Deprecated managed_policy_arns argument', 'deprecated'],
    ['Backend block uses variables', 'backend'],
    ['Lifecycle rule without filter', 'lifecycle-cost'],
    ['DynamoDB table not encrypted with KMS', 'encryption'],
    ['Missing unit tests', 'tests'],
    ['README documentation incomplete', 'documentation'],
    ['RDS final snapshot blocks destroy (skip_final_snapshot)', 'destroyability'],
  ];
  for (const [title, category] of cases) assert.equal(classifyText(title, '').category, category, title);
  assert.equal(classifyText('Overall impressions', '').category, null);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFromHcl, runRule } from './helpers.js';
import { rule as wildAction } from '../../src/rules/iam-least-privilege/iam-wildcard-action.js';
import { rule as wildResource } from '../../src/rules/iam-least-privilege/iam-wildcard-resource.js';
import { rule as anyPrincipal } from '../../src/rules/iam-least-privilege/iam-trust-any-principal.js';
import { rule as adminPolicy } from '../../src/rules/iam-least-privilege/admin-managed-policy.js';
import { allPolicyStatements, policyStatements } from '../../src/rules/util/policy.js';
import { attrExpr, resources } from '../../src/model/query.js';

const ROLE_POLICY = (statements: string): string =>
  `resource "aws_iam_role_policy" "p" {\n  role = "r"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n${statements}\n    ]\n  })\n}\n`;

test('policyStatements reads jsonencode, heredoc JSON with interpolations, and policy documents', () => {
  const cfg = configFromHcl(
    ROLE_POLICY('{\n Effect = "Allow"\n Action = ["s3:GetObject"]\n Resource = "${aws_s3_bucket.b.arn}/*"\n}') +
      'resource "aws_iam_policy" "h" {\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "${aws_sqs_queue.q.arn}"}]\n}\nEOF\n}\n' +
      'data "aws_iam_policy_document" "d" {\n  statement {\n    effect = "Allow"\n    actions = ["kms:Decrypt"]\n    resources = ["*"]\n  }\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type = "Service"\n      identifiers = ["lambda.amazonaws.com"]\n    }\n  }\n}\n' +
      'resource "aws_iam_policy" "byref" {\n  policy = data.aws_iam_policy_document.d.json\n}\n',
  );
  const [p] = resources(cfg, 'aws_iam_role_policy');
  const st = policyStatements(attrExpr(p!, 'policy'), cfg);
  assert.equal(st.length, 1);
  assert.deepEqual(st[0]!.actions, ['s3:GetObject']);
  assert.equal(st[0]!.resources.length, 1);
  assert.notEqual(st[0]!.resources[0], '*');
  const h = policyStatements(attrExpr(resources(cfg, 'aws_iam_policy')[0]!, 'policy'), cfg);
  assert.deepEqual(h[0]!.actions, ['sqs:*']);
  assert.match(h[0]!.resources[0]!, /aws_sqs_queue\.q\.arn/);
  const byRef = policyStatements(attrExpr(resources(cfg, 'aws_iam_policy')[1]!, 'policy'), cfg);
  assert.equal(byRef.length, 2);
  assert.deepEqual(byRef[1]!.principals, [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }]);
  // A local holding the document's JSON is followed to its definition.
  const viaLocal = configFromHcl('locals {\n  doc_json = data.aws_iam_policy_document.d.json\n}\n' + 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["kms:Decrypt"]\n    resources = ["*"]\n  }\n}\n' + 'resource "aws_iam_policy" "l" {\n  policy = local.doc_json\n}\n');
  assert.deepEqual(policyStatements(attrExpr(resources(viaLocal, 'aws_iam_policy')[0]!, 'policy'), viaLocal).map((x) => x.actions), [['kms:Decrypt']]);
  // allPolicyStatements reports documents once, at the data source, not again at each user.
  assert.equal(allPolicyStatements(cfg).filter((s) => s.block.kind === 'data').length, 2);
  assert.equal(allPolicyStatements(cfg).filter((s) => s.block.labels[1] === 'byref').length, 0);
});

test('iam-wildcard-action: service:* high, * critical', () => {
  const f = runRule(wildAction, ROLE_POLICY('{\n Effect = "Allow"\n Action = "dynamodb:*"\n Resource = "arn:aws:dynamodb:us-east-1:1:table/t"\n}'));
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'high');
  const all = runRule(wildAction, ROLE_POLICY('{\n Effect = "Allow"\n Action = "*"\n Resource = "*"\n}'));
  assert.equal(all[0]!.severity, 'critical');
});

test('iam-wildcard-action: specific actions, Deny statements and key policies are fine', () => {
  assert.deepEqual(runRule(wildAction, ROLE_POLICY('{\n Effect = "Allow"\n Action = ["s3:GetObject"]\n Resource = "x"\n},\n{\n Effect = "Deny"\n Action = "s3:*"\n Resource = "*"\n}')), []);
  const kms =
    'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Principal = { AWS = "arn:aws:iam::1:root" }\n      Action = "kms:*"\n      Resource = "*"\n    }]\n  })\n}\n';
  assert.deepEqual(runRule(wildAction, kms), []);
});

test('iam-wildcard-resource: data actions on * are high; Describe/List only is low; star-only actions are skipped', () => {
  const f = runRule(
    wildResource,
    ROLE_POLICY('{\n Effect = "Allow"\n Action = ["secretsmanager:GetSecretValue"]\n Resource = ["*"]\n},\n{\n Effect = "Allow"\n Action = ["kms:Decrypt"]\n Resource = "*"\n}'),
  );
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'high');
  assert.match(f[0]!.message, /secretsmanager:GetSecretValue, kms:Decrypt/);
  const low = runRule(wildResource, ROLE_POLICY('{\n Effect = "Allow"\n Action = ["dynamodb:DescribeTable", "s3:ListBucket"]\n Resource = "*"\n}'));
  assert.equal(low[0]!.severity, 'low');
  const ok = runRule(
    wildResource,
    ROLE_POLICY('{\n Effect = "Allow"\n Action = ["logs:CreateLogDelivery", "xray:PutTraceSegments", "ec2:DescribeNetworkInterfaces", "cloudwatch:PutMetricData"]\n Resource = "*"\n}'),
  );
  assert.deepEqual(ok, []);
});

test('iam-trust-any-principal: Principal "*" in a trust policy; service principals and conditions are fine', () => {
  const trust = (principal: string, extra = ''): string =>
    `resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Principal = ${principal}\n      Action = "sts:AssumeRole"\n${extra}    }]\n  })\n}\n`;
  const f = runRule(anyPrincipal, trust('"*"'));
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.equal(runRule(anyPrincipal, trust('{ AWS = "*" }')).length, 1);
  assert.deepEqual(runRule(anyPrincipal, trust('{ Service = "lambda.amazonaws.com" }')), []);
  assert.deepEqual(runRule(anyPrincipal, trust('"*"', '      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-1" } }\n')), []);
  // A bucket policy open to "*" is resource-policy-public-principal's finding, not a trust policy.
  const bucketPolicy = `resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Principal = "*"\n      Action = "s3:ListBucket"\n      Resource = "arn:aws:s3:::b"\n    }]\n  })\n}\n`;
  assert.deepEqual(runRule(anyPrincipal, bucketPolicy), []);
});

test('admin-managed-policy: AdministratorAccess critical, *FullAccess high, narrow policies fine', () => {
  const att = (n: string, arn: string): string => `resource "aws_iam_role_policy_attachment" "${n}" {\n  role = "r"\n  policy_arn = "${arn}"\n}\n`;
  const f = runRule(
    adminPolicy,
    att('a', 'arn:aws:iam::aws:policy/AdministratorAccess') +
      att('b', 'arn:aws:iam::aws:policy/AmazonS3FullAccess') +
      att('c', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'),
  );
  assert.deepEqual(f.map((x) => [x.resource, x.severity]), [
    ['aws_iam_role_policy_attachment.a', 'critical'],
    ['aws_iam_role_policy_attachment.b', 'high'],
  ]);
});

test('iam-wildcard-resource: writing own logs on * is low (the AWS basic execution policy does the same)', () => {
  const f = runRule(wildResource, ROLE_POLICY('{\n Effect = "Allow"\n Action = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]\n Resource = "*"\n}'));
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'low');
});

import { rule as wildArn, broadArn } from '../../src/rules/iam-least-privilege/iam-wildcard-arn.js';

test('iam-wildcard-arn: ARNs that match every resource of a service', () => {
  for (const arn of ['arn:aws:logs:*:*:*', 'arn:aws:s3:::*', 'arn:aws:dynamodb:*:*:table/*', 'arn:aws:lambda:us-east-1:*:function:*']) assert.ok(broadArn(arn), arn);
  for (const arn of ['arn:aws:s3:::data-bucket/*', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*', 'arn:aws:dynamodb:us-east-1:123456789012:table/items', '*', 'not-an-arn'])
    assert.ok(!broadArn(arn), arn);
  const broad = ROLE_POLICY('{\n Effect = "Allow"\n Action = ["logs:CreateLogStream", "logs:PutLogEvents"]\n Resource = "arn:aws:logs:*:*:*"\n}');
  const found = runRule(wildArn, broad);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /arn:aws:logs:\*:\*:\*/);
  const scoped = ROLE_POLICY('{\n Effect = "Allow"\n Action = ["logs:PutLogEvents"]\n Resource = "${aws_cloudwatch_log_group.l.arn}:*"\n}');
  assert.deepEqual(runRule(wildArn, scoped), []);
  // Resource "*" is the other rule's; actions that only work on "*" are not a gap.
  assert.deepEqual(runRule(wildArn, ROLE_POLICY('{\n Effect = "Allow"\n Action = ["s3:GetObject"]\n Resource = "*"\n}')), []);
  assert.deepEqual(runRule(wildArn, ROLE_POLICY('{\n Effect = "Allow"\n Action = ["xray:PutTraceSegments"]\n Resource = "arn:aws:xray:*:*:*"\n}')), []);
});

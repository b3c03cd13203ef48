// Resource policies, Lambda permissions, IAM privilege escalation, secrets by value shape, network ACLs and
// default network resources: invalid fixtures with the expected resource and line, and valid fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as publicPrincipal } from '../../src/rules/public-exposure/resource-policy-public-principal.js';
import { RESOURCE_POLICY_ARGUMENTS } from '../../src/rules/util/resource-policy.js';
import { loadSchema } from '../../src/schema/index.js';
import { rule as lambdaPermission } from '../../src/rules/public-exposure/lambda-permission-public.js';
import { rule as openIngressAdminPort } from '../../src/rules/public-exposure/open-ingress-more-ports.js';
import { rule as wildcardAction } from '../../src/rules/iam-least-privilege/resource-policy-wildcard-action.js';
import { rule as escalation, actionAllows } from '../../src/rules/iam-least-privilege/iam-privilege-escalation.js';
import { rule as secretValue, secretShapesIn } from '../../src/rules/secrets/secret-value-in-code.js';
import { rule as nacl } from '../../src/rules/network/nacl-open-admin-port.js';
import { defaultSecurityGroupRule, defaultVpcRule } from '../../src/rules/network/default-network-resources.js';
import { accessKeyRule, ssoAdminRule, userPoliciesRule } from '../../src/rules/iam-least-privilege/iam-account-hygiene.js';

// ---- resource-policy-public-principal ----

test('resource-policy-public-principal: S3 bucket policy with Principal "*" (jsonencode) is reported at the statement', () => {
  const hcl = [
    'resource "aws_s3_bucket_policy" "site" {', // 1
    '  bucket = aws_s3_bucket.site.id',
    '  policy = jsonencode({',
    '    Version = "2012-10-17"',
    '    Statement = [{', // 5
    '      Effect    = "Allow"',
    '      Principal = "*"',
    '      Action    = "s3:GetObject"',
    '      Resource  = "${aws_s3_bucket.site.arn}/*"',
    '    }]',
    '  })',
    '}',
  ].join('\n');
  const f = runRule(publicPrincipal, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_s3_bucket_policy.site');
  assert.equal(f[0]!.severity, 'high');
  assert.equal(f[0]!.location.line, 5);
  assert.match(f[0]!.message, /s3:GetObject/);
});

test('resource-policy-public-principal: SQS policy as JSON heredoc with {"AWS":"*"} and "*" action is critical', () => {
  const hcl = `resource "aws_sqs_queue_policy" "q" {
  queue_url = aws_sqs_queue.q.id
  policy    = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*"}]
}
POLICY
}
`;
  const f = runRule(publicPrincipal, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_sqs_queue_policy.q');
  assert.equal(f[0]!.severity, 'critical');
  assert.equal(f[0]!.location.line, 3);
});

test('resource-policy-public-principal: policy document data source referenced by SNS, ECR, OpenSearch and Secrets Manager', () => {
  const doc = 'data "aws_iam_policy_document" "open" {\n  statement {\n    actions = ["sns:Publish"]\n    resources = ["*"]\n    principals {\n      type = "*"\n      identifiers = ["*"]\n    }\n  }\n}\n';
  for (const [type, arg] of [['aws_sns_topic_policy', 'policy'], ['aws_ecr_repository_policy', 'policy'], ['aws_opensearch_domain_policy', 'access_policies'], ['aws_secretsmanager_secret_policy', 'policy']] as const) {
    const f = runRule(publicPrincipal, `${doc}resource "${type}" "p" {\n  ${arg} = data.aws_iam_policy_document.open.json\n}\n`);
    assert.equal(f.length, 1, type);
    assert.equal(f[0]!.resource, `${type}.p`);
    assert.equal(f[0]!.location.line, 2, `${type}: points at the statement`);
  }
});

test('resource-policy-public-principal: DynamoDB, Kinesis, Glue, CodeArtifact, access point and log resource policies', () => {
  const open = (action: string) => `jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "${action}", Resource = "*" }] })`;
  for (const [type, arg, action] of [
    ['aws_dynamodb_resource_policy', 'policy', 'dynamodb:GetItem'],
    ['aws_kinesis_resource_policy', 'policy', 'kinesis:GetRecords'],
    ['aws_glue_resource_policy', 'policy', 'glue:GetTable'],
    ['aws_codeartifact_repository_permissions_policy', 'policy_document', 'codeartifact:ReadFromRepository'],
    ['aws_s3_access_point', 'policy', 's3:GetObject'],
    ['aws_cloudwatch_log_resource_policy', 'policy_document', 'logs:PutLogEvents'],
  ] as const) {
    const f = runRule(publicPrincipal, `resource "${type}" "p" {\n  name = "p"\n  ${arg} = ${open(action)}\n}\n`);
    assert.equal(f.length, 1, type);
    assert.equal(f[0]!.resource, `${type}.p`);
    assert.equal(f[0]!.location.line, 3, type);
  }
  // The same policies with a service principal are how these services are meant to be shared.
  const scoped = 'resource "aws_cloudwatch_log_resource_policy" "es" {\n  policy_name = "es"\n  policy_document = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "es.amazonaws.com" }, Action = "logs:PutLogEvents", Resource = "*" }] })\n}\n';
  assert.deepEqual(runRule(publicPrincipal, scoped), []);
});

test('resource policy reader: every resource type and policy argument exists in the bundled provider schema', () => {
  const schema = loadSchema();
  const missing = Object.entries(RESOURCE_POLICY_ARGUMENTS).filter(([type, arg]) => !schema.resource(type)?.attributes[arg]);
  assert.deepEqual(missing, []);
});

test('resource-policy-public-principal: conditions, named principals and Deny statements are fine', () => {
  const hcl = [
    'resource "aws_sqs_queue_policy" "q" {',
    '  queue_url = "u"',
    '  policy = jsonencode({',
    '    Statement = [',
    '      { Effect = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "*" },',
    '      { Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*", Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:us-east-1:111122223333:t" } } },',
    '      { Effect = "Deny", Principal = "*", Action = "sqs:*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },',
    '      { Effect = "Deny", Principal = { AWS = "*" }, Action = "sqs:*", Resource = "*" },',
    '    ]',
    '  })',
    '}',
  ].join('\n');
  assert.deepEqual(runRule(publicPrincipal, hcl), []);
});

test('resource-policy-public-principal: a policy held in a local is followed', () => {
  const hcl = 'locals {\n  p = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage", Resource = "*" }] })\n}\nresource "aws_ecr_repository_policy" "r" {\n  repository = "r"\n  policy = local.p\n}\n';
  const f = runRule(publicPrincipal, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_ecr_repository_policy.r');
});

// ---- lambda-permission-public ----

test('lambda-permission-public: principal "*" without a scope', () => {
  const f = runRule(lambdaPermission, 'resource "aws_lambda_permission" "any" {\n  action = "lambda:InvokeFunction"\n  function_name = "f"\n  principal = "*"\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_lambda_permission.any');
  assert.equal(f[0]!.location.line, 1);
  assert.equal(f[0]!.severity, 'high');
});

test('lambda-permission-public: scoped or service principals are fine', () => {
  const hcl =
    'resource "aws_lambda_permission" "a" {\n  principal = "*"\n  source_account = "111122223333"\n}\n' +
    'resource "aws_lambda_permission" "b" {\n  principal = "apigateway.amazonaws.com"\n}\n' +
    'resource "aws_lambda_permission" "c" {\n  principal = "*"\n  principal_org_id = "o-abc"\n}\n';
  assert.deepEqual(runRule(lambdaPermission, hcl), []);
});

// ---- resource-policy-wildcard-action ----

test('resource-policy-wildcard-action: named principal with sqs:*', () => {
  const hcl = 'resource "aws_sqs_queue" "q" {\n  policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Principal = { AWS = "arn:aws:iam::111122223333:role/app" }\n      Action = "sqs:*"\n      Resource = "*"\n    }]\n  })\n}\n';
  const f = runRule(wildcardAction, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_sqs_queue.q');
  assert.equal(f[0]!.location.line, 3);
  assert.match(f[0]!.message, /sqs:\*/);
});

test('resource-policy-wildcard-action: specific actions, Deny s3:* and public grants (reported elsewhere) are not reported', () => {
  const hcl =
    'resource "aws_s3_bucket_policy" "b" {\n  bucket = "b"\n  policy = jsonencode({ Statement = [\n    { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "*" },\n    { Effect = "Allow", Principal = { Service = "logging.s3.amazonaws.com" }, Action = "s3:PutObject", Resource = "*" },\n  ] })\n}\n' +
    'resource "aws_sns_topic_policy" "t" {\n  arn = "a"\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "sns:*", Resource = "*" }] })\n}\n';
  assert.deepEqual(runRule(wildcardAction, hcl), []);
});

test('resource-policy-wildcard-action: s3:* granted to the account root (a delegation to IAM) is not reported', () => {
  const hcl =
    'data "aws_caller_identity" "current" {}\n' +
    'resource "aws_s3_bucket_policy" "b" {\n  bucket = "b"\n  policy = jsonencode({ Statement = [\n' +
    '    { Effect = "Allow", Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }, Action = "s3:*", Resource = "*", Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1" } } },\n' +
    '    { Effect = "Allow", Principal = { AWS = "111122223333" }, Action = "s3:*", Resource = "*" },\n  ] })\n}\n';
  assert.deepEqual(runRule(wildcardAction, hcl), []);
  // A role of the account is a named caller: reported.
  assert.equal(runRule(wildcardAction, hcl.replace(':root"', ':role/app"')).length, 1);
  // An SNS topic policy with a wildcard action is reported whatever the principal.
  const sns = 'resource "aws_sns_topic_policy" "t" {\n  arn = "a"\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "SNS:*", Resource = "*" }] })\n}\n';
  assert.deepEqual(runRule(wildcardAction, sns).map((x) => x.resource), ['aws_sns_topic_policy.t']);
});

// ---- iam-privilege-escalation ----

test('iam-privilege-escalation: PassRole with lambda:CreateFunction on *', () => {
  const hcl = [
    'resource "aws_iam_policy" "deployer" {',
    '  policy = jsonencode({',
    '    Statement = [',
    '      { Effect = "Allow", Action = ["iam:PassRole"], Resource = "*" },',
    '      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },',
    '    ]',
    '  })',
    '}',
  ].join('\n');
  const f = runRule(escalation, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_iam_policy.deployer');
  assert.equal(f[0]!.location.line, 4);
  assert.match(f[0]!.message, /iam:PassRole \+ lambda:CreateFunction/);
});

test('iam-privilege-escalation: iam:CreateAccessKey and iam:Attach* through a wildcard in a policy document', () => {
  const hcl = 'data "aws_iam_policy_document" "ops" {\n  statement {\n    actions = ["iam:Attach*", "iam:CreateAccessKey"]\n    resources = ["*"]\n  }\n}\n';
  const f = runRule(escalation, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'data.aws_iam_policy_document.ops');
  assert.match(f[0]!.message, /iam:CreateAccessKey/);
  assert.match(f[0]!.message, /iam:AttachUserPolicy/);
});

test('iam-privilege-escalation: PassRole scoped to a role, PassRole alone, or read-only IAM is fine', () => {
  const hcl =
    'resource "aws_iam_role_policy" "a" {\n  policy = jsonencode({ Statement = [\n    { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::111122223333:role/exec" },\n    { Effect = "Allow", Action = "lambda:CreateFunction", Resource = "*" },\n  ] })\n}\n' +
    'resource "aws_iam_role_policy" "b" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "iam:Get*", "iam:List*"], Resource = "*" }] })\n}\n';
  assert.deepEqual(runRule(escalation, hcl), []);
});

test('iam-privilege-escalation: PassRole with ECS task registration and run, CodeBuild or Step Functions', () => {
  const hcl = [
    'resource "aws_iam_role_policy" "ci" {', // 1
    '  role = aws_iam_role.ci.id',
    '  policy = jsonencode({ Statement = [',
    '    { Effect = "Allow", Action = ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"], Resource = "*" },',
    '  ] })',
    '}',
    'resource "aws_iam_policy" "builds" {', // 7
    '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "codebuild:*"], Resource = "*" }] })',
    '}',
  ].join('\n');
  const f = runRule(escalation, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_iam_role_policy.ci', 4], ['aws_iam_policy.builds', 8]]);
  assert.match(f[0]!.message, /ecs:RunTask/);
  assert.match(f[1]!.message, /codebuild:CreateProject/);
});

test('iam-privilege-escalation: ECS RunTask without RegisterTaskDefinition runs only existing task definitions', () => {
  const hcl = 'resource "aws_iam_role_policy" "sched" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "ecs:RunTask"], Resource = "*" }] })\n}\n';
  assert.deepEqual(runRule(escalation, hcl), []);
});

test('iam-privilege-escalation: action patterns match case-insensitively and only what they cover', () => {
  assert.ok(actionAllows('iam:*', 'iam:PassRole'));
  assert.ok(actionAllows('IAM:passrole', 'iam:PassRole'));
  assert.ok(actionAllows('iam:Put*', 'iam:PutRolePolicy'));
  assert.ok(!actionAllows('iam:Get*', 'iam:PassRole'));
  assert.ok(!actionAllows('iam:PassRole', 'iam:PassRoles'));
});

// ---- secret-value-in-code ----

const AKID = ['AKIA', 'Q3EGRPLM5TXYZ7NB'].join('');

test('secret-value-in-code: AWS access key id in a Lambda environment map', () => {
  const hcl = `resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = {\n      AWS_ACCESS_KEY_ID = "${AKID}"\n    }\n  }\n}\n`;
  const f = runRule(secretValue, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_lambda_function.fn');
  assert.equal(f[0]!.location.line, 5);
  assert.equal(f[0]!.severity, 'critical');
  assert.match(f[0]!.message, /AWS access key id/);
});

test('secret-value-in-code: private key in user_data heredoc, with an interpolation elsewhere', () => {
  const hcl = 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  user_data = <<-EOT\n    #!/bin/bash\n    echo ${var.x}\n    cat > /root/.ssh/id_rsa <<KEY\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEow\n    -----END RSA PRIVATE KEY-----\n    KEY\n  EOT\n}\n';
  const f = runRule(secretValue, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_instance.web');
  assert.match(f[0]!.message, /private key/);
});

test('secret-value-in-code: base64 user_data, tags, ECS container definitions and provider keys', () => {
  const script = Buffer.from(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${AKID}\n`).toString('base64');
  const gh = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const hcl =
    `resource "aws_launch_template" "lt" {\n  user_data = "${script}"\n}\n` +
    `resource "aws_s3_bucket" "b" {\n  tags = {\n    deploy_token = "${gh}"\n  }\n}\n` +
    `resource "aws_ecs_task_definition" "t" {\n  container_definitions = jsonencode([{ name = "app", environment = [{ name = "KEY", value = "${AKID}" }] }])\n}\n` +
    `provider "aws" {\n  access_key = "${AKID}"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE12"\n}\n`;
  const f = runRule(secretValue, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_ecs_task_definition.t', 'aws_launch_template.lt', 'aws_s3_bucket.b', 'provider.aws']);
  assert.match(f.find((x) => x.resource === 'provider.aws')!.message, /AWS secret access key/);
  assert.equal(f.find((x) => x.resource === 'aws_s3_bucket.b')!.location.line, 6);
});

test('secret-value-in-code: GitLab, npm and Shopify tokens in an environment map and a build spec', () => {
  const glpat = 'glpat-' + 'Xy7Qm2Lp9Rt4Vw1Zb8Nc';
  const npm = 'npm_' + 'a'.repeat(8) + 'B7c9D2e4F6g8H1j3K5m7N9p2Q4r6';
  const hcl =
    `resource "aws_lambda_function" "fn" {\n  environment {\n    variables = {\n      GITLAB_TOKEN = "${glpat}"\n    }\n  }\n}\n` +
    `resource "aws_codebuild_project" "b" {\n  source {\n    buildspec = "phases:\\n  install:\\n    commands:\\n      - npm config set //registry.npmjs.org/:_authToken ${npm}"\n  }\n}\n`;
  const f = runRule(secretValue, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_lambda_function.fn', 4], ['aws_codebuild_project.b', 10]]);
  assert.match(f[0]!.message, /GitLab token/);
  assert.match(f[1]!.message, /npm token/);
  assert.deepEqual(secretShapesIn('shpat_' + '0123456789abcdef'.repeat(2)), ['Shopify token']);
  // Prefixes alone, or too short to be a token, are names, not secrets.
  assert.deepEqual(secretShapesIn('glpat-short npm_config_cache shpat_xyz'), []);
});

test('secret-value-in-code: references, placeholders, ARNs and ordinary base64 are fine', () => {
  const hcl =
    'resource "aws_lambda_function" "fn" {\n  environment {\n    variables = {\n      SECRET_ARN = aws_secretsmanager_secret.s.arn\n      EXAMPLE = "AKIAXXXXXXXXXXXXXXXX"\n      ROLE = "arn:aws:iam::111122223333:role/app"\n    }\n  }\n}\n' +
    `resource "aws_instance" "i" {\n  user_data_base64 = "${Buffer.from('#!/bin/bash\nyum install -y httpd\n').toString('base64')}"\n}\n`;
  assert.deepEqual(runRule(secretValue, hcl), []);
  assert.deepEqual(secretShapesIn('sha256:' + 'A'.repeat(64)), []);
});

// ---- nacl-open-admin-port ----

test('nacl-open-admin-port: inline ingress allowing all protocols from 0.0.0.0/0, and an SSH rule resource', () => {
  const hcl =
    'resource "aws_network_acl" "pub" {\n  vpc_id = "v"\n  ingress {\n    rule_no = 100\n    protocol = "-1"\n    action = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port = 0\n    to_port = 0\n  }\n}\n' +
    'resource "aws_network_acl_rule" "ssh" {\n  network_acl_id = "a"\n  rule_number = 110\n  egress = false\n  protocol = "tcp"\n  rule_action = "allow"\n  ipv6_cidr_block = "::/0"\n  from_port = 22\n  to_port = 22\n}\n';
  const f = runRule(nacl, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [
    ['aws_network_acl.pub', 3],
    ['aws_network_acl_rule.ssh', 12],
  ]);
  assert.match(f[0]!.message, /22 \(SSH\), 3389 \(RDP\)/);
});

test('nacl-open-admin-port: HTTPS from anywhere, SSH from a private CIDR, deny entries and egress are fine', () => {
  const hcl =
    'resource "aws_network_acl" "pub" {\n  ingress {\n    protocol = "tcp"\n    action = "allow"\n    cidr_block = "0.0.0.0/0"\n    from_port = 443\n    to_port = 443\n  }\n  ingress {\n    protocol = "tcp"\n    action = "allow"\n    cidr_block = "10.0.0.0/8"\n    from_port = 22\n    to_port = 22\n  }\n  ingress {\n    protocol = "-1"\n    action = "deny"\n    cidr_block = "0.0.0.0/0"\n    from_port = 0\n    to_port = 0\n  }\n}\n' +
    'resource "aws_network_acl_rule" "out" {\n  egress = true\n  protocol = "-1"\n  rule_action = "allow"\n  cidr_block = "0.0.0.0/0"\n}\n';
  assert.deepEqual(runRule(nacl, hcl), []);
});

// ---- default-security-group-allows-traffic / default-vpc-used ----

test('default-security-group-allows-traffic: rules on the default group', () => {
  const f = runRule(defaultSecurityGroupRule, 'resource "aws_default_security_group" "d" {\n  vpc_id = "v"\n  egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_default_security_group.d');
  assert.equal(f[0]!.location.line, 3);
  assert.deepEqual(runRule(defaultSecurityGroupRule, 'resource "aws_default_security_group" "d" {\n  vpc_id = "v"\n}\n'), []);
});

test('default-vpc-used: aws_default_vpc and a default VPC lookup; a dedicated VPC is fine', () => {
  const f = runRule(defaultVpcRule, 'resource "aws_default_vpc" "d" {}\ndata "aws_vpc" "def" {\n  default = true\n}\n');
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [
    ['aws_default_vpc.d', 1],
    ['data.aws_vpc.def', 2],
  ]);
  assert.deepEqual(runRule(defaultVpcRule, 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\ndata "aws_vpc" "x" {\n  id = "vpc-1"\n}\n'), []);
});

// ---- iam-policy-on-user / iam-access-key-created / sso-permission-set-full-admin ----

test('iam-policy-on-user: inline and attached user policies; group attachments are fine', () => {
  const hcl =
    'resource "aws_iam_user_policy" "p" {\n  user = "u"\n  policy = "{}"\n}\n' +
    'resource "aws_iam_policy_attachment" "a" {\n  name = "a"\n  users = ["u"]\n  policy_arn = "arn"\n}\n' +
    'resource "aws_iam_group_policy_attachment" "g" {\n  group = "g"\n  policy_arn = "arn"\n}\n' +
    'resource "aws_iam_policy_attachment" "roles" {\n  name = "r"\n  roles = ["r"]\n  policy_arn = "arn"\n}\n';
  const f = runRule(userPoliciesRule, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [
    ['aws_iam_user_policy.p', 1],
    ['aws_iam_policy_attachment.a', 5],
  ]);
});

test('iam-access-key-created: medium, low with pgp_key; none without keys', () => {
  const f = runRule(accessKeyRule, 'resource "aws_iam_access_key" "k" {\n  user = "u"\n}\nresource "aws_iam_access_key" "p" {\n  user = "u"\n  pgp_key = "keybase:someone"\n}\n');
  assert.deepEqual(f.map((x) => [x.resource, x.severity, x.location.line]), [
    ['aws_iam_access_key.k', 'medium', 1],
    ['aws_iam_access_key.p', 'low', 4],
  ]);
  assert.deepEqual(runRule(accessKeyRule, 'resource "aws_iam_user" "u" {\n  name = "u"\n}\n'), []);
});

test('sso-permission-set-full-admin: "*" on "*" inline policy; scoped policy is fine', () => {
  const bad = 'resource "aws_ssoadmin_permission_set_inline_policy" "admin" {\n  instance_arn = "i"\n  permission_set_arn = "p"\n  inline_policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\n';
  const f = runRule(ssoAdminRule, bad);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_ssoadmin_permission_set_inline_policy.admin');
  assert.equal(f[0]!.location.line, 5);
  assert.equal(f[0]!.severity, 'critical');
  assert.deepEqual(runRule(ssoAdminRule, bad.replace('Action = "*"', 'Action = "s3:GetObject"')), []);
});

// ---- open-ingress-admin-port ----

test('open-ingress-admin-port: Telnet, SMB and Kafka open to the world', () => {
  const hcl =
    'resource "aws_security_group" "legacy" {\n  ingress {\n    from_port = 23\n    to_port = 23\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' +
    'resource "aws_vpc_security_group_ingress_rule" "smb" {\n  security_group_id = "sg-1"\n  ip_protocol = "tcp"\n  from_port = 445\n  to_port = 445\n  cidr_ipv6 = "::/0"\n}\n' +
    'resource "aws_security_group_rule" "kafka" {\n  type = "ingress"\n  from_port = 9092\n  to_port = 9092\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n  security_group_id = "sg-1"\n}\n';
  const f = runRule(openIngressAdminPort, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]).sort(), [
    ['aws_security_group.legacy', 2],
    ['aws_security_group_rule.kafka', 16],
    ['aws_vpc_security_group_ingress_rule.smb', 9],
  ]);
  assert.match(f.find((x) => x.resource === 'aws_security_group.legacy')!.message, /23 \(Telnet\)/);
});

test('open-ingress-admin-port: private CIDRs, web ports, and ranges open-ingress-sensitive-port reports are left alone', () => {
  const hcl =
    'resource "aws_security_group" "a" {\n  ingress {\n    from_port = 445\n    to_port = 445\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  ingress {\n    from_port = 0\n    to_port = 65535\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  ingress {\n    from_port = 20\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
  assert.deepEqual(runRule(openIngressAdminPort, hcl), []);
});

// ---- ECS container definitions: privileged containers and writable root file systems ----

import { privilegedRule as ecsPrivileged, writableRootRule as ecsWritableRoot } from '../../src/rules/misconfiguration/ecs-container-hardening.js';

test('ecs-task-privileged-container: jsonencode and JSON heredoc definitions, reported at container_definitions', () => {
  const enc = [
    'resource "aws_ecs_task_definition" "app" {', // 1
    '  family = "app"',
    '  container_definitions = jsonencode([', // 3
    '    { name = "app", image = "nginx:1.27", readonlyRootFilesystem = true },',
    '    { name = "agent", image = "agent:1.0", privileged = true, readonlyRootFilesystem = true },',
    '  ])',
    '}',
  ].join('\n');
  const f = runRule(ecsPrivileged, enc);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_ecs_task_definition.app');
  assert.equal(f[0]!.location.line, 3);
  assert.match(f[0]!.message, /"agent"/);
  assert.deepEqual(runRule(ecsWritableRoot, enc), []);
  const heredoc = 'resource "aws_ecs_task_definition" "h" {\n  family = "h"\n  container_definitions = <<EOT\n[{"name": "app", "image": "nginx:1.27", "privileged": true}]\nEOT\n}\n';
  assert.equal(runRule(ecsPrivileged, heredoc).length, 1);
  assert.equal(runRule(ecsPrivileged, heredoc)[0]!.location.line, 3);
  // Through a local.
  const viaLocal = 'locals {\n  containers = [{ name = "app", image = "x:1", privileged = true }]\n}\nresource "aws_ecs_task_definition" "l" {\n  container_definitions = jsonencode(local.containers)\n}\n';
  assert.equal(runRule(ecsPrivileged, viaLocal).length, 1);
});

test('ecs-task-privileged-container: unprivileged, unknown and file-based definitions are not reported', () => {
  for (const defs of [
    'jsonencode([{ name = "app", image = "x:1", privileged = false }])',
    'jsonencode([{ name = "app", image = "x:1" }])',
    'jsonencode([{ name = "app", image = "x:1", privileged = var.privileged }])',
    'file("${path.module}/containers.json")',
    'templatefile("containers.json.tpl", { image = var.image })',
    'var.container_definitions',
  ]) {
    assert.deepEqual(runRule(ecsPrivileged, `resource "aws_ecs_task_definition" "t" {\n  container_definitions = ${defs}\n}\n`), [], defs);
  }
});

test('ecs-task-root-filesystem-writable: containers without readonlyRootFilesystem = true', () => {
  const bad = 'resource "aws_ecs_task_definition" "t" {\n  family = "t"\n  container_definitions = jsonencode([{ name = "app", image = "x:1" }, { name = "side", image = "y:1", readonlyRootFilesystem = false }])\n}\n';
  const f = runRule(ecsWritableRoot, bad);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_ecs_task_definition.t');
  assert.equal(f[0]!.location.line, 3);
  assert.match(f[0]!.message, /"app", "side"/);
  for (const defs of [
    'jsonencode([{ name = "app", image = "x:1", readonlyRootFilesystem = true }])',
    '"[{\\"name\\": \\"app\\", \\"readonlyRootFilesystem\\": true}]"',
    'jsonencode([{ name = "app", readonlyRootFilesystem = var.read_only }])',
    'file("containers.json")',
  ]) {
    assert.deepEqual(runRule(ecsWritableRoot, `resource "aws_ecs_task_definition" "t" {\n  container_definitions = ${defs}\n}\n`), [], defs);
  }
});

test('ECS container checks are observations with complete metadata', () => {
  for (const r of [ecsPrivileged, ecsWritableRoot]) {
    assert.equal(r.meta.defaultTier, 'observation', r.meta.id);
    assert.ok(r.meta.fixExample && r.meta.rootCause && r.meta.fix && r.meta.knowledgeGap && r.meta.title, r.meta.id);
    assert.match(r.meta.docs, /^https:\/\//);
  }
});

// ---- env-var-plaintext-secret ----

import { rule as envSecret } from '../../src/rules/secrets/env-var-plaintext-secret.js';

test('env-var-plaintext-secret: Lambda, ECS container and CodeBuild plaintext variables with secret names and literal values', () => {
  const lambda = 'resource "aws_lambda_function" "api" {\n  function_name = "api"\n  environment {\n    variables = {\n      DB_PASSWORD = "Sup3rSecret!"\n      TABLE       = "orders"\n    }\n  }\n}\n';
  const f = runRule(envSecret, lambda);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_lambda_function.api');
  assert.equal(f[0]!.location.line, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.match(f[0]!.message, /DB_PASSWORD/);
  assert.doesNotMatch(f[0]!.message, /TABLE/);
  const ecs = 'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{ name = "app", environment = [{ name = "API_TOKEN", value = "tok-123456" }, { name = "PORT", value = "80" }] }])\n}\n';
  assert.deepEqual(runRule(envSecret, ecs).map((x) => [x.resource, x.location.line]), [['aws_ecs_task_definition.app', 1]]);
  const build = 'resource "aws_codebuild_project" "b" {\n  environment {\n    environment_variable {\n      name  = "NPM_TOKEN"\n      value = "npm_abcdef123456"\n    }\n  }\n}\n';
  assert.deepEqual(runRule(envSecret, build).map((x) => x.resource), ['aws_codebuild_project.b']);
});

test('env-var-plaintext-secret: references, ARNs, parameter paths, metadata names and secret-typed variables are fine', () => {
  for (const hcl of [
    'resource "aws_lambda_function" "api" {\n  environment {\n    variables = {\n      DB_PASSWORD      = random_password.db.result\n      DB_SECRET_ARN    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"\n      API_KEY_PARAM    = "/app/api-key"\n      SECRET_NAME      = "prod/db"\n      TOKEN_TTL        = "3600"\n      API_TOKEN        = var.api_token\n    }\n  }\n}\n',
    'resource "aws_ecs_task_definition" "app" {\n  container_definitions = jsonencode([{ name = "app", environment = [{ name = "DB_PASSWORD", value = var.db_password }], secrets = [{ name = "API_TOKEN", valueFrom = aws_secretsmanager_secret.api.arn }] }])\n}\n',
    'resource "aws_codebuild_project" "b" {\n  environment {\n    environment_variable {\n      name  = "NPM_TOKEN"\n      value = "/ci/npm-token"\n      type  = "PARAMETER_STORE"\n    }\n    environment_variable {\n      name  = "DOCKER_PASSWORD"\n      value = "dockerhub:password"\n      type  = "SECRETS_MANAGER"\n    }\n  }\n}\n',
  ]) {
    assert.deepEqual(runRule(envSecret, hcl), [], hcl);
  }
});

// ---- db-parameter-group-tls-not-enforced ----

import { rule as dbTls } from '../../src/rules/encryption/db-parameter-group-tls.js';

test('db-parameter-group-tls-not-enforced: TLS turned off in DocumentDB, RDS and Redshift parameter groups', () => {
  const docdb = 'resource "aws_docdb_cluster_parameter_group" "docs" {\n  family = "docdb5.0"\n  parameter {\n    name  = "tls"\n    value = "disabled"\n  }\n}\n';
  assert.deepEqual(runRule(dbTls, docdb).map((f) => [f.resource, f.location.line]), [['aws_docdb_cluster_parameter_group.docs', 5]]);
  const pg = 'resource "aws_db_parameter_group" "pg" {\n  family = "postgres16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = "0"\n  }\n}\n';
  assert.deepEqual(runRule(dbTls, pg).map((f) => [f.resource, f.location.line]), [['aws_db_parameter_group.pg', 5]]);
  const mysql = 'resource "aws_rds_cluster_parameter_group" "my" {\n  family = "aurora-mysql8.0"\n  parameter {\n    name  = "require_secure_transport"\n    value = "OFF"\n  }\n}\n';
  assert.equal(runRule(dbTls, mysql).length, 1);
  // Redshift defaults to clear text: a group without require_ssl is reported at the resource.
  const rs = 'resource "aws_redshift_parameter_group" "dw" {\n  family = "redshift-1.0"\n}\n';
  assert.deepEqual(runRule(dbTls, rs).map((f) => [f.resource, f.location.line]), [['aws_redshift_parameter_group.dw', 1]]);
  const rsFalse = 'resource "aws_redshift_parameter_group" "dw" {\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "false"\n  }\n}\n';
  assert.equal(runRule(dbTls, rsFalse)[0]!.location.line, 5);
});

test('db-parameter-group-tls-not-enforced: TLS kept on, other parameters, and unknown values are fine', () => {
  for (const hcl of [
    'resource "aws_docdb_cluster_parameter_group" "docs" {\n  parameter {\n    name  = "tls"\n    value = "enabled"\n  }\n}\n',
    'resource "aws_docdb_cluster_parameter_group" "docs" {\n  parameter {\n    name  = "audit_logs"\n    value = "enabled"\n  }\n}\n',
    'resource "aws_db_parameter_group" "pg" {\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}\nresource "aws_db_parameter_group" "plain" {\n  family = "postgres16"\n}\n',
    'resource "aws_redshift_parameter_group" "dw" {\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}\n',
    'resource "aws_redshift_parameter_group" "dw" {\n  parameter {\n    name  = "require_ssl"\n    value = var.require_ssl\n  }\n}\n',
    'resource "aws_redshift_parameter_group" "dw" {\n  dynamic "parameter" {\n    for_each = var.parameters\n    content {\n      name  = parameter.key\n      value = parameter.value\n    }\n  }\n}\n',
  ]) {
    assert.deepEqual(runRule(dbTls, hcl), [], hcl);
  }
});

// ---- provider-static-credentials ----

import { rule as providerCredentials } from '../../src/rules/secrets/provider-static-credentials.js';

test('provider-static-credentials: literal keys in the aws provider block, reported at the first key', () => {
  const hcl = 'provider "aws" {\n  region     = "us-east-1"\n  access_key = "my-access-key"\n  secret_key = "my-secret-key"\n}\n';
  const f = runRule(providerCredentials, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.equal(f[0]!.location.line, 3);
  assert.match(f[0]!.message, /access_key`, `secret_key/);
});

test('provider-static-credentials: variables, profiles and other providers are fine', () => {
  for (const hcl of [
    'provider "aws" {\n  region     = var.region\n  access_key = var.access_key\n  secret_key = var.secret_key\n}\n',
    'provider "aws" {\n  region  = "us-east-1"\n  profile = "deploy"\n}\n',
    'provider "random" {}\n',
  ]) {
    assert.deepEqual(runRule(providerCredentials, hcl), [], hcl);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as pi } from '../../src/rules/service-constraint/performance-insights-unsupported-class.js';
import { rule as auroraClass } from '../../src/rules/service-constraint/aurora-instance-class-unsupported.js';
import { rule as engine } from '../../src/rules/service-constraint/outdated-engine-version.js';
import { rule as unavailable } from '../../src/rules/service-constraint/engine-version-unavailable.js';
import { rule as runtime } from '../../src/rules/service-constraint/lambda-runtime-deprecated.js';
import { rule as createBlocked } from '../../src/rules/service-constraint/lambda-runtime-create-blocked.js';
import { rule as names } from '../../src/rules/service-constraint/name-length-limit.js';
import { outdatedEngine, versionMatches } from '../../src/rules/service-constraint/engine-versions.js';

const cluster = (cls: string, version = '15.4'): string => `
variable "db_instance_class" {
  type    = string
  default = "${cls}"
}
resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
  engine_version     = "${version}"
}
resource "aws_rds_cluster_instance" "writer" {
  cluster_identifier           = aws_rds_cluster.aurora.id
  engine                       = aws_rds_cluster.aurora.engine
  instance_class               = var.db_instance_class
  performance_insights_enabled = true
}`;

test('aurora-instance-class-unsupported follows the class variable default; Performance Insights on it is not a second failure', () => {
  const findings = runRule(auroraClass, cluster('db.t3.micro'));
  assert.deepEqual(findings.map((f) => [f.resource, f.location.line]), [['aws_rds_cluster_instance.writer', 11]]);
  assert.match(findings[0]!.message, /db\.t3\.micro, which aurora-postgresql does not offer/);
  assert.deepEqual(runRule(pi, cluster('db.t3.micro')), []);
  assert.deepEqual(runRule(auroraClass, cluster('db.t3.medium')), []);
  assert.deepEqual(runRule(auroraClass, cluster('db.t4g.medium')), []);
  // RDS (not Aurora) offers the small classes.
  assert.deepEqual(runRule(auroraClass, 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t3.micro"\n}\n'), []);
});

test('performance-insights-unsupported-class: Aurora MySQL burstable classes do not offer it', () => {
  const mysql = cluster('db.t3.medium').replace('"aurora-postgresql"', '"aurora-mysql"').replace('"15.4"', '"8.0.mysql_aurora.3.05.2"');
  assert.deepEqual(runRule(pi, mysql).map((f) => f.resource), ['aws_rds_cluster_instance.writer']);
  assert.deepEqual(runRule(pi, mysql.replace('db.t3.medium', 'db.r6g.large')), []);
});

test('performance-insights-unsupported-class: RDS MySQL small classes fail, PostgreSQL is not restricted', () => {
  const db = (eng: string): string => `
resource "aws_db_instance" "db" {
  engine                       = "${eng}"
  instance_class               = "db.t4g.small"
  performance_insights_enabled = true
}`;
  assert.equal(runRule(pi, db('mysql')).length, 1);
  assert.deepEqual(runRule(pi, db('postgres')), []);
});

test('engine-version-unavailable flags retired Aurora minors; outdated-engine-version leaves them to it and flags EOL majors', () => {
  const old = runRule(unavailable, cluster('db.r6g.large', '15.3'));
  assert.deepEqual(old.map((f) => [f.resource, f.severity, f.location.line]), [['aws_rds_cluster.aurora', 'high', 6]]);
  assert.deepEqual(runRule(engine, cluster('db.r6g.large', '15.3')), []);
  assert.equal(runRule(unavailable, cluster('db.r6g.large', '15.4')).length, 1);
  assert.deepEqual(runRule(unavailable, cluster('db.r6g.large', '15.10')), []);
  assert.deepEqual(runRule(unavailable, cluster('db.r6g.large', '16.4')), []);
  const mysql = runRule(engine, `resource "aws_db_instance" "db" {
  engine         = "mysql"
  engine_version = "5.7.44"
}`);
  assert.equal(mysql.length, 1);
  assert.equal(mysql[0]!.severity, 'medium');
});

test('engine table matching is on dot boundaries', () => {
  assert.ok(versionMatches('5.7.44', '5.7'));
  assert.ok(!versionMatches('15.30', '15.3'));
  assert.equal(outdatedEngine('postgres', '16.3'), undefined);
  assert.equal(outdatedEngine('postgres', '14.15'), undefined);
  assert.equal(outdatedEngine('postgres', '14.10')?.status, 'retired-minor');
  assert.equal(outdatedEngine('postgres', '15.40'), undefined);
  assert.ok(outdatedEngine('postgres', '12.19'));
  assert.ok(outdatedEngine('aurora-mysql', '5.7.mysql_aurora.2.11.2'));
  assert.equal(outdatedEngine('aurora-mysql', '8.0.mysql_aurora.3.05.2'), undefined);
});

test('lambda-runtime-create-blocked reports runtimes new functions cannot use; lambda-runtime-deprecated the ones still allowed', () => {
  const fn = (rt: string): string => `resource "aws_lambda_function" "f" {
  function_name = "f"
  runtime       = "${rt}"
}`;
  const blocked = runRule(createBlocked, fn('python3.8'));
  assert.deepEqual(blocked.map((f) => [f.resource, f.severity, f.location.line]), [['aws_lambda_function.f', 'high', 1]]);
  assert.match(blocked[0]!.message, /creating functions with it is blocked/);
  assert.deepEqual(runRule(runtime, fn('python3.8')), []);
  assert.deepEqual(runRule(runtime, fn('nodejs18.x')).map((f) => f.severity), ['low']);
  assert.deepEqual(runRule(createBlocked, fn('nodejs18.x')), []);
  assert.deepEqual(runRule(runtime, fn('python3.12')), []);
  assert.deepEqual(runRule(createBlocked, fn('nodejs20.x')), []);
});

test('name-length-limit: a token left in a literal (CDKTF) is an apply-time value, not its own text', () => {
  const bucket = (name: string) => `resource "aws_s3_bucket" "logs" {\n  bucket = "${name}"\n}\n`;
  // 44 characters with a 12-digit account id; the token's own text would count 61.
  assert.deepEqual(runRule(names, bucket('app-logs-prod-$${data.aws_caller_identity.current.account_id}-dr-backup')), []);
  const long = runRule(names, bucket('application-access-logs-for-the-production-environment-of-payments-$${data.aws_caller_identity.current.account_id}'));
  assert.deepEqual(long.map((f) => [f.resource, f.location.line]), [['aws_s3_bucket.logs', 1]]);
  assert.match(long[0]!.message, /is at least 67 characters/);
});

test('name-length-limit counts literal characters and resolved defaults', () => {
  const findings = runRule(
    names,
    `variable "project" {
  default = "payments-platform"
}
resource "aws_lb_target_group" "app" {
  name = "\${var.project}-application-tg-\${var.environment_suffix}"
}
resource "aws_lb" "app" {
  name = "app-\${var.environment_suffix}"
}
resource "aws_s3_bucket" "b" {
  bucket = "MyBucket-\${var.environment_suffix}"
}`,
  );
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_lb_target_group.app', 'aws_s3_bucket.b']);
  assert.match(findings.find((f) => f.resource === 'aws_s3_bucket.b')!.message, /upper-case/);
});

test('name-length-limit counts the environment suffix at its shortest pipeline length when its fixed part already fills the limit', () => {
  const role = (prefix: string) => `resource "aws_iam_role" "events" {\n  name_prefix = "${prefix}"\n}\n`;
  // 33 fixed characters + "-" + 6 of the suffix = 40 > 38: every pipeline deployment fails at plan.
  const long = runRule(names, role('loan-processing-eventbridge-role-${var.environment_suffix}-'));
  assert.deepEqual(long.map((f) => [f.resource, f.location.line]), [['aws_iam_role.events', 1]]);
  assert.match(long[0]!.message, /"loan-processing-eventbridge-role-\$\{suffix\}-" is 34 characters before the environment suffix and at least 40/);
  // 24 fixed characters: room for a suffix of up to 14.
  assert.deepEqual(runRule(names, role('loan-eventbridge-role-${var.environment_suffix}-')), []);
  // An unknown input that is not the suffix adds nothing: the length stays a lower bound.
  assert.deepEqual(runRule(names, role('loan-processing-eventbridge-role-${var.team}-')), []);
});

import { rule as fifoMismatch } from '../../src/rules/service-constraint/sqs-fifo-mismatch.js';

test('sqs-fifo-mismatch fires on a FIFO queue with a standard DLQ and on a Lambda DLQ that is FIFO', () => {
  const tf = `
resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}
resource "aws_sqs_queue" "orders" {
  name           = "orders.fifo"
  fifo_queue     = true
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 3 })
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  dead_letter_config {
    target_arn = aws_sqs_queue.orders.arn
  }
}`;
  const found = runRule(fifoMismatch, tf).map((f) => f.resource).sort();
  assert.deepEqual(found, ['aws_lambda_function.fn', 'aws_sqs_queue.orders']);
});

test('sqs-fifo-mismatch accepts matching queue types', () => {
  const tf = `
resource "aws_sqs_queue" "dlq" {
  name       = "dlq.fifo"
  fifo_queue = true
}
resource "aws_sqs_queue" "orders" {
  name           = "orders.fifo"
  fifo_queue     = true
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 3 })
}`;
  assert.deepEqual(runRule(fifoMismatch, tf), []);
});

test('sqs-fifo-mismatch: a FIFO queue subscribed to a standard topic fails; to a FIFO topic it is fine', () => {
  const tf = (topicFifo: string) => `resource "aws_sns_topic" "events" {
  name = "events"
${topicFifo}}
resource "aws_sqs_queue" "orders" {
  name       = "orders.fifo"
  fifo_queue = true
}
resource "aws_sns_topic_subscription" "orders" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "sqs"
  endpoint  = aws_sqs_queue.orders.arn
}`;
  const f = runRule(fifoMismatch, tf(''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_sns_topic_subscription.orders', 8]]);
  assert.match(f[0]!.message, /standard topic aws_sns_topic\.events/);
  assert.deepEqual(runRule(fifoMismatch, tf('  fifo_topic = true\n').replace('name = "events"', 'name = "events.fifo"')), []);
});

import { rule as backtrack } from '../../src/rules/service-constraint/aurora-backtrack-unsupported.js';

const btCluster = (engineLine: string, extra = ''): string => `
variable "backtrack_hours" {
  type    = number
  default = 24
}
resource "aws_rds_global_cluster" "g" {
  global_cluster_identifier = "orders-global"
  engine                    = "aurora-mysql"
}
resource "aws_rds_cluster" "db" {
  cluster_identifier = "orders"
  ${engineLine}
  backtrack_window   = var.backtrack_hours * 3600 > 0 ? 86400 : 0
  ${extra}
}`;

test('aurora-backtrack-unsupported fires for Aurora PostgreSQL and for global database members', () => {
  const pg = runRule(backtrack, btCluster('engine = "aurora-postgresql"'));
  assert.equal(pg.length, 1);
  assert.match(pg[0]!.message, /aurora-postgresql/);
  const global = runRule(backtrack, btCluster('engine = aws_rds_global_cluster.g.engine', 'global_cluster_identifier = aws_rds_global_cluster.g.id'));
  assert.equal(global.length, 1);
  assert.match(global[0]!.message, /global database/);
});

test('aurora-backtrack-unsupported accepts Aurora MySQL provisioned clusters and disabled backtrack', () => {
  assert.deepEqual(runRule(backtrack, btCluster('engine = "aurora-mysql"')), []);
  assert.deepEqual(
    runRule(
      backtrack,
      `resource "aws_rds_cluster" "db" {
  engine           = "aurora-postgresql"
  backtrack_window = 0
}`,
    ),
    [],
  );
});

import { rule as nameFormat } from '../../src/rules/service-constraint/name-format.js';

test('name-invalid-format: reserved prefixes, characters and letter starts the provider rejects', () => {
  const tf = `variable "team" {
  default = "Payments"
}
resource "aws_security_group" "alb" {
  name_prefix = "sg-alb-\${var.environment_suffix}-"
}
resource "aws_lb" "app" {
  name = "app_alb_\${var.environment_suffix}"
}
resource "aws_s3_bucket" "logs" {
  bucket = "\${var.team}-logs-\${var.environment_suffix}"
}
resource "aws_db_instance" "db" {
  identifier = "274789-postgres"
}
resource "aws_kms_alias" "key" {
  name = "alias/aws/app"
}
resource "aws_opensearch_domain" "search" {
  domain_name = "payments-platform-search-domain-prod"
}`;
  const found = runRule(nameFormat, tf).map((f) => `${f.resource}:${f.location.line}`).sort();
  assert.deepEqual(found, [
    'aws_db_instance.db:14',
    'aws_kms_alias.key:17',
    'aws_lb.app:8',
    'aws_opensearch_domain.search:20',
    'aws_s3_bucket.logs:11',
    'aws_security_group.alb:5',
  ]);
});

test('name-invalid-format: valid names, prefixes ending in a hyphen, and parts known only at apply time pass', () => {
  const tf = `resource "aws_security_group" "alb" {
  name_prefix = "alb-\${var.environment_suffix}-"
}
resource "aws_lb_target_group" "app" {
  name_prefix = "app-"
}
resource "aws_lb" "app" {
  name = "\${var.prefix}-alb"
}
resource "aws_s3_bucket" "logs" {
  bucket = "logs-\${data.aws_caller_identity.current.account_id}-\${var.environment_suffix}"
}
resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora-\${var.environment_suffix}"
}
resource "aws_kms_alias" "key" {
  name = "alias/app-\${var.environment_suffix}"
}
resource "aws_opensearch_domain" "search" {
  domain_name = "search-\${var.environment_suffix}"
}`;
  assert.deepEqual(runRule(nameFormat, tf), []);
});

test('sqs-fifo-mismatch: a .fifo name needs the FIFO flag and a FIFO queue needs the .fifo name', () => {
  const tf = `resource "aws_sqs_queue" "jobs" {
  name = "jobs-\${var.environment_suffix}.fifo"
}
resource "aws_sqs_queue" "events" {
  name       = "events"
  fifo_queue = true
}
resource "aws_sns_topic" "alerts" {
  name       = "alerts.fifo"
  fifo_topic = true
}
resource "aws_sqs_queue" "ok" {
  name       = "ok-\${var.environment_suffix}.fifo"
  fifo_queue = true
}`;
  const found = runRule(fifoMismatch, tf).map((f) => `${f.resource}:${f.location.line}`);
  assert.deepEqual(found, ['aws_sqs_queue.jobs:1', 'aws_sqs_queue.events:4']);
});

test('account-singleton-unguarded: an unconditional GuardDuty detector or Config recorder, not a guarded one', async () => {
  const { rule: singleton } = await import('../../src/rules/service-constraint/account-singleton-unguarded.js');
  const findings = runRule(singleton, `resource "aws_guardduty_detector" "main" {
  enable = true
}

resource "aws_config_configuration_recorder" "main" {
  name     = "recorder"
  role_arn = "arn:aws:iam::123456789012:role/config"
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
}`);
  assert.deepEqual(findings.map((f) => [f.resource, f.location.line]), [
    ['aws_guardduty_detector.main', 1],
    ['aws_config_configuration_recorder.main', 5],
  ]);
  assert.deepEqual(runRule(singleton, `variable "enable_guardduty" {
  type    = bool
  default = false
}

resource "aws_guardduty_detector" "main" {
  count  = var.enable_guardduty ? 1 : 0
  enable = true
}`), []);
});

test('engine-version-unavailable: RDS MySQL 8.0.35 is a retired minor (high), 8.0.40 and 8.4 are current', () => {
  const db = (version: string): string => `resource "aws_db_instance" "db" {
  engine         = "mysql"
  engine_version = "${version}"
}`;
  assert.deepEqual(runRule(unavailable, db('8.0.35')).map((f) => [f.resource, f.severity, f.location.line]), [['aws_db_instance.db', 'high', 1]]);
  assert.deepEqual(runRule(unavailable, db('8.0.40')), []);
  assert.deepEqual(runRule(unavailable, db('8.4.3')), []);
  assert.deepEqual(runRule(unavailable, db('8.0')), []);
});

import { rule as monitoringRoleMissing } from '../../src/rules/service-constraint/rds-monitoring-role-missing.js';

test('rds-monitoring-role-missing: an enhanced monitoring interval without a role fails the create call', () => {
  const db = (extra: string) => `resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  instance_class      = "db.m6g.large"\n${extra}}\n`;
  const f = runRule(monitoringRoleMissing, db('  monitoring_interval = 60\n'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_db_instance.db', 1, 'service-constraint']]);
  assert.match(f[0]!.message, /monitoring_interval = 60 without monitoring_role_arn/);
  assert.deepEqual(runRule(monitoringRoleMissing, db('  monitoring_interval = 60\n  monitoring_role_arn = aws_iam_role.m.arn\n')), []);
  assert.deepEqual(runRule(monitoringRoleMissing, db('  monitoring_interval = 0\n')), []);
  // An interval only known at apply time (a variable without default) may be 0: nothing to say.
  assert.deepEqual(runRule(monitoringRoleMissing, 'variable "i" {}\n' + db('  monitoring_interval = var.i\n')), []);
});

import { rule as dbCredentials } from '../../src/rules/service-constraint/db-master-credentials-invalid.js';

test('db-master-credentials-invalid: a reserved user name on PostgreSQL and a 64-character MySQL password fail', () => {
  const tf = `variable "db_user" {
  default = "admin"
}
resource "aws_rds_cluster" "pg" {
  engine          = "aurora-postgresql"
  master_username = var.db_user
  master_password = random_password.pg.result
}
resource "random_password" "mysql" {
  length  = 64
  special = false
}
resource "random_password" "pg" {
  length  = 64
  special = false
}
resource "aws_db_instance" "mysql" {
  engine   = "mysql"
  username = "app-admin"
  password = random_password.mysql.result
}`;
  const f = runRule(dbCredentials, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]).sort(), [
    ['aws_db_instance.mysql', 19],
    ['aws_rds_cluster.pg', 6],
    ['random_password.mysql', 9],
  ]);
  assert.match(f.find((x) => x.resource === 'aws_rds_cluster.pg')!.message, /"admin" is a reserved word of PostgreSQL/);
  assert.match(f.find((x) => x.resource === 'random_password.mysql')!.message, /64-character passwords .* 8 to 41/);
});

test('db-master-credentials-invalid: admin on MySQL, postgres on PostgreSQL, a 32-character password and RDS-managed passwords are fine', () => {
  const tf = `resource "random_password" "db" {
  length = 64
}
resource "aws_db_instance" "mysql" {
  engine                      = "mysql"
  username                    = "admin"
  password                    = random_password.db.result
  manage_master_user_password = true
}
resource "aws_rds_cluster" "pg" {
  engine          = "aurora-postgresql"
  master_username = "postgres"
  master_password = random_password.pg.result
}
resource "random_password" "pg" {
  length = 32
}`;
  assert.deepEqual(runRule(dbCredentials, tf), []);
});

import { rule as lambdaReservedEnvKey } from '../../src/rules/service-constraint/lambda-reserved-env-key.js';

test('lambda-reserved-env-key: AWS_REGION set directly or merged from a local is refused by Lambda', () => {
  const tf = `locals {
  common_env = { AWS_REGION = var.region, LOG_LEVEL = "INFO" }
}
resource "aws_lambda_function" "direct" {
  function_name = "direct"
  environment {
    variables = {
      _X_AMZN_TRACE_ID = "true"
    }
  }
}
resource "aws_lambda_function" "merged" {
  function_name = "merged"
  environment {
    variables = merge(local.common_env, { TABLE = "t" })
  }
}`;
  const f = runRule(lambdaReservedEnvKey, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_lambda_function.direct', 4], ['aws_lambda_function.merged', 12]]);
  assert.match(f[1]!.message, /AWS_REGION/);
});

test('lambda-reserved-env-key: application keys such as REGION or APP_REGION are fine', () => {
  const tf = 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  environment {\n    variables = {\n      REGION     = "us-east-1"\n      APP_REGION = "us-east-1"\n    }\n  }\n}\n';
  assert.deepEqual(runRule(lambdaReservedEnvKey, tf), []);
});

import { rule as reservedZone } from '../../src/rules/service-constraint/route53-zone-reserved-domain.js';

test('route53-zone-reserved-domain: example.com and its subdomains are refused; a zone the defaults never create is not', () => {
  const tf = `variable "domain_name" {
  default = "example.com"
}
resource "aws_route53_zone" "main" {
  name = var.domain_name
}
resource "aws_route53_zone" "env" {
  name = "\${var.environment_suffix}.payments.example.org"
}
resource "aws_route53_zone" "optional" {
  count = var.create_dns ? 1 : 0
  name  = "example.net"
}
variable "create_dns" {
  default = false
}
resource "aws_route53_zone" "internal" {
  name = "payments.internal"
}`;
  const f = runRule(reservedZone, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_route53_zone.main', 5], ['aws_route53_zone.env', 8]]);
  assert.match(f[1]!.message, /under example\.org/);
});

import { rule as aclOwnership } from '../../src/rules/service-constraint/s3-acl-without-ownership-controls.js';

test('s3-acl-without-ownership-controls: a bucket ACL needs ownership controls that allow ACLs', () => {
  const tf = (ownership: string) => `resource "aws_s3_bucket" "logs" {
  bucket = "logs-\${var.environment_suffix}"
}
resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}
${ownership}`;
  const f = runRule(aclOwnership, tf(''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_s3_bucket_acl.logs', 4, 'service-constraint']]);
  assert.match(f[0]!.message, /"log-delivery-write"/);
  const controls = (o: string) => `resource "aws_s3_bucket_ownership_controls" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    object_ownership = "${o}"\n  }\n}\n`;
  assert.deepEqual(runRule(aclOwnership, tf(controls('BucketOwnerPreferred'))), []);
  assert.equal(runRule(aclOwnership, tf(controls('BucketOwnerEnforced'))).length, 1);
});

test('s3-acl-without-ownership-controls: the inline acl of a bucket is refused too, except private', () => {
  const bucket = (acl: string) => `resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = "${acl}"\n}\n`;
  const f = runRule(aclOwnership, bucket('log-delivery-write'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_s3_bucket.logs', 3]]);
  assert.match(f[0]!.message, /acl = "log-delivery-write"/);
  assert.deepEqual(runRule(aclOwnership, bucket('private')), []);
  const preferred = 'resource "aws_s3_bucket_ownership_controls" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    object_ownership = "BucketOwnerPreferred"\n  }\n}\n';
  assert.deepEqual(runRule(aclOwnership, bucket('log-delivery-write') + preferred), []);
});

import { rule as trailBucketPolicy } from '../../src/rules/service-constraint/cloudtrail-bucket-policy-missing.js';

test('cloudtrail-bucket-policy-missing: a trail whose bucket policy does not admit CloudTrail cannot be created', () => {
  const tf = (policy: string) => `resource "aws_s3_bucket" "trail" {
  bucket = "trail-\${var.environment_suffix}"
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
${policy}`;
  const none = runRule(trailBucketPolicy, tf(''));
  assert.deepEqual(none.map((x) => [x.resource, x.location.line]), [['aws_cloudtrail.main', 4]]);
  assert.match(none[0]!.message, /has no bucket policy for cloudtrail\.amazonaws\.com/);
  const other = 'resource "aws_s3_bucket_policy" "trail" {\n  bucket = aws_s3_bucket.trail.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "config.amazonaws.com" }, Action = "s3:PutObject" }] })\n}\n';
  assert.match(runRule(trailBucketPolicy, tf(other))[0]!.message, /whose bucket policy does not name/);
  const viaDocument =
    'data "aws_iam_policy_document" "trail" {\n  statement {\n    principals {\n      type        = "Service"\n      identifiers = ["cloudtrail.amazonaws.com"]\n    }\n    actions = ["s3:GetBucketAcl"]\n  }\n}\n' +
    'resource "aws_s3_bucket_policy" "trail" {\n  bucket = aws_s3_bucket.trail.id\n  policy = data.aws_iam_policy_document.trail.json\n}\n';
  assert.deepEqual(runRule(trailBucketPolicy, tf(viaDocument)), []);
  // ... also through a local that holds the document's JSON.
  const viaLocal = viaDocument.replace('policy = data.aws_iam_policy_document.trail.json', 'policy = local.trail_policy_json') + 'locals {\n  trail_policy_json = data.aws_iam_policy_document.trail.json\n}\n';
  assert.deepEqual(runRule(trailBucketPolicy, tf(viaLocal)), []);
});

import { rule as stageTwice } from '../../src/rules/service-constraint/apigw-stage-created-twice.js';

test('apigw-stage-created-twice: a deployment with stage_name and a stage resource of the same name conflict', () => {
  const tf = (deploymentStage: string) => `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.api.id
${deploymentStage}}
resource "aws_api_gateway_stage" "main" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = var.environment
}`;
  const f = runRule(stageTwice, tf('  stage_name  = var.environment\n'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_api_gateway_stage.main', 5]]);
  assert.match(f[0]!.message, /Stage already exists/);
  assert.deepEqual(runRule(stageTwice, tf('')), []);
  assert.deepEqual(runRule(stageTwice, tf('  stage_name  = "bootstrap"\n')), []);
});

import { rule as trailDataResource } from '../../src/rules/service-constraint/cloudtrail-data-resource-invalid.js';

test('cloudtrail-data-resource-invalid: an IAM-style wildcard in an S3 data-event selector is rejected; arn:aws:s3 and bucket prefixes are fine', () => {
  const trail = (values: string) => `resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "logs"
  event_selector {
    read_write_type = "All"
    data_resource {
      type   = "AWS::S3::Object"
      values = [${values}]
    }
  }
}`;
  const f = runRule(trailDataResource, trail('"arn:aws:s3:::*/*"'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_cloudtrail.main', 6]]);
  assert.match(f[0]!.message, /wildcards are not allowed/);
  assert.match(runRule(trailDataResource, trail('"arn:aws:s3:::/"'))[0]!.message, /names no bucket/);
  assert.deepEqual(runRule(trailDataResource, trail('"arn:aws:s3"')), []);
  assert.deepEqual(runRule(trailDataResource, trail('"arn:aws:s3:::my-bucket/"')), []);
  assert.deepEqual(runRule(trailDataResource, trail('"${aws_s3_bucket.data.arn}/"')), []);
});

import { rule as staticParameter } from '../../src/rules/service-constraint/rds-static-parameter-immediate.js';

test('rds-static-parameter-immediate: a static PostgreSQL or MySQL parameter without pending-reboot is refused', () => {
  const tf = `variable "family" {
  default = "postgres15"
}
resource "aws_db_parameter_group" "pg" {
  family = var.family
  parameter {
    name  = "log_statement"
    value = "ddl"
  }
  parameter {
    name  = "shared_preload_libraries"
    value = "pg_stat_statements"
  }
}
resource "aws_rds_cluster_parameter_group" "mysql" {
  family = "aurora-mysql8.0"
  parameter {
    name         = "performance_schema"
    value        = "1"
    apply_method = "immediate"
  }
}`;
  const f = runRule(staticParameter, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_db_parameter_group.pg', 4], ['aws_rds_cluster_parameter_group.mysql', 15]]);
  assert.match(f[0]!.message, /shared_preload_libraries/);
});

test('rds-static-parameter-immediate: pending-reboot, dynamic parameters and unknown families are fine', () => {
  const tf = `resource "aws_db_parameter_group" "pg" {
  family = "postgres16"
  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }
  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }
}
resource "aws_db_parameter_group" "other" {
  family = var.family
  parameter {
    name  = "max_connections"
    value = "200"
  }
}`;
  assert.deepEqual(runRule(staticParameter, tf), []);
});

import { rule as gp3Small } from '../../src/rules/service-constraint/rds-gp3-provisioned-small-storage.js';

test('rds-gp3-provisioned-small-storage: IOPS on 100 GiB of gp3 PostgreSQL is refused', () => {
  const tf = `variable "storage" {
  default = 100
}
resource "aws_db_instance" "pg" {
  engine             = "postgres"
  storage_type       = "gp3"
  allocated_storage  = var.storage
  iops               = 3000
  storage_throughput = 125
}`;
  const f = runRule(gp3Small, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_db_instance.pg', 4]]);
  assert.match(f[0]!.message, /400 GiB/);
});

test('rds-gp3-provisioned-small-storage: 400 GiB, the baseline alone, or SQL Server from 20 GiB are fine', () => {
  const tf = `resource "aws_db_instance" "big" {
  engine            = "mysql"
  storage_type      = "gp3"
  allocated_storage = 400
  iops              = 12000
}
resource "aws_db_instance" "baseline" {
  engine            = "postgres"
  storage_type      = "gp3"
  allocated_storage = 20
}
resource "aws_db_instance" "mssql" {
  engine            = "sqlserver-se"
  storage_type      = "gp3"
  allocated_storage = 100
  iops              = 3000
}`;
  assert.deepEqual(runRule(gp3Small, tf), []);
});

import { rule as overQuota } from '../../src/rules/service-constraint/lambda-reserved-concurrency-over-quota.js';

test('lambda-reserved-concurrency-over-quota: reservations adding up past 900 in one region are refused', () => {
  const tf = `resource "aws_lambda_function" "a" {
  function_name                  = "a"
  reserved_concurrent_executions = 1000
}
resource "aws_lambda_function" "b" {
  function_name                  = "b"
  reserved_concurrent_executions = 500
}
resource "aws_lambda_function" "west" {
  provider                       = aws.west
  function_name                  = "west"
  reserved_concurrent_executions = 400
}`;
  const f = runRule(overQuota, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_lambda_function.a', 1]]);
  assert.match(f[0]!.message, /2 functions reserve 1500/);
});

test('lambda-reserved-concurrency-over-quota: small reservations and unlimited functions are fine', () => {
  const tf = `resource "aws_lambda_function" "a" {
  reserved_concurrent_executions = 100
}
resource "aws_lambda_function" "b" {
  reserved_concurrent_executions = -1
}
resource "aws_lambda_function" "c" {
  function_name = "c"
}`;
  assert.deepEqual(runRule(overQuota, tf), []);
});

import { rule as edgeEnv } from '../../src/rules/service-constraint/lambda-edge-environment.js';

test('lambda-edge-environment: a function a CloudFront behavior runs at the edge cannot have environment variables', () => {
  const tf = `resource "aws_lambda_function" "edge" {
  function_name = "edge"
  publish       = true
  environment {
    variables = { STAGE = "dev" }
  }
}
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = { STAGE = "dev" }
  }
}
resource "aws_cloudfront_distribution" "cdn" {
  default_cache_behavior {
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.edge.qualified_arn
    }
  }
}`;
  const f = runRule(edgeEnv, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_lambda_function.edge', 1]]);
});

test('lambda-edge-environment: an edge function without environment is fine', () => {
  const tf = `resource "aws_lambda_function" "edge" {
  function_name = "edge"
  publish       = true
}
resource "aws_cloudfront_distribution" "cdn" {
  ordered_cache_behavior {
    lambda_function_association {
      event_type = "origin-request"
      lambda_arn = aws_lambda_function.edge.qualified_arn
    }
  }
}`;
  assert.deepEqual(runRule(edgeEnv, tf), []);
});

import { rule as cdnLogAcls } from '../../src/rules/service-constraint/cloudfront-log-bucket-acls-disabled.js';

test('cloudfront-log-bucket-acls-disabled: standard logs to a bucket without ownership controls are refused', () => {
  const tf = `resource "aws_s3_bucket" "logs" {
  bucket = "cdn-logs"
}
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }
}`;
  const f = runRule(cdnLogAcls, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_cloudfront_distribution.cdn', 4]]);
});

test('cloudfront-log-bucket-acls-disabled: ownership controls allowing ACLs, or a bucket outside the stack, are fine', () => {
  const tf = `resource "aws_s3_bucket" "logs" {
  bucket = "cdn-logs"
}
resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}
resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }
}
resource "aws_cloudfront_distribution" "other" {
  logging_config {
    bucket = "existing-logs.s3.amazonaws.com"
  }
}`;
  assert.deepEqual(runRule(cdnLogAcls, tf), []);
});

import { rule as crossRegion } from '../../src/rules/service-constraint/cross-region-reference.js';

test('cross-region-reference: a secondary-region cluster wired to the primary region\'s parameter group and key', () => {
  const tf = `provider "aws" {
  region = "us-east-1"
}
provider "aws" {
  alias  = "secondary"
  region = "us-west-2"
}
resource "aws_kms_key" "primary" {}
resource "aws_kms_key" "secondary" {
  provider = aws.secondary
}
resource "aws_rds_cluster_parameter_group" "primary" {
  family = "aurora-postgresql15"
}
resource "aws_rds_cluster" "secondary" {
  provider                        = aws.secondary
  engine                          = "aurora-postgresql"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.primary.name
  kms_key_id                      = KEY
}
resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
  replica {
    region_name = "us-west-2"
    kms_key_arn = aws_kms_key.secondary.arn
  }
}
`;
  const f = runRule(crossRegion, tf.replace('KEY', 'aws_kms_key.primary.arn'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_rds_cluster.secondary', 15, 'service-constraint']]);
  assert.match(f[0]!.message, /us-west-2.*db_cluster_parameter_group_name.*aws_rds_cluster_parameter_group\.primary \(us-east-1\).*kms_key_id/);
  // The same region's key, a replica's own key and a single-region stack: nothing about them.
  const sameRegionKey = runRule(crossRegion, tf.replace('KEY', 'aws_kms_key.secondary.arn'));
  assert.doesNotMatch(sameRegionKey[0]!.message, /kms_key_id/);
  assert.deepEqual(runRule(crossRegion, 'resource "aws_kms_key" "k" {}\nresource "aws_sqs_queue" "q" {\n  kms_master_key_id = aws_kms_key.k.id\n}\n'), []);
});

test('cross-region-reference: aliases named for their region say the region when the project\'s provider file sets it', () => {
  const tf = `resource "aws_sns_topic" "alerts" {
  provider = aws.us_east_2
  name     = "alerts"
}
resource "aws_cloudwatch_metric_alarm" "secondary_cpu" {
  provider      = aws.us_west_1
  alarm_name    = "cpu"
  alarm_actions = [aws_sns_topic.alerts.arn]
}
resource "aws_cloudwatch_metric_alarm" "primary_cpu" {
  provider      = aws.us_east_2
  alarm_name    = "cpu"
  alarm_actions = [aws_sns_topic.alerts.arn]
}
`;
  const f = runRule(crossRegion, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_cloudwatch_metric_alarm.secondary_cpu', 5]]);
  assert.match(f[0]!.message, /created in us-west-1 .*alarm_actions.*aws_sns_topic\.alerts \(us-east-2\)/);
  // Aliases that name no region say nothing without a provider block.
  assert.deepEqual(runRule(crossRegion, tf.replace(/us_east_2/g, 'primary').replace(/us_west_1/g, 'secondary')), []);
});

test('name-invalid-format: a name built from a local that is itself a template is read through it', () => {
  const tf = 'variable "environment" {}\nlocals {\n  name_prefix = "AppResource-${var.environment}"\n}\nresource "aws_s3_bucket" "logs" {\n  bucket = "${local.name_prefix}-logs"\n}\n';
  const f = runRule(nameFormat, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_s3_bucket.logs', 6]]);
  assert.match(f[0]!.message, /"AppResource-\$\{…\}-logs".*"A", "R"/);
  assert.deepEqual(runRule(nameFormat, tf.replace('AppResource', 'app-resource')), []);
});

import { rule as transitionTooEarly } from '../../src/rules/service-constraint/s3-lifecycle-transition-too-early.js';

test('s3-lifecycle-transition-too-early: STANDARD_IA before 30 days, written or set in tfvars', () => {
  const tf = (days: string) => `variable "ia_days" {
  default = 30
}
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = "logs"
  rule {
    id     = "archive"
    status = "Enabled"
    filter {}
    transition {
      days          = ${days}
      storage_class = "STANDARD_IA"
    }
    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}
`;
  const f = runRule(transitionTooEarly, tf('7'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_s3_bucket_lifecycle_configuration.logs', 4, 'service-constraint']]);
  assert.match(f[0]!.message, /STANDARD_IA at days = 7/);
  assert.deepEqual(runRule(transitionTooEarly, tf('var.ia_days')), []);
  const viaTfvars = runRule(transitionTooEarly, { 'lib/main.tf': tf('var.ia_days'), 'lib/dev.tfvars': 'ia_days = 14\n' });
  assert.match(viaTfvars[0]!.message, /ia_days = 14 in lib\/dev\.tfvars/);
  // Archive classes take any age.
  assert.deepEqual(runRule(transitionTooEarly, tf('7').replace('"STANDARD_IA"', '"GLACIER_IR"')), []);
});

import { rule as lbLogsPolicy } from '../../src/rules/service-constraint/lb-access-logs-bucket-policy-missing.js';

test('lb-access-logs-bucket-policy-missing: enabled access logs to a bucket ELB may not write to', () => {
  const tf = (policy: string, enabled = 'true') => `resource "aws_s3_bucket" "alb_logs" {
  bucket = "alb-logs-\${var.environment_suffix}"
}
resource "aws_lb" "main" {
  name    = "main"
  subnets = var.subnet_ids
  access_logs {
    bucket  = aws_s3_bucket.alb_logs.id
    enabled = ${enabled}
  }
}
${policy}`;
  const f = runRule(lbLogsPolicy, tf(''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_lb.main', 4, 'service-constraint']]);
  assert.match(f[0]!.message, /which has no bucket policy/);
  const elb = 'data "aws_elb_service_account" "main" {}\nresource "aws_s3_bucket_policy" "alb_logs" {\n  bucket = aws_s3_bucket.alb_logs.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = data.aws_elb_service_account.main.arn }, Action = "s3:PutObject", Resource = "${aws_s3_bucket.alb_logs.arn}/*" }] })\n}\n';
  assert.deepEqual(runRule(lbLogsPolicy, tf(elb)), []);
  const delivery = elb.replace('AWS = data.aws_elb_service_account.main.arn', 'Service = "logdelivery.elasticloadbalancing.amazonaws.com"');
  assert.deepEqual(runRule(lbLogsPolicy, tf(delivery)), []);
  const otherPrincipal = elb.replace('AWS = data.aws_elb_service_account.main.arn', 'Service = "cloudtrail.amazonaws.com"');
  assert.match(runRule(lbLogsPolicy, tf(otherPrincipal))[0]!.message, /whose bucket policy does not name/);
  // Access logs switched off: nothing is written.
  assert.deepEqual(runRule(lbLogsPolicy, tf('', 'false')), []);
});

test('lb-access-logs-bucket-policy-missing on CDKTF: a policy naming the ELB account through its TypeScript variable lets ELB write', async () => {
  const { parseCdktfFiles } = await import('../../src/cdktf/index.js');
  const { runRulesDetailed } = await import('../../src/rules/engine.js');
  const { DEFAULT_CONVENTIONS } = await import('../../src/contracts/conventions.js');
  const { makeTask } = await import('./helpers.js');
  const stack = (policy: string) =>
    [
      "import { Construct } from 'constructs';",
      "import { TerraformStack } from 'cdktf';",
      "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
      "import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';",
      "import { Lb } from '@cdktf/provider-aws/lib/lb';",
      "import { DataAwsElbServiceAccount } from '@cdktf/provider-aws/lib/data-aws-elb-service-account';",
      'export class Web extends TerraformStack {',
      '  constructor(scope: Construct, id: string) {',
      '    super(scope, id);',
      "    const elbAccount = new DataAwsElbServiceAccount(this, 'elb-account');",
      "    const logs = new S3Bucket(this, 'alb-logs', { bucket: 'alb-logs-x' });",
      policy,
      "    new Lb(this, 'alb', { name: 'alb', accessLogs: { bucket: logs.bucket, enabled: true } });",
      '  }',
      '}',
    ].join('\n');
  const run = (policy: string) =>
    runRulesDetailed([lbLogsPolicy], parseCdktfFiles([{ path: 'lib/web.ts', language: 'ts', content: stack(policy) }]), makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
  const policy = (principal: string) =>
    `    new S3BucketPolicy(this, 'alb-logs-policy', { bucket: logs.id, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: ${principal} }, Action: 's3:PutObject', Resource: \`\${logs.arn}/*\` }] }) });`;
  assert.deepEqual(run(policy('`arn:aws:iam::${elbAccount.id}:root`')), []);
  assert.deepEqual(run(policy("'arn:aws:iam::' + 'someone' + ':root'")).map((f) => [f.resource, f.location.line]), [['aws_lb.alb', 13]]);
});

import { rule as configDelivery } from '../../src/rules/service-constraint/config-delivery-bucket-unwritable.js';

test('config-delivery-bucket-unwritable: AWS_ConfigRole alone and no bucket policy for config.amazonaws.com', () => {
  const tf = (extra: string) => `resource "aws_s3_bucket" "config" {
  bucket = "config-\${var.environment_suffix}"
}
resource "aws_iam_role" "config" {
  name               = "config"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy_attachment" "config" {
  role       = aws_iam_role.config.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"
}
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = aws_iam_role.config.arn
}
resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.config.bucket
}
${extra}`;
  const f = runRule(configDelivery, tf(''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_config_delivery_channel.main', 16, 'service-constraint']]);
  const rolePut = 'resource "aws_iam_role_policy" "s3" {\n  role   = aws_iam_role.config.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "${aws_s3_bucket.config.arn}/*" }] })\n}\n';
  assert.deepEqual(runRule(configDelivery, tf(rolePut)), []);
  const bucketPolicy = 'resource "aws_s3_bucket_policy" "config" {\n  bucket = aws_s3_bucket.config.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "config.amazonaws.com" }, Action = "s3:PutObject", Resource = "${aws_s3_bucket.config.arn}/*" }] })\n}\n';
  assert.deepEqual(runRule(configDelivery, tf(bucketPolicy)), []);
});

import { rule as acmNotValidated } from '../../src/rules/service-constraint/acm-certificate-not-validated.js';

test('acm-certificate-not-validated: a listener on a DNS-validated certificate nothing waits for; validated, waiting or imported ones are fine', () => {
  const cert = 'resource "aws_acm_certificate" "site" {\n  domain_name       = "app.example.org"\n  validation_method = "DNS"\n}\n';
  const listener = (arn: string, extra = '') => `resource "aws_lb_listener" "https" {\n  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1"\n  port              = 443\n  protocol          = "HTTPS"\n  certificate_arn   = ${arn}\n${extra}  default_action {\n    type = "fixed-response"\n  }\n}\n`;
  const f = runRule(acmNotValidated, cert + listener('aws_acm_certificate.site.arn'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_acm_certificate.site', 5]]);
  assert.match(f[0]!.message, /aws_lb_listener\.https uses aws_acm_certificate\.site \(DNS validation\) directly/);
  const validation = 'resource "aws_acm_certificate_validation" "site" {\n  certificate_arn = aws_acm_certificate.site.arn\n}\n';
  assert.equal(runRule(acmNotValidated, cert + validation + listener('aws_acm_certificate_validation.site.certificate_arn')).length, 0);
  assert.equal(runRule(acmNotValidated, cert + validation + listener('aws_acm_certificate.site.arn', '  depends_on = [aws_acm_certificate_validation.site]\n')).length, 0);
  const imported = 'resource "aws_acm_certificate" "site" {\n  private_key      = "k"\n  certificate_body = "b"\n}\n';
  assert.equal(runRule(acmNotValidated, imported + listener('aws_acm_certificate.site.arn')).length, 0);
});

import { rule as principalWildcardArn } from '../../src/rules/service-constraint/policy-principal-wildcard-arn.js';

test('policy-principal-wildcard-arn: "arn:aws:iam::*:root" or role/* as a principal is rejected; "*", exact ARNs and conditions are fine', () => {
  const key = (principal: string) =>
    `resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = ${principal} }\n      Action    = "kms:*"\n      Resource  = "*"\n    }]\n  })\n}\n`;
  const f = runRule(principalWildcardArn, key('"arn:aws:iam::*:root"'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_kms_key.k', 4]]);
  assert.match(f[0]!.message, /names the principal "arn:aws:iam::\*:root"/);
  assert.equal(runRule(principalWildcardArn, key('["arn:aws:iam::123456789012:role/app-*"]')).length, 1);
  assert.equal(runRule(principalWildcardArn, key('"*"')).length, 0);
  assert.equal(runRule(principalWildcardArn, key('"arn:aws:iam::123456789012:root"')).length, 0);
  assert.equal(runRule(principalWildcardArn, key('"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"')).length, 0);
  const doc = 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::*:role/ci"]\n    }\n  }\n}\n';
  assert.deepEqual(runRule(principalWildcardArn, doc).map((x) => x.resource), ['data.aws_iam_policy_document.d']);
});

import { rule as apigwAccountRole } from '../../src/rules/service-constraint/apigw-account-logging-role-missing.js';

test('apigw-account-logging-role-missing: REST API logging with no aws_api_gateway_account fails; with the account role, OFF, or an ideal logging without it, nothing', () => {
  const settings = (level: string) => `resource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "abc"\n  stage_name  = "prod"\n  method_path = "*/*"\n  settings {\n    logging_level = "${level}"\n  }\n}\n`;
  const f = runRule(apigwAccountRole, settings('INFO'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_api_gateway_method_settings.all', 1]]);
  assert.match(f[0]!.message, /logging_level = "INFO"/);
  assert.equal(runRule(apigwAccountRole, settings('OFF')).length, 0);
  assert.equal(runRule(apigwAccountRole, `${settings('ERROR')}resource "aws_api_gateway_account" "a" {\n  cloudwatch_role_arn = "arn:aws:iam::123456789012:role/apigw"\n}\n`).length, 0);
  const stage = 'resource "aws_api_gateway_stage" "s" {\n  rest_api_id   = "abc"\n  deployment_id = "d"\n  stage_name    = "prod"\n  access_log_settings {\n    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:api"\n    format          = "$context.requestId"\n  }\n}\n';
  assert.deepEqual(runRule(apigwAccountRole, stage).map((x) => x.resource), ['aws_api_gateway_stage.s']);
  // The reviewer's ideal keeps the access logs and sets no role: its account had one.
  assert.equal(runRule(apigwAccountRole, stage, { ideal: stage }).length, 0);
});

test('name-invalid-format: a name read from an entry of a local object, built from an input default', () => {
  const hcl = 'variable "environment" {\n  default = "Production"\n}\n\nlocals {\n  bucket_names = {\n    primary = "tap-${var.environment}-bucket"\n  }\n}\n\nresource "aws_s3_bucket" "primary" {\n  bucket = local.bucket_names.primary\n}\n';
  const f = runRule(nameFormat, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_s3_bucket.primary', 12]]);
  assert.match(f[0]!.message, /"tap-Production-bucket"/);
  // An entry the object does not have stays unknown.
  assert.deepEqual(runRule(nameFormat, hcl.replace('bucket_names.primary', 'bucket_names.secondary')), []);
});

import { rule as wafLogName } from '../../src/rules/service-constraint/waf-log-destination-name.js';

test('waf-log-destination-name: a log group, bucket or literal ARN not named aws-waf-logs-* is refused; the prefix or an unknown start passes', () => {
  const logging = (dest: string) => `resource "aws_wafv2_web_acl_logging_configuration" "app" {
  resource_arn            = aws_wafv2_web_acl.app.arn
  log_destination_configs = [${dest}]
}
`;
  const group = (name: string) => `resource "aws_cloudwatch_log_group" "waf" {\n  name = "${name}"\n}\n`;
  const bad = runRule(wafLogName, logging('aws_cloudwatch_log_group.waf.arn') + group('/aws/wafv2/app-${var.environment_suffix}'));
  assert.deepEqual(bad.map((f) => [f.resource, f.location.line]), [['aws_wafv2_web_acl_logging_configuration.app', 1]]);
  assert.match(bad[0]!.message, /aws_cloudwatch_log_group\.waf \(`name` "\/aws\/wafv2\/app-…"\)/);
  // A name whose every part resolves is quoted whole, without the "…" of an apply-time end.
  const resolved = runRule(wafLogName, logging('aws_cloudwatch_log_group.waf.arn') + group('/aws/wafv2/${var.project}') + 'variable "project" {\n  default = "proj"\n}\n');
  assert.match(resolved[0]!.message, /`name` "\/aws\/wafv2\/proj"\)/);
  assert.equal(runRule(wafLogName, logging('"arn:aws:s3:::waf-logs-bucket"')).length, 1);
  assert.equal(runRule(wafLogName, logging('aws_s3_bucket.logs.arn') + 'resource "aws_s3_bucket" "logs" {\n  bucket = "my-waf-logs"\n}\n').length, 1);
  // Named with the prefix, or starting with a value known only at apply time: nothing to say.
  assert.deepEqual(runRule(wafLogName, logging('aws_cloudwatch_log_group.waf.arn') + group('aws-waf-logs-app-${var.environment_suffix}')), []);
  assert.deepEqual(runRule(wafLogName, logging('aws_cloudwatch_log_group.waf.arn') + group('${var.prefix}-waf')), []);
  assert.deepEqual(runRule(wafLogName, logging('"arn:aws:firehose:us-east-1:123456789012:deliverystream/aws-waf-logs-app"')), []);
});

import { rule as subnetGroupCoverage } from '../../src/rules/service-constraint/db-subnet-group-coverage.js';

test('db-subnet-group-coverage: subnets of two VPCs, or all in one AZ, are refused; two AZs of one VPC or counted subnets pass', () => {
  const subnet = (name: string, vpc: string, az: string) => `resource "aws_subnet" "${name}" {\n  vpc_id            = aws_vpc.${vpc}.id\n  availability_zone = ${az}\n}\n`;
  const group = (ids: string) => `resource "aws_db_subnet_group" "db" {\n  name       = "db"\n  subnet_ids = [${ids}]\n}\n`;
  const az = (i: number) => `data.aws_availability_zones.available.names[${i}]`;
  const vpc = (name: string) => `resource "aws_vpc" "${name}" {\n  cidr_block = "10.0.0.0/16"\n}\n`;
  const twoVpcs = group('aws_subnet.a.id, aws_subnet.b.id') + subnet('a', 'one', az(1)) + subnet('b', 'two', az(1)) + vpc('one') + vpc('two');
  const f = runRule(subnetGroupCoverage, twoVpcs);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_db_subnet_group.db', 1]]);
  assert.match(f[0]!.message, /different VPCs \(aws_vpc\.one, aws_vpc\.two\)/);
  assert.match(f[0]!.message, /one Availability Zone \(data\.aws_availability_zones\.available\.names\[1\]\)/);
  const oneZone = group('aws_subnet.a.id, aws_subnet.b.id') + subnet('a', 'main', '"us-east-1a"') + subnet('b', 'main', '"us-east-1a"');
  assert.equal(runRule(subnetGroupCoverage, oneZone).length, 1);
  assert.deepEqual(runRule(subnetGroupCoverage, group('aws_subnet.a.id, aws_subnet.b.id') + subnet('a', 'main', az(0)) + subnet('b', 'main', az(1))), []);
  // Counted subnets, inputs and zones that cannot be read say nothing.
  assert.deepEqual(runRule(subnetGroupCoverage, 'resource "aws_db_subnet_group" "db" {\n  subnet_ids = aws_subnet.private[*].id\n}\n'), []);
  assert.deepEqual(runRule(subnetGroupCoverage, group('aws_subnet.a.id, aws_subnet.b.id') + subnet('a', 'main', 'var.az_a') + subnet('b', 'main', 'var.az_b')), []);
  assert.deepEqual(runRule(subnetGroupCoverage, group('var.subnet_a, aws_subnet.b.id') + subnet('b', 'main', az(0))), []);
});

test('nacl-rule-number-duplicate: a rule number reused in one direction of one ACL, inline or as separate entries', async () => {
  const { rule: naclDuplicate } = await import('../../src/rules/service-constraint/nacl-rule-number-duplicate.js');
  const inline = [
    'resource "aws_network_acl" "main" {',
    '  vpc_id = "vpc-1"',
    '  ingress {',
    '    rule_no = 100',
    '    action  = "allow"',
    '  }',
    '  ingress {',
    '    rule_no = 100',
    '    action  = "deny"',
    '  }',
    '  egress {',
    '    rule_no = 100',
    '    action  = "allow"',
    '  }',
    '}',
  ].join('\n');
  const f = runRule(naclDuplicate, inline);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_network_acl.main', 7]]);
  assert.match(f[0]!.message, /rule number 100 \(ingress of aws_network_acl\.main\), already used by the ingress block on line 3/);
  const rule = (name: string, n: number, egress: string) =>
    `resource "aws_network_acl_rule" "${name}" {\n  network_acl_id = aws_network_acl.main.id\n  rule_number    = ${n}\n${egress}  rule_action    = "allow"\n}\n`;
  const separate = rule('a', 200, '  egress         = true\n') + rule('b', 200, '  egress         = true\n') + rule('c', 200, '');
  const g = runRule(naclDuplicate, separate);
  assert.deepEqual(g.map((x) => [x.resource, x.location.line]), [['aws_network_acl_rule.b', 9]]);
  assert.match(g[0]!.message, /already used by aws_network_acl_rule\.a/);
  // Distinct numbers, or one number in the two directions: nothing.
  assert.deepEqual(runRule(naclDuplicate, rule('a', 200, '  egress = true\n') + rule('b', 210, '  egress = true\n') + rule('c', 200, '')), []);
  // Repeated entries (count/for_each) number themselves from their index: left alone.
  assert.deepEqual(runRule(naclDuplicate, rule('a', 200, '  egress = true\n') + rule('b', 200, '  egress = true\n  count = 2\n')), []);
});

test('flow-log-s3-with-role: an IAM role on a flow log delivered to S3 is refused; CloudWatch Logs destinations need it', async () => {
  const { rule: flowLogRole } = await import('../../src/rules/service-constraint/flow-log-s3-with-role.js');
  const fl = (type: string, role: boolean) =>
    `resource "aws_flow_log" "vpc" {\n  vpc_id               = "vpc-1"\n  traffic_type         = "ALL"\n${role ? '  iam_role_arn         = aws_iam_role.flow.arn\n' : ''}  log_destination_type = "${type}"\n  log_destination      = "arn:aws:s3:::logs"\n}\n`;
  const f = runRule(flowLogRole, fl('s3', true));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_flow_log.vpc', 4]]);
  assert.match(f[0]!.message, /not applicable for s3 delivery/);
  assert.deepEqual(runRule(flowLogRole, fl('s3', false)), []);
  assert.deepEqual(runRule(flowLogRole, fl('cloud-watch-logs', true)), []);
});

test('name-invalid-format: the database name inside an RDS instance or cluster takes letters, digits and underscores only', () => {
  const tf =
    'variable "project" {\n  default = "multi-env-saas"\n}\n' +
    'resource "aws_db_instance" "main" {\n  identifier = "app-db"\n  db_name    = "${var.project}_db"\n}\n' +
    'resource "aws_rds_cluster" "aurora" {\n  cluster_identifier = "app-aurora"\n  database_name      = "1appdb"\n}\n' +
    'resource "aws_db_instance" "ok" {\n  identifier = "ok-db"\n  db_name    = "app_db"\n}\n';
  const f = runRule(nameFormat, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]).sort(), [['aws_db_instance.main', 6], ['aws_rds_cluster.aurora', 10]]);
  assert.match(f.find((x) => x.resource === 'aws_db_instance.main')!.message, /`db_name` "multi-env-saas_db" .* contains "-"/);
});

test('bucket-name-random-characters: a random_password or a random_string with its defaults in a bucket name', async () => {
  const { rule: bucketRandom } = await import('../../src/rules/service-constraint/bucket-name-random-characters.js');
  const tf =
    'resource "random_password" "suffix" {\n  length = 8\n}\n' +
    'resource "random_string" "clean" {\n  length  = 8\n  upper   = false\n  special = false\n}\n' +
    'resource "random_string" "upper" {\n  length  = 8\n  special = false\n}\n' +
    'locals {\n  name = "app-${random_password.suffix.result}"\n}\n' +
    'resource "aws_s3_bucket" "logs" {\n  bucket = "${local.name}-logs"\n}\n' +
    'resource "aws_s3_bucket" "ok" {\n  bucket = "app-${random_string.clean.result}"\n}\n' +
    'resource "aws_s3_bucket" "lowered" {\n  bucket = lower("app-${random_string.upper.result}")\n}\n' +
    'resource "aws_s3_bucket" "upper" {\n  bucket = "app-${random_string.upper.result}"\n}\n';
  const f = runRule(bucketRandom, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_s3_bucket.logs', 16], ['aws_s3_bucket.upper', 25]]);
  assert.match(f[0]!.message, /random_password\.suffix's result, which may hold upper-case letters and special characters/);
  assert.match(f[1]!.message, /may hold upper-case letters \(/);
});

test('cloudfront-oai-kms-bucket: an origin access identity cannot read an SSE-KMS bucket; OAC or SSE-S3 can', async () => {
  const { rule: oaiKms } = await import('../../src/rules/service-constraint/cloudfront-oai-kms-bucket.js');
  const tf = (algorithm: string, access: string) =>
    'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n}\n' +
    `resource "aws_s3_bucket_server_side_encryption_configuration" "site" {\n  bucket = aws_s3_bucket.site.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "${algorithm}"\n    }\n  }\n}\n` +
    `resource "aws_cloudfront_distribution" "cdn" {\n  enabled = true\n  origin {\n    domain_name = aws_s3_bucket.site.bucket_regional_domain_name\n    origin_id   = "site"\n${access}\n  }\n}\n`;
  const oai = '    s3_origin_config {\n      origin_access_identity = aws_cloudfront_origin_access_identity.site.cloudfront_access_identity_path\n    }';
  const f = runRule(oaiKms, tf('aws:kms', oai));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_cloudfront_distribution.cdn', 17]]);
  assert.match(f[0]!.message, /aws_s3_bucket\.site through an origin access identity.*SSE-KMS/);
  assert.deepEqual(runRule(oaiKms, tf('AES256', oai)), []);
  assert.deepEqual(runRule(oaiKms, tf('aws:kms', '    origin_access_control_id = aws_cloudfront_origin_access_control.site.id')), []);
});

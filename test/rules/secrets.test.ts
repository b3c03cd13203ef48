import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as ecsKey } from '../../src/rules/secrets/ecs-secret-json-key-missing.js';
import { rule as hardcoded } from '../../src/rules/secrets/hardcoded-password.js';
import { rule as sensitiveOutput } from '../../src/rules/secrets/sensitive-output-not-marked.js';
import { rule as sensitiveVar } from '../../src/rules/secrets/sensitive-variable-not-marked.js';

const ecs = (keys: string): string => `
resource "aws_secretsmanager_secret" "db" {
  name = "db"
}
resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    ${keys}
  })
}
resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "nginx"
      secrets = [
        {
          name      = "DB_CONNECTION_STRING"
          valueFrom = "\${aws_secretsmanager_secret.db.arn}:connection_string::"
        },
        {
          name      = "DB_PASSWORD"
          valueFrom = "\${aws_secretsmanager_secret.db.arn}:password::"
        }
      ]
    }
  ])
}`;

test('ecs-secret-json-key-missing fires when the secret JSON lacks a referenced key', () => {
  const findings = runRule(ecsKey, ecs('username = "app"\n    password = random_password.db.result'));
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /connection_string/);
  assert.doesNotMatch(findings[0]!.message, /"password"/);
});

test('ecs-secret-json-key-missing passes when every key exists', () => {
  assert.deepEqual(runRule(ecsKey, ecs('password = random_password.db.result\n    connection_string = "postgres://x"')), []);
});

test('hardcoded-password fires on literal DB passwords and literal variable defaults', () => {
  const findings = runRule(
    hardcoded,
    `resource "aws_db_instance" "db" {
  username = "admin"
  password = "SuperSecret123!"
}
variable "db_password" {
  type    = string
  default = "changeme123"
}`,
  );
  const bySeverity = Object.fromEntries(findings.map((f) => [f.resource, f.severity]));
  assert.deepEqual(bySeverity, { 'aws_db_instance.db': 'critical', 'var.db_password': 'high' });
});

test('hardcoded-password accepts generated and managed passwords', () => {
  const findings = runRule(
    hardcoded,
    `resource "aws_rds_cluster" "db" {
  master_username             = "admin"
  manage_master_user_password = true
}
resource "aws_db_instance" "other" {
  password = random_password.db.result
}
variable "db_password" {
  type      = string
  sensitive = true
}
variable "api_key_secret_name" {
  default = "app/api-key"
}`,
  );
  assert.deepEqual(findings, []);
});

test('hardcoded-password reads a template whose fixed text is the password, not one that reads a generator or secret', () => {
  const findings = runRule(
    hardcoded,
    `resource "aws_db_instance" "fixed" {
  password = "TempPass\${var.environment_suffix}123!"
}
resource "aws_db_instance" "generated" {
  password = "\${random_password.db.result}x"
}
resource "aws_db_instance" "fetched" {
  password = "pfx-\${data.aws_secretsmanager_secret_version.db.secret_string}"
}
resource "aws_db_instance" "short" {
  password = "\${var.a}-\${var.b}"
}`,
  );
  assert.deepEqual(findings.map((f) => [f.resource, f.location.line]), [['aws_db_instance.fixed', 1]]);
});

test('sensitive-output-not-marked fires on unmarked secret outputs', () => {
  const findings = runRule(
    sensitiveOutput,
    `output "db_password" {
  value = random_password.db.result
}
output "secret_arn" {
  value = aws_secretsmanager_secret.db.arn
}
output "marked" {
  value     = aws_secretsmanager_secret_version.db.secret_string
  sensitive = true
}`,
  );
  assert.deepEqual(findings.map((f) => f.resource), ['output.db_password']);
});

test('sensitive-variable-not-marked fires on secret-looking inputs, not on secret metadata', () => {
  const findings = runRule(
    sensitiveVar,
    `variable "db_password" { type = string }
variable "api_token" { type = string }
variable "secret_arn" { type = string }
variable "password_length" { default = 16 }
variable "db_master_password" {
  type      = string
  sensitive = true
}`,
  );
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['var.api_token', 'var.db_password']);
});

import { rule as rdsPassword } from '../../src/rules/secrets/rds-password-invalid-characters.js';

const db = (pwBody: string): string => `
resource "random_password" "db" {
  length = 24
  ${pwBody}
}
resource "aws_db_instance" "main" {
  engine   = "postgres"
  password = random_password.db.result
}`;

test('rds-password-invalid-characters fires on default or forbidden special characters', () => {
  assert.equal(runRule(rdsPassword, db('')).length, 1);
  assert.equal(runRule(rdsPassword, db('override_special = "!@#"')).length, 1);
});

test('rds-password-invalid-characters accepts safe specials, no specials, or passwords not used by a database', () => {
  assert.deepEqual(runRule(rdsPassword, db('override_special = "!#$%*()-_=+"')), []);
  assert.deepEqual(runRule(rdsPassword, db('special = false')), []);
  assert.deepEqual(runRule(rdsPassword, 'resource "random_password" "api" {\n  length = 24\n}'), []);
});

test('hardcoded-password reads a CDKTF-style variable id with an acronym (DBPassword) as a credential', () => {
  const f = runRule(hardcoded, 'variable "DBPassword" {\n  type      = string\n  sensitive = true\n  default   = "WordPr3ss!2024"\n}\nvariable "DBPasswordLength" {\n  default = "16"\n}\n');
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['var.DBPassword', 1]]);
});

import { rule as authToken } from '../../src/rules/secrets/elasticache-auth-token-invalid.js';

test('elasticache-auth-token-invalid: default specials and short tokens are refused; the allowed specials are fine', () => {
  const tf = (pw: string) => `resource "random_password" "auth" {
${pw}}
resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = "redis"
  description                = "cache"
  transit_encryption_enabled = true
  auth_token                 = random_password.auth.result
}`;
  const f = runRule(authToken, tf('  length = 32\n'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['random_password.auth', 1, 'secrets']]);
  assert.match(f[0]!.message, /special characters ElastiCache rejects \(@ % \* \( \) _\)/);
  assert.match(runRule(authToken, tf('  length  = 12\n  special = false\n'))[0]!.message, /12 characters \(allowed 16–128\)/);
  assert.deepEqual(runRule(authToken, tf('  length           = 32\n  override_special = "!&#$^<>-"\n')), []);
  assert.deepEqual(runRule(authToken, tf('  length  = 32\n  special = false\n')), []);
});

test('hardcoded-password: a credential set in a committed values file (.tfvars)', () => {
  const files = {
    'lib/main.tf': 'variable "db_password" {\n  type      = string\n  sensitive = true\n}\nvariable "environment" {}\n',
    'lib/environments/prod.tfvars': 'environment = "prod"\ndb_password = "Pr0dPassw0rd!"\n',
    'lib/environments/dev.tfvars': 'environment = "dev"\n',
  };
  const f = runRule(hardcoded, files);
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.severity]), [['file:lib/environments/prod.tfvars', 'lib/environments/prod.tfvars', 2, 'high']]);
  assert.match(f[0]!.message, /sets db_password to a literal credential/);
});

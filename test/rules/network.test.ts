import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule } from '../../src/rules/network/sg-egress-all-open.js';

test('sg-egress-all-open fires on all-protocol egress to 0.0.0.0/0', () => {
  const findings = runRule(
    rule,
    `resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}`,
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_security_group.app');
  assert.match(findings[0]!.message, /aws_vpc_security_group_egress_rule\.all/);
  assert.equal(findings[0]!.severity, 'low');
});

test('sg-egress-all-open accepts scoped egress', () => {
  const findings = runRule(
    rule,
    `resource "aws_security_group" "app" {
  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    security_groups = [aws_security_group.db.id]
  }
}`,
  );
  assert.deepEqual(findings, []);
});

test('requested-no-open-cidr: the task forbids 0.0.0.0/0 in security groups; open rules are one finding, per direction the task names', async () => {
  const { rule: noOpenCidr, openCidrBan } = await import('../../src/rules/network/requested-no-open-cidr.js');
  const tf = [
    'resource "aws_security_group" "app" {',
    '  ingress {',
    '    from_port   = 443',
    '    to_port     = 443',
    '    protocol    = "tcp"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '  egress {',
    '    from_port   = 0',
    '    to_port     = 0',
    '    protocol    = "-1"',
    '    cidr_blocks = ["0.0.0.0/0"]',
    '  }',
    '}',
    'resource "aws_vpc_security_group_ingress_rule" "db" {',
    '  security_group_id = "sg-1"',
    '  cidr_ipv4         = "10.0.0.0/16"',
    '}',
  ].join('\n');
  const both = runRule(noOpenCidr, tf, { prompt: 'Security groups must be scoped. No broad network access (no 0.0.0.0/0 rules).' });
  assert.deepEqual(both.map((f) => [f.resource, f.location.line]), [['aws_security_group.app', 2]]);
  assert.match(both[0]!.message, /aws_security_group\.app \(ingress\), aws_security_group\.app \(egress\)/);
  // Inbound only: the open egress is not what the task forbids.
  const inbound = runRule(noOpenCidr, tf, { prompt: 'Security groups must follow least privilege with no 0.0.0.0/0 inbound rules.' });
  assert.match(inbound[0]!.message, /\(ingress\)\.$/);
  // "except ALB HTTPS": port 443 from anywhere is allowed, and no other ingress is open.
  assert.deepEqual(runRule(noOpenCidr, tf, { prompt: 'Security groups should be specific (no 0.0.0.0/0 for ingress except ALB HTTPS).' }), []);
  // A prompt that routes 0.0.0.0/0 or names ports (the SSH check's concern) forbids nothing here.
  assert.deepEqual(runRule(noOpenCidr, tf, { prompt: 'Add a route that sends all internet-bound traffic (0.0.0.0/0) through the IGW.' }), []);
  assert.equal(openCidrBan('No security group should allow unrestricted ingress (0.0.0.0/0) to SSH (port 22).'), null);
  assert.deepEqual(runRule(noOpenCidr, tf), []);
});

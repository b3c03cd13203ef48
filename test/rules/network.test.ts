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

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule as nacl } from '../../src/rules/network/nacl-open-admin-port.js';
import { runRule } from './helpers.js';

test('nacl-open-admin-port: the ephemeral return range 1024-65535 is not RDP; RDP itself still is', () => {
  const entry = (from: number, to = 65535) =>
    `resource "aws_network_acl_rule" "r${from}" {\n  network_acl_id = "acl-1"\n  rule_number    = 100\n  egress         = false\n  protocol       = "tcp"\n  rule_action    = "allow"\n  cidr_block     = "0.0.0.0/0"\n  from_port      = ${from}\n  to_port        = ${to}\n}\n`;
  assert.deepEqual(runRule(nacl, entry(1024)), []);
  const f = runRule(nacl, entry(3389, 3389));
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_network_acl_rule.r3389');
  assert.equal(f[0]!.location.line, 1);
  assert.match(f[0]!.message, /3389/);
});

import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'kms-rotation-disabled',
    category: 'encryption',
    severity: 'medium',
    fixClass: 'A',
    title: 'KMS key without automatic rotation',
    rootCause: 'Key rotation is off by default for customer managed keys; models create the key and omit `enable_key_rotation`.',
    fix: 'Set `enable_key_rotation = true` on symmetric customer managed keys.',
    fixExample: `resource "aws_kms_key" "data" {
  description             = "data key"
  enable_key_rotation     = true
  deletion_window_in_days = 7
}`,
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
    knowledgeGap: 'Customer managed KMS keys need rotation switched on explicitly.',
    promptGate: /\brotat/i,
    // A hardening setting the reviewer's ideal does not add either was accepted (read against the code: judged noise).
    failureNeedsIdealChange: true,
    impact: 'Key material never rotates, against most compliance baselines (CIS, PCI-DSS).',
  },
  check(ctx) {
    for (const key of resources(ctx.config, 'aws_kms_key')) {
      const spec = resolvedString(ctx.config, attrExpr(key, 'customer_master_key_spec'));
      if (spec && spec !== 'SYMMETRIC_DEFAULT') continue; // asymmetric and HMAC keys cannot rotate
      const e = attrExpr(key, 'enable_key_rotation');
      const v = resolvedBool(ctx.config, e);
      if (e && v !== false) continue;
      ctx.report({ block: key, message: e ? '`enable_key_rotation = false`.' : '`enable_key_rotation` is not set (defaults to false).' });
    }
  },
};

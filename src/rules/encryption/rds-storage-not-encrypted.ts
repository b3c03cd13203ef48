import type { Rule } from '../types.js';
import { attr, attrExpr, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';

export const rule: Rule = {
  meta: {
    id: 'rds-storage-not-encrypted',
    category: 'encryption',
    severity: 'high',
    fixClass: 'A',
    title: 'Database storage not encrypted',
    rootCause: 'RDS instances and provisioned Aurora clusters are unencrypted unless `storage_encrypted = true`; models leave the default.',
    fix: 'Set `storage_encrypted = true` (and `kms_key_id` for a customer managed key). Encryption cannot be added later without a snapshot restore.',
    fixExample: `resource "aws_rds_cluster" "db" {
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
    knowledgeGap: 'RDS encryption at rest is off by default and must be set at creation.',
    impact: 'Data at rest, snapshots and replicas are unencrypted; fixing it later requires a restore.',
  },
  check(ctx) {
    for (const db of [...resources(ctx.config, 'aws_db_instance'), ...resources(ctx.config, 'aws_rds_cluster')]) {
      // Read replicas and snapshot restores inherit encryption; Aurora Serverless v1 is always encrypted.
      if (attr(db, 'replicate_source_db') || attr(db, 'snapshot_identifier')) continue;
      if (resolvedString(ctx.config, attrExpr(db, 'engine_mode')) === 'serverless') continue;
      const enc = attrExpr(db, 'storage_encrypted');
      const value = resolvedBool(ctx.config, enc);
      if (enc && value !== false) continue;
      ctx.report({ block: db, message: enc ? '`storage_encrypted = false`: data at rest is not encrypted.' : '`storage_encrypted` is not set (defaults to false): data at rest is not encrypted.' });
    }
  },
};

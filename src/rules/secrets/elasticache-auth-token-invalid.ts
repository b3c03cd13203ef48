import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedBool, resolvedNumber, resolvedString } from '../util/b-resolve.js';
import { referencedBlocks } from '../util/b-refs.js';

/** The only special characters an ElastiCache AUTH token may hold (CreateReplicationGroup AuthToken). */
const ALLOWED_SPECIALS = new Set(['!', '&', '#', '$', '^', '<', '>', '-']);
/** random_password's special set when override_special is not given. */
const DEFAULT_SPECIALS = '!@#$%&*()-_=+[]{}<>:?';

export const rule: Rule = {
  meta: {
    id: 'elasticache-auth-token-invalid',
    category: 'secrets',
    severity: 'high',
    fixClass: 'A',
    // CreateReplicationGroup rejects the token (InvalidParameterValue) for most draws: listed whatever the check's
    // measured precision unless the ideal keeps it.
    applyFailure: true,
    title: 'Generated Redis AUTH token with characters ElastiCache rejects',
    rootCause:
      'The model generates the AUTH token with `random_password` and its default special characters; ElastiCache accepts only `!`, `&`, `#`, `$`, `^`, `<`, `>` and `-` as specials, and 16 to 128 characters.',
    fix: 'Restrict the specials (`override_special = "!&#$^<>-"`) or set `special = false`, with a length between 16 and 128.',
    fixExample: 'resource "random_password" "redis_auth" {\n  length           = 32\n  special          = true\n  override_special = "!&#$^<>-"\n}',
    docs: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html',
    knowledgeGap: 'ElastiCache AUTH tokens: 16–128 printable characters, specials limited to ! & # $ ^ < > -.',
    impact: 'The replication group is not created (InvalidParameterValue: invalid AUTH token) whenever the draw holds another special character.',
  },
  check(ctx) {
    for (const group of resources(ctx.config, 'aws_elasticache_replication_group')) {
      for (const pw of referencedBlocks(ctx.config, attrExpr(group, 'auth_token'), 'random_password')) {
        const length = resolvedNumber(ctx.config, attrExpr(pw, 'length'));
        const problems: string[] = [];
        if (length !== undefined && (length < 16 || length > 128)) problems.push(`${length} characters (allowed 16–128)`);
        if (resolvedBool(ctx.config, attrExpr(pw, 'special')) !== false) {
          const override = attr(pw, 'override_special');
          const specials = override ? resolvedString(ctx.config, override.expr) : DEFAULT_SPECIALS;
          const bad = specials === undefined ? [] : [...new Set(specials)].filter((c) => !ALLOWED_SPECIALS.has(c));
          if (bad.length) problems.push(`special characters ElastiCache rejects (${bad.slice(0, 6).join(' ')})`);
        }
        if (!problems.length) continue;
        ctx.report({ block: pw, message: `${blockAddress(pw)} feeds the AUTH token of ${blockAddress(group)} with ${problems.join(' and ')}.` });
      }
    }
  },
};

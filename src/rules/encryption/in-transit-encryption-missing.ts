import type { Rule, RuleContext } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool, resolvedString } from '../util/b-resolve.js';
import { promptMentions } from '../util/b-prompt.js';
import { blockText } from '../util/b-refs.js';

const TRANSIT_WORDS = /in[- ]transit|https|\btls\b|\bssl\b|secure transport|encrypted connections?/;

interface Gap {
  block: Block;
  message: string;
}

function loadBalancerGaps(ctx: RuleContext): Gap[] {
  const listeners = [...resources(ctx.config, 'aws_lb_listener'), ...resources(ctx.config, 'aws_alb_listener')];
  if (!listeners.length) return [];
  const protocols = listeners.map((l) => resolvedString(ctx.config, attrExpr(l, 'protocol')) ?? (attrExpr(l, 'certificate_arn') ? 'HTTPS' : 'HTTP'));
  if (protocols.some((p) => p === 'HTTPS' || p === 'TLS')) return [];
  // Network load balancers pass TCP through; only HTTP listeners say the traffic is clear text.
  const http = listeners.filter((_l, i) => protocols[i] === 'HTTP');
  return http.length ? [{ block: http[0]!, message: `${blockAddress(http[0]!)}: the load balancer has only HTTP listeners; the task asks for encryption in transit (HTTPS).` }] : [];
}

function cacheGaps(ctx: RuleContext): Gap[] {
  return resources(ctx.config, 'aws_elasticache_replication_group')
    .filter((g) => {
      const e = attrExpr(g, 'transit_encryption_enabled');
      // Unset or a literal false; a value that cannot be resolved gets the benefit of the doubt.
      return e === undefined || resolvedBool(ctx.config, e) === false;
    })
    .map((g) => ({ block: g, message: `${blockAddress(g)} does not enable transit_encryption_enabled.` }));
}

function cloudfrontGaps(ctx: RuleContext): Gap[] {
  const out: Gap[] = [];
  for (const d of resources(ctx.config, 'aws_cloudfront_distribution')) {
    const behaviors = [...nestedBlocks(d, 'default_cache_behavior'), ...nestedBlocks(d, 'ordered_cache_behavior')];
    if (behaviors.some((b) => resolvedString(ctx.config, attrExpr(b, 'viewer_protocol_policy')) === 'allow-all')) {
      out.push({ block: d, message: `${blockAddress(d)} allows plain HTTP to viewers (viewer_protocol_policy = "allow-all").` });
    }
  }
  return out;
}

/** Buckets exist, the task asks for TLS-only access, and no bucket policy denies requests without aws:SecureTransport. */
function bucketGaps(ctx: RuleContext): Gap[] {
  const buckets = resources(ctx.config, 'aws_s3_bucket');
  if (!buckets.length) return [];
  if (!promptMentions(ctx, /secure ?transport|https[- ]only|enforce (https|ssl|tls)|(ssl|tls|https)[^.\n]{0,40}(s3|bucket)|(s3|bucket)[^.\n]{0,60}(ssl|tls|https|in[- ]transit)/)) return [];
  const policies = [...resources(ctx.config, 'aws_s3_bucket_policy'), ...ctx.config.blocks.filter((b) => b.kind === 'data' && b.labels[0] === 'aws_iam_policy_document')];
  if (policies.some((p) => /SecureTransport/i.test(blockText(ctx.config, p)))) return [];
  if (ctx.config.files.some((f) => /aws:SecureTransport/.test(f.content))) return [];
  return [{ block: buckets[0]!, message: 'No bucket policy denies requests without aws:SecureTransport, although the task asks for TLS-only access.' }];
}

export const rule: Rule = {
  meta: {
    id: 'in-transit-encryption-missing',
    category: 'encryption',
    severity: 'medium',
    fixClass: 'B',
    title: 'Encryption in transit requested but not enforced',
    rootCause:
      'Models configure encryption at rest and stop there; HTTPS listeners, TLS-only bucket policies, ElastiCache transit encryption and CloudFront HTTPS redirects are separate settings that default to clear text.',
    fix: 'Add an HTTPS listener (and redirect HTTP), deny `aws:SecureTransport = false` in bucket policies, set `transit_encryption_enabled = true`, use `viewer_protocol_policy = "redirect-to-https"`.',
    fixExample: `statement {
  sid     = "DenyInsecureTransport"
  effect  = "Deny"
  actions = ["s3:*"]
  resources = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
  principals {
    type        = "*"
    identifiers = ["*"]
  }
  condition {
    test     = "Bool"
    variable = "aws:SecureTransport"
    values   = ["false"]
  }
}`,
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit',
    knowledgeGap: 'Encryption in transit must be configured per service; it is not implied by encryption at rest.',
    impact: 'Data crosses the network in clear text, failing the stated security/compliance requirement.',
  },
  check(ctx) {
    if (!promptMentions(ctx, TRANSIT_WORDS)) return;
    for (const gap of [...loadBalancerGaps(ctx), ...cacheGaps(ctx), ...cloudfrontGaps(ctx), ...bucketGaps(ctx)]) ctx.report(gap);
  },
};

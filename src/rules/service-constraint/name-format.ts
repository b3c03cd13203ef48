import type { Rule } from '../types.js';
import type { Configuration, Expr } from '../../model/types.js';
import { attr, blockAddress, resources } from '../../model/query.js';
import { resolveExpr, resolvedString } from '../util/b-resolve.js';

/**
 * Character and prefix rules that the AWS provider validates at plan time (or the service at create time) for
 * names models write by hand. One row per resource family and argument; every row is a hard failure, never a
 * style preference, so the rule only fires on the characters it can read (literals and statically known
 * variables), and start/end rules only when the name's first/last part is such text.
 */
interface NameFormat {
  types: string[];
  attributes: string[];
  /** Every known character must match this class. */
  allowed?: RegExp;
  /** What `allowed` permits, in words. */
  allowedText?: string;
  /** Forbidden prefixes of the whole name (checked when the name starts with known text). */
  forbiddenPrefixes?: string[];
  /** Required prefix of the whole name. */
  requiredPrefix?: string;
  /** The first character must be a letter (checked when the name starts with known text). */
  startsWithLetter?: boolean;
  /** The first and last characters must not be a hyphen. */
  noEdgeHyphen?: boolean;
  /** No two hyphens in a row. */
  noDoubleHyphen?: boolean;
  /** Inclusive length bounds of the complete name (checked only when the whole name is known). */
  length?: [number, number];
  docs: string;
}

const RDS_IDENTIFIER = { allowed: /^[a-z0-9-]$/, allowedText: 'lower-case letters, digits and hyphens', startsWithLetter: true, noEdgeHyphen: true, noDoubleHyphen: true };
/** The database created inside an instance or cluster: MySQL, MariaDB, PostgreSQL and Oracle all refuse a hyphen. */
const RDS_DATABASE_NAME = { allowed: /^[A-Za-z0-9_]$/, allowedText: 'letters, digits and underscores', startsWithLetter: true };

export const NAME_FORMATS: NameFormat[] = [
  {
    types: ['aws_security_group'],
    attributes: ['name', 'name_prefix'],
    forbiddenPrefixes: ['sg-'],
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#name-1',
  },
  {
    types: ['aws_lb', 'aws_alb'],
    attributes: ['name', 'name_prefix'],
    allowed: /^[A-Za-z0-9-]$/,
    allowedText: 'letters, digits and hyphens',
    forbiddenPrefixes: ['internal-'],
    noEdgeHyphen: true,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#name-1',
  },
  {
    types: ['aws_lb_target_group', 'aws_alb_target_group'],
    attributes: ['name', 'name_prefix'],
    allowed: /^[A-Za-z0-9-]$/,
    allowedText: 'letters, digits and hyphens',
    noEdgeHyphen: true,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_target_group#name-1',
  },
  {
    types: ['aws_s3_bucket'],
    attributes: ['bucket', 'bucket_prefix'],
    allowed: /^[a-z0-9.-]$/,
    allowedText: 'lower-case letters, digits, dots and hyphens',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html',
  },
  {
    types: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_docdb_cluster_instance', 'aws_neptune_cluster_instance'],
    attributes: ['identifier'],
    ...RDS_IDENTIFIER,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.Constraints',
  },
  {
    types: ['aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_redshift_cluster'],
    attributes: ['cluster_identifier'],
    ...RDS_IDENTIFIER,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html#RDS_Limits.Constraints',
  },
  {
    types: ['aws_db_instance'],
    attributes: ['db_name'],
    ...RDS_DATABASE_NAME,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html',
  },
  {
    types: ['aws_rds_cluster'],
    attributes: ['database_name'],
    ...RDS_DATABASE_NAME,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html',
  },
  {
    types: ['aws_kms_alias'],
    attributes: ['name'],
    requiredPrefix: 'alias/',
    forbiddenPrefixes: ['alias/aws/'],
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html',
  },
  {
    types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    attributes: ['domain_name'],
    allowed: /^[a-z0-9-]$/,
    allowedText: 'lower-case letters, digits and hyphens',
    startsWithLetter: true,
    length: [3, 28],
    docs: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createupdatedomains.html',
  },
  {
    types: ['aws_ecr_repository'],
    attributes: ['name'],
    allowed: /^[a-z0-9._/-]$/,
    allowedText: 'lower-case letters, digits, dots, underscores, hyphens and slashes',
    docs: 'https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html',
  },
  {
    types: ['aws_lambda_function'],
    attributes: ['function_name'],
    allowed: /^[A-Za-z0-9_-]$/,
    allowedText: 'letters, digits, hyphens and underscores',
    docs: 'https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#lambda-CreateFunction-request-FunctionName',
  },
];

/** A name as known pieces: text read statically, `null` for a part that is only known at apply time. */
type Piece = string | null;

function pieces(config: Configuration, expr: Expr, depth = 0): Piece[] | undefined {
  const whole = resolvedString(config, expr);
  if (whole !== undefined) return splitTokens(whole);
  // `name = local.sg_web_name` where the local is a template: read the template the name resolves to, and the
  // templates its parts resolve to (`"${local.name_prefix}-logs"` with `name_prefix = "AppResource-${var.env}"`).
  const resolved = resolveExpr(config, expr) ?? expr;
  if (resolved.kind !== 'template' || depth > 3) return undefined;
  return resolved.parts.flatMap((p) => {
    const text = p.kind === 'literal' ? String(p.value ?? '') : resolvedString(config, p);
    if (text !== undefined) return splitTokens(text);
    return pieces(config, p, depth + 1) ?? [null];
  });
}

/** `${…}` left inside a string (a CDKTF token, an unparsed interpolation) is known only at apply time. */
export function splitTokens(text: string): Piece[] {
  // A scan, not a regex: an unclosed `${` run would make a `\$\{[^}]*\}` search quadratic.
  const out: Piece[] = [];
  let last = 0;
  for (;;) {
    const open = text.indexOf('${', last);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (open > last) out.push(text.slice(last, open));
    out.push(null);
    if (close < 0) {
      last = text.length;
      break;
    }
    last = close + 1;
  }
  if (last < text.length || !out.length) out.push(text.slice(last));
  // Nested tokens (`${${…}.account_id}`) leave brace fragments behind: those pieces are not readable text.
  return out.map((p) => (p !== null && (p.includes('${') || p.includes('}')) ? null : p));
}

/** What is wrong with a name, in words; empty when nothing readable breaks the format. */
export function nameProblems(format: NameFormat, parts: Piece[], isPrefix = false): string[] {
  const problems: string[] = [];
  const known = parts.filter((p): p is string => p !== null);
  const head = parts[0];
  const tail = parts[parts.length - 1];
  const complete = parts.every((p) => p !== null) ? known.join('') : undefined;
  if (format.allowed) {
    const bad = new Set<string>();
    for (const text of known) for (const ch of text) if (!format.allowed.test(ch)) bad.add(ch);
    if (bad.size) problems.push(`contains ${[...bad].map((c) => (c === ' ' ? 'spaces' : `"${c}"`)).join(', ')} (only ${format.allowedText} are allowed)`);
  }
  if (typeof head === 'string' && head.length) {
    for (const prefix of format.forbiddenPrefixes ?? []) if (head.startsWith(prefix)) problems.push(`begins with "${prefix}", which AWS reserves`);
    if (format.requiredPrefix && !head.startsWith(format.requiredPrefix) && head.length >= format.requiredPrefix.length) problems.push(`does not begin with "${format.requiredPrefix}"`);
    if (format.startsWithLetter && !/^[A-Za-z]/.test(head)) problems.push('does not begin with a letter');
    if (format.noEdgeHyphen && head.startsWith('-')) problems.push('begins with a hyphen');
  }
  // A prefix is followed by generated characters, so only a whole name's last character counts.
  if (format.noEdgeHyphen && !isPrefix && typeof tail === 'string' && tail.endsWith('-')) problems.push('ends with a hyphen');
  if (format.noDoubleHyphen && known.some((t) => t.includes('--'))) problems.push('contains two hyphens in a row');
  if (format.length && !isPrefix && complete !== undefined && (complete.length < format.length[0] || complete.length > format.length[1])) {
    problems.push(`is ${complete.length} characters long (allowed ${format.length[0]}–${format.length[1]})`);
  }
  return problems;
}

export const rule: Rule = {
  meta: {
    id: 'name-invalid-format',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // Each service rejects the create call (or the provider the plan): listed whatever the check's measured
    // precision, which is low because reviewers rarely meet these names, unless the ideal keeps the name.
    applyFailure: true,
    title: 'Resource name breaks an AWS naming rule',
    rootCause:
      'Models write names the way they write identifiers elsewhere (underscores, upper case, an `sg-` or `internal-` prefix, a 40-character OpenSearch domain) without knowing that each service validates its own name format.',
    fix: 'Keep names to the characters the service allows: hyphens instead of underscores in load balancer and RDS names, lower case for S3, RDS, ECR and OpenSearch, no `sg-` prefix on security groups, `alias/` on KMS aliases.',
    fixExample: `resource "aws_security_group" "alb" {
  name_prefix = "alb-\${var.environment_suffix}-"
}

resource "aws_lb" "app" {
  name = "app-alb-\${var.environment_suffix}"
}`,
    fixExampleTs: `new SecurityGroup(this, 'alb-sg', {
  namePrefix: \`alb-\${environmentSuffix}-\`,
});`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group#name-1',
    knowledgeGap: 'Each AWS service validates its own resource-name format; the provider rejects the plan or the API the create call.',
    impact: '`terraform plan` (provider validation) or `apply` (the service) fails for the resource.',
  },
  check(ctx) {
    for (const format of NAME_FORMATS) {
      for (const type of format.types) {
        for (const block of resources(ctx.config, type)) {
          for (const name of format.attributes) {
            const a = attr(block, name);
            if (!a) continue;
            const parts = pieces(ctx.config, a.expr);
            if (!parts) continue;
            const problems = nameProblems(format, parts, name.endsWith('_prefix'));
            if (!problems.length) continue;
            const shown = parts.map((p) => p ?? '${…}').join('');
            ctx.report({ block, span: a.span, message: `\`${name}\` "${shown}" of ${blockAddress(block)} ${problems.join('; ')}.` });
          }
        }
      }
    }
  },
};

import type { Rule } from '../types.js';
import type { Block, Expr, SourceSpan } from '../../model/types.js';
import { blockAddress, walkExpr } from '../../model/query.js';

/**
 * Credential formats recognisable by their shape alone, wherever they sit (tags, environment maps, user_data,
 * container definitions, variable defaults, provider blocks). Patterns are anchored on fixed prefixes and
 * bounded repeats, so matching stays linear.
 */
export const SECRET_SHAPES: { name: string; re: RegExp }[] = [
  { name: 'AWS access key id', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { name: 'private key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/ },
  { name: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/ },
  { name: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,200}/ },
  { name: 'Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,20}\/B[A-Z0-9]{6,20}\/[A-Za-z0-9]{16,40}/ },
  { name: 'Stripe live key', re: /\b[sr]k_live_[0-9A-Za-z]{20,99}\b/ },
  { name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'SendGrid API key', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/ },
  { name: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,50}\b/ },
  { name: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'PyPI token', re: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}/ },
  { name: 'Shopify token', re: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/ },
];

/** A 40-character AWS secret access key, recognised only next to a name that says so. */
const SECRET_KEY_NAME = /secret_?access_?key|aws_?secret|^secret_key$/i;
const SECRET_KEY_VALUE = /^[A-Za-z0-9/+]{40}$/;

/** Placeholder ids (`AKIAXXXXXXXXXXXXXXXX`) are documentation, not credentials. */
function isPlaceholder(match: string): boolean {
  const tail = match.slice(4);
  return /^(.)\1+$/.test(tail);
}

/** What secret shapes a text holds; base64 text (user_data_base64, base64 literals) is decoded once and searched too. */
export function secretShapesIn(text: string): string[] {
  const found = new Set<string>();
  const scan = (t: string): void => {
    for (const s of SECRET_SHAPES) {
      const m = s.re.exec(t);
      if (m && !(s.name === 'AWS access key id' && isPlaceholder(m[0]))) found.add(s.name);
    }
  };
  scan(text);
  const compact = text.replace(/\s+/g, '');
  if (compact.length >= 24 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    // Decoding is reading data, never running it.
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    // Only text that decodes to printable characters is a script or document worth searching.
    if ([...decoded].every((c) => c === '\t' || c === '\n' || c === '\r' || (c >= ' ' && c <= '~'))) scan(decoded);
  }
  return [...found];
}

interface Hit {
  what: string;
  span?: SourceSpan;
}

function literalStrings(expr: Expr): { value: string; span?: SourceSpan }[] {
  const out: { value: string; span?: SourceSpan }[] = [];
  walkExpr(expr, (e) => {
    if (e.kind === 'literal' && typeof e.value === 'string') out.push({ value: e.value, ...(e.span ? { span: e.span } : {}) });
  });
  return out;
}

/** Named values: attributes and object entries whose name says "secret access key", with a literal value. */
function namedSecretKeys(name: string, expr: Expr, hits: Hit[], fallback: SourceSpan): void {
  if (SECRET_KEY_NAME.test(name) && expr.kind === 'literal' && typeof expr.value === 'string' && SECRET_KEY_VALUE.test(expr.value)) {
    hits.push({ what: 'AWS secret access key', span: expr.span ?? fallback });
  }
  walkExpr(expr, (e) => {
    if (e.kind !== 'object') return;
    for (const en of e.entries) {
      if (en.key && SECRET_KEY_NAME.test(en.key) && en.value.kind === 'literal' && typeof en.value.value === 'string' && SECRET_KEY_VALUE.test(en.value.value)) {
        hits.push({ what: 'AWS secret access key', span: en.value.span ?? fallback });
      }
    }
  });
}

function blockHits(block: Block, hits: Hit[]): void {
  for (const a of block.attributes) {
    for (const s of literalStrings(a.expr)) {
      for (const what of secretShapesIn(s.value)) hits.push({ what, span: s.span ?? a.span });
    }
    namedSecretKeys(a.name, a.expr, hits, a.span);
  }
  for (const b of block.blocks) blockHits(b, hits);
}

export const rule: Rule = {
  meta: {
    id: 'secret-value-in-code',
    category: 'secrets',
    severity: 'critical',
    fixClass: 'A',
    title: 'Credential literal in the configuration',
    rootCause:
      'Models paste a working access key, token or private key into an environment map, user_data script, tag or provider block so the example runs, whatever the argument is called.',
    fix: 'Remove the literal and rotate the credential. Give workloads an IAM role instead of access keys; keep tokens and keys in Secrets Manager or SSM SecureString and read them at run time.',
    fixExample: `resource "aws_lambda_function" "fn" {
  environment {
    variables = {
      TOKEN_SECRET_ARN = aws_secretsmanager_secret.token.arn
    }
  }
}`,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    knowledgeGap: 'Credentials never belong in code: roles for AWS access, Secrets Manager for the rest.',
    impact: 'The credential is in version control and Terraform state; anyone who reads either can use it.',
  },
  check(ctx) {
    for (const block of ctx.config.blocks) {
      const hits: Hit[] = [];
      blockHits(block, hits);
      if (!hits.length) continue;
      const kinds = [...new Set(hits.map((h) => h.what))];
      ctx.report({
        block,
        resource: blockAddress(block),
        ...(hits[0]!.span ? { span: hits[0]!.span } : {}),
        message: `${blockAddress(block)} holds a literal ${kinds.join(', ')}.`,
      });
    }
  },
};

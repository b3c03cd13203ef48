import type { Block, Configuration, Expr } from '../../model/types.js';
import { promptNear } from '../util/b-prompt.js';
import type { Rule } from '../types.js';
import { allAttributes, attrExpr, blockAddress, staticString, walkExpr } from '../../model/query.js';

/** Words of a prompt that accepts a stand-in value (regex source, no groups). */
const PLACEHOLDER_WORDS = 'placeholder|dummy|to be replaced|replace it|fake';

/** Physical ids AWS assigns to VPC-side objects: `vpc-0abc...`, `subnet-...`, `sg-...` (placeholders included). */
const PHYSICAL_ID = /^(vpc|subnet|sg|igw|rtb|nat|eni|vpce|tgw|pl)-[0-9a-z][0-9a-z-]{3,}$/;
/** A certificate ARN written out, placeholders included (`arn:aws:acm:region:account:certificate/xxxxx`). */
const ACM_ARN = /^arn:aws[a-z-]*:acm:[^:]*:[^:]*:certificate\//;
/**
 * A stand-in AMI id (`ami-xxxxxxxxx`, `ami-<your-ami>`): no such image exists anywhere. Real-looking ids are left
 * alone: a task may give one, and whether it exists in the target region cannot be read from the code.
 */
function isAmiPlaceholder(value: string): boolean {
  if (!value.startsWith('ami-')) return false;
  const id = value.slice(4).toLowerCase();
  // Words and runs looked up with includes(): a regex alternation around `.*` backtracks on long values.
  return ['xxx', 'your', 'example', 'placeholder', 'replace', '<'].some((w) => id.includes(w));
}
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{8,}$/;
/** Arguments that take the id of another object (not names or descriptions). */
const ID_ARGUMENT = /(^|_)(ids?|subnets|security_groups|certificate_arn|zone_id)$|^ami$/;

function literalStrings(expr: Expr): string[] {
  const out: string[] = [];
  walkExpr(expr, (e) => {
    const s = e.kind === 'literal' || e.kind === 'template' ? staticString(e) : undefined;
    if (typeof s === 'string') out.push(s);
  });
  return out;
}

/**
 * The hosted zone of an alias target is AWS's own (CloudFront's Z2FDTNDATAQYW2, a region's ELB or S3 website
 * zone): a fixed, documented id every account can use, never something the stack must create.
 */
function aliasTargetZone(path: string[]): boolean {
  return path.includes('alias') && path[path.length - 1] === 'zone_id';
}

function preexisting(argument: string, value: string): string | null {
  if (!ID_ARGUMENT.test(argument)) return null;
  if (PHYSICAL_ID.test(value)) return `the existing object ${value}`;
  if (ACM_ARN.test(value)) return 'an existing ACM certificate';
  if ((argument === 'ami' || argument === 'image_id') && isAmiPlaceholder(value)) return `the stand-in AMI id ${value}, which no region has (look the image up with data "aws_ami" or an SSM parameter)`;
  if (argument.endsWith('zone_id') && HOSTED_ZONE_ID.test(value)) return `the existing hosted zone ${value}`;
  return null;
}

/** The literal an EC2 `key_name` resolves to: the string itself, or the default of the variable it reads. */
function keyNameValue(expr: Expr, config: Configuration): string | undefined {
  const direct = staticString(expr);
  if (direct !== undefined) return direct;
  if (expr.kind !== 'reference' || expr.parts[0] !== 'var' || expr.parts.length !== 2) return undefined;
  const v = config.blocks.find((b) => b.kind === 'variable' && b.labels[0] === expr.parts[1]);
  return v ? staticString(attrExpr(v, 'default')) : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'literal-preexisting-id',
    category: 'external-dependency',
    severity: 'high',
    fixClass: 'B',
    // The create or launch call names something the account does not have (InvalidKeyPair.NotFound,
    // InvalidVpcID.NotFound): listed whatever the check's measured precision unless the ideal keeps the value.
    applyFailure: true,
    title: 'Literal id of a resource that must already exist',
    rootCause: 'The model copies placeholder ids (vpc-…, subnet-…, certificate ARNs, key pair names) instead of creating the objects in the stack.',
    fix: 'Create the object in the stack and reference it (`aws_vpc.main.id`, `aws_key_pair.deployer.key_name`), or drop the dependency (SSM Session Manager instead of a key pair).',
    fixExample: 'resource "aws_key_pair" "deployer" {\n  key_name   = "deployer-${var.environment_suffix}"\n  public_key = tls_private_key.deployer.public_key_openssh\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/expressions/references',
    knowledgeGap: 'Self-sufficiency: every deployment runs in isolation, no pre-existing resources',
    impact: 'Deployment fails (InvalidVpcID.NotFound, InvalidKeyPair.NotFound) in any account without those objects.',
  },
  check(ctx) {
    if (!ctx.conventions.selfSufficient) return;
    const createsKeyPair = ctx.config.blocks.some((b) => b.kind === 'resource' && b.labels[0] === 'aws_key_pair');
    // "placeholder key name acceptable", "a dummy certificate ARN (to be replaced by the user)": the task accepts a
    // placeholder for that argument (read against the code: judged false when listed).
    const placeholderAllowed = (argument: string): boolean => {
      const subject = (argument.split('_')[0] ?? '').replace(/[^a-z0-9]/gi, '').toLowerCase();
      return subject.length >= 3 && promptNear(ctx, subject, PLACEHOLDER_WORDS);
    };
    const report = (block: Block, span: Block['span'], what: string, argument: string) => {
      if (placeholderAllowed(argument)) return;
      ctx.report({ block, span, resource: blockAddress(block), message: `${blockAddress(block)}: ${argument} points at ${what}, which this stack does not create.` });
    };
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'resource' && b.kind !== 'module' && b.kind !== 'variable') continue;
      for (const { attribute, path } of allAttributes(b)) {
        const argument = b.kind === 'variable' ? (b.labels[0] ?? '') : attribute.name;
        if (b.kind === 'variable' && path.join('.') !== 'default') continue;
        if (aliasTargetZone(path)) continue;
        const hit = literalStrings(attribute.expr).map((s) => preexisting(argument, s)).find((x) => x);
        if (hit) {
          report(b, attribute.span, hit, argument);
          continue;
        }
        if (b.kind === 'resource' && attribute.name === 'key_name' && !createsKeyPair && b.labels[0] !== 'aws_key_pair') {
          const key = keyNameValue(attribute.expr, ctx.config);
          if (key) report(b, attribute.span, `the existing EC2 key pair "${key}"`, 'key_name');
        }
      }
    }
  },
};

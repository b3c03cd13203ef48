import type { Block, Configuration, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources, staticNumber } from '../../model/query.js';
import { resolvedNumber, resolvedString } from '../util/b-resolve.js';
import { tfvarsBlocks } from '../util/variables.js';

/** Storage classes S3 accepts in a lifecycle transition only after an object is at least 30 days old. */
const THIRTY_DAY_CLASSES = new Set(['STANDARD_IA', 'ONEZONE_IA']);
const MIN_DAYS = 30;

/**
 * The day counts an expression can take: its resolved value (a literal, a variable's default), and the values the
 * response's `.tfvars` files assign to the variable it reads, each with where it comes from.
 */
function dayValues(config: Configuration, expr: Expr | undefined): { days: number; from: string }[] {
  if (!expr) return [];
  const out: { days: number; from: string }[] = [];
  const resolved = resolvedNumber(config, expr);
  if (resolved !== undefined) out.push({ days: resolved, from: expr.kind === 'reference' ? `${expr.parts.join('.')}'s default` : 'as written' });
  if (expr.kind === 'reference' && expr.parts[0] === 'var' && expr.parts.length === 2) {
    const name = expr.parts[1]!;
    for (const b of tfvarsBlocks(config)) {
      const days = staticNumber(attrExpr(b, name));
      if (days !== undefined) out.push({ days, from: `${name} = ${days} in ${b.span.file}` });
    }
  }
  return out;
}

/** Transitions (current and noncurrent versions) of one lifecycle rule, with their day argument. */
function transitions(rule: Block): { block: Block; daysArg: string }[] {
  return [
    ...nestedBlocks(rule, 'transition').map((block) => ({ block, daysArg: 'days' })),
    ...nestedBlocks(rule, 'noncurrent_version_transition').map((block) => ({ block, daysArg: 'noncurrent_days' })),
  ];
}

export const rule: Rule = {
  meta: {
    id: 's3-lifecycle-transition-too-early',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // PutBucketLifecycleConfiguration rejects the rule: listed whatever the measured precision.
    applyFailure: true,
    title: 'S3 lifecycle transition to an infrequent-access class before 30 days',
    rootCause:
      'Models pick short, tidy retention numbers (7 or 14 days) for a STANDARD_IA or ONEZONE_IA transition, or pass them per environment in tfvars; S3 accepts those classes only for objects at least 30 days old.',
    fix: 'Transition to STANDARD_IA / ONEZONE_IA at 30 days or later (or go straight to an archive class such as GLACIER_IR), in every environment\'s values.',
    fixExample: 'rule {\n  id     = "archive"\n  status = "Enabled"\n  filter {}\n  transition {\n    days          = 30\n    storage_class = "STANDARD_IA"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html#lifecycle-configuration-constraints',
    knowledgeGap: 'S3 lifecycle constraints: infrequent-access classes need objects at least 30 days old.',
    impact: "`terraform apply` fails: InvalidArgument: 'Days' in Transition action must be greater than or equal to 30 for storageClass 'STANDARD_IA'.",
  },
  check(ctx) {
    const rulesOf = (b: Block): Block[] => [...nestedBlocks(b, 'rule'), ...nestedBlocks(b, 'lifecycle_rule')];
    const owners = [...resources(ctx.config, 'aws_s3_bucket_lifecycle_configuration'), ...resources(ctx.config, 'aws_s3_bucket')];
    for (const owner of owners) {
      const early: string[] = [];
      for (const lifecycleRule of rulesOf(owner)) {
        for (const { block, daysArg } of transitions(lifecycleRule)) {
          const storageClass = resolvedString(ctx.config, attrExpr(block, 'storage_class'));
          if (!storageClass || !THIRTY_DAY_CLASSES.has(storageClass)) continue;
          for (const v of dayValues(ctx.config, attrExpr(block, daysArg))) {
            if (v.days < MIN_DAYS) early.push(`${storageClass} at ${daysArg} = ${v.days} (${v.from})`);
          }
        }
      }
      if (!early.length) continue;
      ctx.report({
        block: owner,
        message: `${blockAddress(owner)} moves objects to ${[...new Set(early)].slice(0, 3).join(', ')}: S3 accepts infrequent-access transitions only at ${MIN_DAYS} days or later, so the lifecycle configuration is rejected.`,
      });
    }
  },
};

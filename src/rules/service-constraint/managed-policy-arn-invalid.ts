import type { Rule } from '../types.js';
import { allAttributes, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { closest } from '../../schema/suggest.js';
import { AWS_MANAGED_POLICIES } from '../data/aws-managed-policies.js';

/** Every AWS managed policy, by path and name (`service-role/AWSLambdaBasicExecutionRole`): generated data. */
const KNOWN = new Set(AWS_MANAGED_POLICIES);
const BY_NAME = new Map<string, string>();
for (const p of AWS_MANAGED_POLICIES) BY_NAME.set(p.slice(p.lastIndexOf('/') + 1), p);
const NAMES = [...BY_NAME.keys()];

/**
 * Old or invented names models write whose successor is not the nearest spelling (AWSConfigRole was replaced by
 * service-role/AWS_ConfigRole; the SSM instance policy has no "Role" suffix).
 */
const RENAMED: Record<string, string> = {
  AWSConfigRole: 'service-role/AWS_ConfigRole',
  ConfigRole: 'service-role/AWS_ConfigRole',
  AmazonSSMManagedInstanceCoreRole: 'AmazonSSMManagedInstanceCore',
};

/** The managed policy a wrong path or name most likely means: the same name at its real path, a renamed one, the nearest name. */
function intended(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return BY_NAME.get(name) ?? RENAMED[name] ?? closest(name, NAMES);
}

const MANAGED_ARN = /^arn:(aws|aws-cn|aws-us-gov|\$\{[^}]*\}):iam::aws:policy\/(.+)$/;

export const rule: Rule = {
  meta: {
    id: 'managed-policy-arn-invalid',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'A',
    title: 'AWS managed policy ARN that does not exist',
    rootCause: 'Models write managed policy ARNs from memory: they drop the `service-role/` path, use an old name such as AWSConfigRole, or invent one (service-role/DynamoDBAutoscaleRole); IAM rejects the attachment.',
    fix: 'Use the exact ARN, including its path: `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`, `.../service-role/AWS_ConfigRole`.',
    fixExample: `resource "aws_iam_role_policy_attachment" "config" {
  role       = aws_iam_role.config.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole"
}`,
    docs: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html',
    knowledgeGap: 'Several AWS managed policies live under the service-role/ path; ARNs must match exactly.',
    // Attaching a policy that does not exist fails the apply (NoSuchEntity).
    blocker: true,
    impact: 'Apply fails: NoSuchEntity when attaching the policy.',
  },
  check(ctx) {
    for (const r of resources(ctx.config)) {
      for (const { path, attribute } of allAttributes(r)) {
        const key = path[path.length - 1] ?? '';
        if (!/^(policy_arn|managed_policy_arns|policy_arns)$/.test(key)) continue;
        const values = attribute.expr.kind === 'tuple' ? attribute.expr.items : [attribute.expr];
        for (const v of values) {
          const arn = resolvedString(ctx.config, v) ?? (v.kind === 'template' ? templateText(v) : undefined);
          const m = arn ? MANAGED_ARN.exec(arn) : null;
          if (!m) continue;
          const path = m[2]!;
          // A path built at apply time cannot be read; only literal paths are checked.
          if (path.includes('${') || KNOWN.has(path)) continue;
          const guess = intended(path);
          const right = guess ? `arn:aws:iam::aws:policy/${BY_NAME.get(guess) ?? guess}` : undefined;
          ctx.report({ block: r, message: `\`${key}\` ${arn} is not an AWS managed policy ARN${right ? `; did you mean ${right}?` : ' (no AWS managed policy has that path and name).'} Attaching it fails with NoSuchEntity.` });
        }
      }
    }
  },
};

function templateText(e: Extract<Parameters<typeof resolvedString>[1], { kind: 'template' }>): string {
  return e.parts.map((p) => (p.kind === 'literal' ? String(p.value ?? '') : '${x}')).join('');
}

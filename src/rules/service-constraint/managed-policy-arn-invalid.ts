import type { Rule } from '../types.js';
import { allAttributes, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

/** AWS managed policies that live under `service-role/`; models often drop the path. */
const SERVICE_ROLE_POLICIES = new Set([
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWS_ConfigRole',
  'AmazonECSTaskExecutionRolePolicy',
  'AmazonEC2ContainerServiceforEC2Role',
  'AmazonEC2ContainerServiceRole',
  'AmazonAPIGatewayPushToCloudWatchLogs',
  'AWSGlueServiceRole',
  'AmazonEC2RoleforSSM',
  'AmazonRDSEnhancedMonitoringRole',
  'AWSCodeDeployRole',
  'AWSBackupServiceRolePolicyForBackup',
  'AWSBackupServiceRolePolicyForRestores',
  'AmazonSSMAutomationRole',
]);

/** Names of AWS managed policies that do not exist (renamed or never existed), with the right ARN. */
const WRONG_NAMES: Record<string, string> = {
  AWSConfigRole: 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
  'service-role/AWSConfigRole': 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
  AmazonSSMManagedInstanceCoreRole: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'service-role/AmazonSSMManagedInstanceCore': 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'service-role/CloudWatchAgentServerPolicy': 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
  ConfigRole: 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
  'service-role/ConfigRole': 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole',
};

/** AWS managed policies at the root path that models put under `service-role/`. */
const ROOT_POLICIES = [
  'AmazonEKSClusterPolicy',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEKSServicePolicy',
  'AmazonEKSVPCResourceController',
  'AmazonEC2ContainerRegistryReadOnly',
  'AWSXRayDaemonWriteAccess',
  'AWSLambdaExecute',
  'AmazonS3ReadOnlyAccess',
  'CloudWatchLogsFullAccess',
  'AmazonSSMReadOnlyAccess',
];
for (const name of ROOT_POLICIES) WRONG_NAMES[`service-role/${name}`] = `arn:aws:iam::aws:policy/${name}`;

const MANAGED_ARN = /^arn:(aws|aws-cn|aws-us-gov|\$\{[^}]*\}):iam::aws:policy\/(.+)$/;

export const rule: Rule = {
  meta: {
    id: 'managed-policy-arn-invalid',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'A',
    title: 'AWS managed policy ARN that does not exist',
    rootCause: 'Models write managed policy ARNs from memory and drop the `service-role/` path (or use an old name such as AWSConfigRole); IAM rejects the attachment.',
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
          const name = m[2]!;
          const right = WRONG_NAMES[name] ?? (SERVICE_ROLE_POLICIES.has(name) ? `arn:aws:iam::aws:policy/service-role/${name}` : undefined);
          if (!right) continue;
          ctx.report({ block: r, message: `${arn} is not an AWS managed policy ARN; use ${right}.` });
        }
      }
    }
  },
};

function templateText(e: Extract<Parameters<typeof resolvedString>[1], { kind: 'template' }>): string {
  return e.parts.map((p) => (p.kind === 'literal' ? String(p.value ?? '') : '${x}')).join('');
}

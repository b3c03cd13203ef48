/** Knowledge about IAM actions used by the least-privilege and missing-permission rules. */

/** What a role needs to attach a log group as a vended-log destination (Step Functions, API Gateway, ...). */
export const LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];

/**
 * Actions that do not support resource-level permissions: `Resource: "*"` is the only valid value,
 * so a wildcard resource is not a least-privilege gap for them.
 */
export const STAR_RESOURCE_ACTIONS = new Set(
  [
    ...LOG_DELIVERY_ACTIONS,
    'xray:PutTraceSegments',
    'xray:PutTelemetryRecords',
    'xray:GetSamplingRules',
    'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
    'cloudwatch:PutMetricData',
    'cloudwatch:GetMetricData',
    'cloudwatch:GetMetricStatistics',
    'cloudwatch:ListMetrics',
    'ec2:CreateNetworkInterface',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DeleteNetworkInterface',
    'ec2:AssignPrivateIpAddresses',
    'ec2:UnassignPrivateIpAddresses',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeVpcs',
    'ecr:GetAuthorizationToken',
    'sts:GetCallerIdentity',
    's3:ListAllMyBuckets',
    'kms:ListAliases',
    'kms:ListKeys',
    'kms:CreateKey',
    'ssm:DescribeParameters',
    'secretsmanager:ListSecrets',
    'secretsmanager:GetRandomPassword',
    'sns:ListTopics',
    'sqs:ListQueues',
    'lambda:ListFunctions',
    'dynamodb:ListTables',
    'iam:ListRoles',
    'route53:ListHostedZones',
    'acm:ListCertificates',
    'cloudformation:ListStacks',
    'tag:GetResources',
    'events:PutEvents',
    'ses:SendEmail',
    'ses:SendRawEmail',
    'autoscaling:Describe*',
    'elasticloadbalancing:Describe*',
  ].map((a) => a.toLowerCase()),
);

export function isWildcardAction(action: string): boolean {
  return action === '*' || /^[a-z0-9-]+:\*$/i.test(action);
}

/** Read-only discovery actions (Describe/List): a wildcard resource leaks metadata, not data. */
export function isListOrDescribe(action: string): boolean {
  const verb = action.split(':')[1] ?? '';
  return /^(Describe|List)/.test(verb);
}

/**
 * Writing one's own logs: the AWS managed AWSLambdaBasicExecutionRole grants these on `*`. A wildcard here is a
 * hardening note, not a data-exposure risk.
 */
const OWN_LOG_ACTIONS = new Set(['logs:createloggroup', 'logs:createlogstream', 'logs:putlogevents', 'logs:describelogstreams', 'logs:describeloggroups']);

export function isLowRiskOnStar(action: string): boolean {
  return isListOrDescribe(action) || OWN_LOG_ACTIONS.has(action.toLowerCase());
}

export function requiresStarResource(action: string): boolean {
  const a = action.toLowerCase();
  if (STAR_RESOURCE_ACTIONS.has(a)) return true;
  const svc = a.split(':')[0] ?? '';
  return STAR_RESOURCE_ACTIONS.has(`${svc}:describe*`) && /:describe/.test(a);
}

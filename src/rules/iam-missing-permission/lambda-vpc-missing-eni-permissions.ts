import type { Rule } from '../types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { allowsAction, roleFromExpr, rolePermissions } from '../util/b-iam.js';

const ENI_ACTIONS = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface'];

export const rule: Rule = {
  meta: {
    id: 'lambda-vpc-missing-eni-permissions',
    category: 'iam-missing-permission',
    severity: 'high',
    fixClass: 'A',
    title: 'VPC Lambda role cannot manage network interfaces',
    rootCause: 'Models attach AWSLambdaBasicExecutionRole out of habit and add `vpc_config` later, forgetting the ENI permissions a VPC function needs.',
    fix: 'Attach AWSLambdaVPCAccessExecutionRole (or grant ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DeleteNetworkInterface).',
    fixExample: `resource "aws_iam_role_policy_attachment" "lambda_vpc" {
  role       = aws_iam_role.lambda.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-permissions',
    knowledgeGap: 'VPC-attached Lambda functions need EC2 network-interface permissions on their execution role.',
    impact: 'Function creation fails: the execution role does not have permissions to call CreateNetworkInterface.',
  },
  check(ctx) {
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const vpc = nestedBlocks(fn, 'vpc_config')[0];
      if (!vpc) continue;
      const subnets = attrExpr(vpc, 'subnet_ids');
      if (!subnets || (subnets.kind === 'tuple' && subnets.items.length === 0)) continue;
      const role = roleFromExpr(ctx.config, attrExpr(fn, 'role'));
      if (!role) continue;
      const perms = rolePermissions(ctx.config, role);
      if (!perms.complete) continue;
      const missing = ENI_ACTIONS.filter((a) => !allowsAction(perms, a));
      if (!missing.length) continue;
      ctx.report({ block: fn, message: `The function runs in a VPC, but role ${role.labels[1] ?? '?'} lacks ${missing.join(', ')}.` });
    }
  },
};

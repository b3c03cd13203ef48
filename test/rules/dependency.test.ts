import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as apigw } from '../../src/rules/dependency/apigw-deployment-race.js';
import { rule as ecs } from '../../src/rules/dependency/ecs-service-listener-dependency.js';

const api = `
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_rest_api.api.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  type        = "AWS_PROXY"
}`;

test('apigw-deployment-race fires on a deployment that only references the API', () => {
  const findings = runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}`);
  assert.equal(findings.length, 1);
});

test('apigw-deployment-race accepts depends_on or triggers referencing integrations', () => {
  assert.deepEqual(
    runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [aws_api_gateway_integration.get]
}`),
    [],
  );
  assert.deepEqual(
    runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  triggers = {
    redeploy = sha1(jsonencode([aws_api_gateway_integration.get.id]))
  }
}`),
    [],
  );
});

const ecsStack = (dependsOn: string): string => `
resource "aws_lb_target_group" "app" {
  name = "app"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_ecs_service" "app" {
  name = "app"
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
  ${dependsOn}
}`;

test('ecs-service-listener-dependency fires without depends_on on the listener', () => {
  assert.equal(runRule(ecs, ecsStack('')).length, 1);
  assert.deepEqual(runRule(ecs, ecsStack('depends_on = [aws_lb_listener.http]')), []);
});

import { rule as ordering } from '../../src/rules/dependency/missing-ordering-dependency.js';
import { rule as cycle } from '../../src/rules/dependency/reference-cycle.js';

const network = (natExtra: string): string => `
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_nat_gateway" "nat" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
  ${natExtra}
}`;

test('missing-ordering-dependency: NAT gateway without depends_on on the internet gateway', () => {
  const findings = runRule(ordering, network(''));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_nat_gateway.nat');
  assert.deepEqual(runRule(ordering, network('depends_on = [aws_internet_gateway.igw]')), []);
  assert.deepEqual(runRule(ordering, network('connectivity_type = "private"')), []);
});

const lambdaStack = (fnExtra: string): string => `
resource "aws_iam_role" "fn" {
  name = "fn"
}
resource "aws_iam_role_policy_attachment" "logs" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
resource "aws_cloudwatch_log_group" "fn" {
  name = "/aws/lambda/\${var.name}"
}
resource "aws_lambda_function" "fn" {
  function_name = var.name
  role          = aws_iam_role.fn.arn
  ${fnExtra}
}`;

test('missing-ordering-dependency: a Lambda in a VPC before its role policies; outside a VPC the role can follow', () => {
  const vpc = 'vpc_config {\n    subnet_ids         = ["subnet-1"]\n    security_group_ids = ["sg-1"]\n  }';
  const findings = runRule(ordering, lambdaStack(vpc));
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /aws_iam_role_policy_attachment\.logs/);
  assert.deepEqual(runRule(ordering, lambdaStack(`${vpc}\n  depends_on = [aws_iam_role_policy_attachment.logs, aws_cloudwatch_log_group.fn]`)), []);
  assert.deepEqual(runRule(ordering, lambdaStack('')), []);
});

test('missing-ordering-dependency: S3 notification before the Lambda permission, CloudTrail before the bucket policy', () => {
  const tf = `
resource "aws_lambda_function" "fn" {
  function_name = "fn"
}
resource "aws_s3_bucket" "in" {
  bucket = "in"
}
resource "aws_s3_bucket" "trail" {
  bucket = "trail"
}
resource "aws_lambda_permission" "s3" {
  function_name = aws_lambda_function.fn.function_name
  principal     = "s3.amazonaws.com"
}
resource "aws_s3_bucket_notification" "n" {
  bucket = aws_s3_bucket.in.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.fn.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = "{}"
}
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = aws_s3_bucket.trail.id
}`;
  const found = runRule(ordering, tf).map((f) => f.resource).sort();
  assert.deepEqual(found, ['aws_cloudtrail.t', 'aws_s3_bucket_notification.n']);
  const fixed = tf
    .replace('events              = ["s3:ObjectCreated:*"]\n  }', 'events              = ["s3:ObjectCreated:*"]\n  }\n  depends_on = [aws_lambda_permission.s3]')
    .replace('s3_bucket_name = aws_s3_bucket.trail.id', 's3_bucket_name = aws_s3_bucket.trail.id\n  depends_on     = [aws_s3_bucket_policy.trail]');
  assert.deepEqual(runRule(ordering, fixed), []);
});

test('reference-cycle reports security groups that reference each other inline', () => {
  const tf = `
resource "aws_security_group" "app" {
  egress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.db.id]
  }
}
resource "aws_security_group" "db" {
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}`;
  const findings = runRule(cycle, tf);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'critical');
  assert.match(findings[0]!.message, /aws_security_group\.app → aws_security_group\.db → aws_security_group\.app/);
});

test('reference-cycle is quiet on separate rule resources, module cycles and lifecycle names', () => {
  const tf = `
resource "aws_security_group" "app" {
  name = "app"
}
resource "aws_security_group" "db" {
  name = "db"
  lifecycle {
    ignore_changes = [aws_security_group.app]
  }
}
resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.app.id
}
module "a" {
  source = "./a"
  x      = module.b.y
}
module "b" {
  source = "./b"
  y      = module.a.x
}`;
  assert.deepEqual(runRule(cycle, tf), []);
});

const globalDb = (extra: string): string => `
resource "aws_rds_global_cluster" "g" {
  global_cluster_identifier = "ledger"
  engine                    = "aurora-postgresql"
}
resource "aws_rds_cluster" "primary" {
  cluster_identifier        = "ledger-primary"
  engine                    = aws_rds_global_cluster.g.engine
  global_cluster_identifier = aws_rds_global_cluster.g.id
  master_username           = "ledger"
  manage_master_user_password = true
}
resource "aws_rds_cluster_instance" "primary" {
  cluster_identifier = aws_rds_cluster.primary.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.primary.engine
}
resource "aws_rds_cluster" "secondary" {
  provider                  = aws.dr
  cluster_identifier        = "ledger-secondary"
  engine                    = aws_rds_global_cluster.g.engine
  global_cluster_identifier = aws_rds_global_cluster.g.id
  ${extra}
}`;

test('missing-ordering-dependency: secondary global cluster before the primary instances', () => {
  const findings = runRule(ordering, globalDb(''));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_rds_cluster.secondary');
  assert.match(findings[0]!.message, /aws_rds_cluster_instance\.primary/);
  assert.deepEqual(runRule(ordering, globalDb('depends_on = [aws_rds_cluster_instance.primary]')), []);
});

test('missing-ordering-dependency: Helm release before the vpc-cni/coredns add-ons', () => {
  const eks = (extra: string): string => `
resource "aws_eks_addon" "cni" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "vpc-cni"
}
resource "aws_eks_addon" "dns" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "coredns"
}
resource "aws_eks_addon" "ebs" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "aws-ebs-csi-driver"
}
resource "helm_release" "ingress" {
  name       = "ingress"
  repository = "https://example.invalid/charts"
  chart      = "ingress"
  ${extra}
}`;
  const findings = runRule(ordering, eks(''));
  assert.equal(findings.length, 1);
  assert.doesNotMatch(findings[0]!.message, /aws_eks_addon\.ebs/);
  assert.deepEqual(runRule(ordering, eks('depends_on = [aws_eks_addon.cni, aws_eks_addon.dns]')), []);
});

import { rule as dataLookup } from '../../src/rules/dependency/data-source-reads-managed-resource.js';

const vpcAndLookup = (lookup: string): string => `
resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
  tags = merge(local.tags, { Name = "shop-vpc-\${var.environment_suffix}" })
}
resource "aws_subnet" "private" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet("10.1.0.0/16", 8, count.index)
}
${lookup}`;

test('data-source-reads-managed-resource fires on lookups of a VPC and subnets the configuration creates', () => {
  const byTag = runRule(
    dataLookup,
    vpcAndLookup(`data "aws_vpc" "shop" {
  filter {
    name   = "tag:Name"
    values = ["shop-vpc-\${var.environment_suffix}"]
  }
}`),
  );
  assert.equal(byTag.length, 1);
  assert.equal(byTag[0]!.resource, 'data.aws_vpc.shop');
  const subnets = runRule(
    dataLookup,
    vpcAndLookup(`data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [aws_vpc.main.id]
  }
}`),
  );
  assert.equal(subnets.length, 1);
});

test('data-source-reads-managed-resource accepts depends_on, existing-or-create switches and unrelated lookups', () => {
  assert.deepEqual(
    runRule(
      dataLookup,
      vpcAndLookup(`data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [aws_vpc.main.id]
  }
  depends_on = [aws_subnet.private]
}`),
    ),
    [],
  );
  assert.deepEqual(
    runRule(
      dataLookup,
      vpcAndLookup(`data "aws_vpc" "shop" {
  count = var.use_existing_vpc ? 1 : 0
  tags = { Name = "shop-vpc-\${var.environment_suffix}" }
}`),
    ),
    [],
  );
  assert.deepEqual(
    runRule(
      dataLookup,
      vpcAndLookup(`data "aws_vpc" "shared" {
  tags = { Name = "shared-services" }
}`),
    ),
    [],
  );
});

import { rule as channelBeforeRecorder } from '../../src/rules/dependency/config-channel-before-recorder.js';

test('config-channel-before-recorder: a recorder that waits for its delivery channel inverts the order AWS Config needs', () => {
  const tf = (recorderDeps: string, channelDeps: string) => `resource "aws_config_configuration_recorder" "main" {
  name     = "recorder"
  role_arn = aws_iam_role.config.arn
${recorderDeps}}
resource "aws_config_delivery_channel" "main" {
  name           = "channel"
  s3_bucket_name = aws_s3_bucket.config.bucket
${channelDeps}}
`;
  const f = runRule(channelBeforeRecorder, tf('  depends_on = [aws_config_delivery_channel.main]\n', ''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_config_configuration_recorder.main', 1, 'dependency']]);
  assert.match(f[0]!.message, /NoAvailableConfigurationRecorderException/);
  assert.deepEqual(runRule(channelBeforeRecorder, tf('', '  depends_on = [aws_config_configuration_recorder.main]\n')), []);
});

test('apigw-deployment-race fires on a deployment ordered after the methods but not their integrations', () => {
  const findings = runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [aws_api_gateway_method.get]
}`);
  assert.deepEqual(findings.map((f) => [f.resource, f.location.line]), [['aws_api_gateway_deployment.d', 14]]);
  assert.match(findings[0]!.message, /not after their integrations/);
  // An opaque depends_on (a module) may hold the integrations: not guessed.
  assert.deepEqual(runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [module.routes]
}`), []);
});

test('data-source-reads-managed-resource: a parameter or secret read back by the name the configuration gives it', () => {
  const tf = `variable "environment_suffix" {
  default = "dev"
}
resource "aws_ssm_parameter" "db_password" {
  name  = "/app/\${var.environment_suffix}/db-password"
  type  = "SecureString"
  value = "x"
}
data "aws_ssm_parameter" "db_password" {
  name = "/app/\${var.environment_suffix}/db-password"
}
`;
  const f = runRule(dataLookup, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['data.aws_ssm_parameter.db_password', 9]]);
  // Read through the resource (or ordered after it): nothing to report.
  assert.deepEqual(runRule(dataLookup, tf.replace('name = "/app/${var.environment_suffix}/db-password"\n}', 'name       = "/app/${var.environment_suffix}/db-password"\n  depends_on = [aws_ssm_parameter.db_password]\n}')), []);
});

// Table-driven checks (encryption, TLS, public access, service logging): every argument path exists in the
// bundled provider schema, and every check has an invalid fixture (expected resource and line) and a valid one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { loadSchema } from '../../src/schema/index.js';
import type { BlockSchema } from '../../src/schema/index.js';
import { CATALOG_C, TABLE_CHECKS } from '../../src/rules/catalog-c.js';
import { ALL_RULES } from '../../src/rules/index.js';
import type { Requirement } from '../../src/rules/util/settings-table.js';

const rule = (id: string) => {
  const r = CATALOG_C.find((x) => x.meta.id === id);
  assert.ok(r, `rule ${id} registered`);
  return r;
};

function pathError(schema: BlockSchema, path: string[]): string | undefined {
  let b = schema;
  for (const name of path.slice(0, -1)) {
    const nb = b.blocks[name];
    if (!nb) return `no block ${name}`;
    b = nb.block;
  }
  const last = path[path.length - 1]!;
  return b.attributes[last] ? undefined : `no argument ${last}`;
}

test('table checks: every resource type and argument path exists in the bundled provider schema', () => {
  const schema = loadSchema();
  const errors: string[] = [];
  const visit = (type: string, id: string, r: Requirement): void => {
    const s = schema.resource(type);
    if (!s) return void errors.push(`${id}: unknown type ${type}`);
    const e = pathError(s, r.path);
    if (e) errors.push(`${id}: ${type}.${r.path.join('.')}: ${e}`);
    if (r.orElse) visit(type, id, r.orElse);
  };
  for (const c of TABLE_CHECKS) {
    for (const row of c.rows) {
      for (const type of row.types) {
        for (const r of [...row.require, ...(row.when ?? [])]) visit(type, c.id, r);
        for (const ref of row.coveredByReferrer ?? []) {
          if (!schema.resource(ref.type)?.attributes[ref.attr]) errors.push(`${c.id}: ${ref.type}.${ref.attr} (coveredByReferrer) not in schema`);
          for (const r of ref.require ?? []) visit(ref.type, c.id, r);
          if (ref.byName && !schema.resource(type)?.attributes[ref.byName]) errors.push(`${c.id}: ${type}.${ref.byName} (byName) not in schema`);
        }
        for (const n of row.exemptWhenSet ?? []) if (!schema.resource(type)?.attributes[n]) errors.push(`${c.id}: ${type}.${n} (exemptWhenSet) not in schema`);
      }
    }
  }
  assert.deepEqual(errors, []);
});

test('table checks: a misspelt path is caught by the schema walk (the check above can fail)', () => {
  const s = loadSchema().resource('aws_opensearch_domain')!;
  assert.equal(pathError(s, ['encrypt_at_rest', 'enabled']), undefined);
  assert.match(pathError(s, ['encrypt_at_rest', 'enable']) ?? '', /no argument enable/);
  assert.match(pathError(s, ['encryption_at_rest', 'enabled']) ?? '', /no block/);
});

test('table checks are registered in the catalog with complete metadata', () => {
  const ids = new Set(ALL_RULES.map((r) => r.meta.id));
  for (const c of TABLE_CHECKS) {
    assert.ok(ids.has(c.id), c.id);
    assert.match(c.docs, /^https:\/\//, c.id);
    assert.ok(c.fixExample && c.rootCause && c.fix && c.knowledgeGap && c.title, c.id);
    // Breadth must not flood the failure tier: high/critical is reserved for public data, open admin ports, secrets.
    if (c.severity === 'high' || c.severity === 'critical') assert.equal(c.category, 'public-exposure', c.id);
  }
});

interface Fixture {
  bad: string;
  resource: string;
  line: number;
  good: string;
  /** Extra invalid cases: [hcl, resource, line]. */
  more?: [string, string, number][];
  /** Extra valid cases. */
  alsoGood?: string[];
}

const FIXTURES: Record<string, Fixture> = {
  'redshift-not-encrypted': {
    bad: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  encrypted = false\n}\n',
    resource: 'aws_redshift_cluster.dw',
    line: 3,
    good: 'resource "aws_redshift_cluster" "dw" {\n  encrypted = true\n}\nresource "aws_redshift_cluster" "restored" {\n  snapshot_identifier = "snap-1"\n}\n',
    more: [['resource "aws_redshift_cluster" "dw" {\n  node_type = "ra3.xlplus"\n}\n', 'aws_redshift_cluster.dw', 1]],
  },
  'docdb-not-encrypted': {
    bad: 'resource "aws_docdb_cluster" "docs" {\n  engine = "docdb"\n}\n',
    resource: 'aws_docdb_cluster.docs',
    line: 1,
    good: 'resource "aws_docdb_cluster" "docs" {\n  storage_encrypted = true\n}\n',
  },
  'neptune-not-encrypted': {
    bad: 'resource "aws_neptune_cluster" "g" {\n  storage_encrypted = false\n}\n',
    resource: 'aws_neptune_cluster.g',
    line: 2,
    good: 'variable "enc" {\n  default = true\n}\nresource "aws_neptune_cluster" "g" {\n  storage_encrypted = var.enc\n}\n',
  },
  'ebs-volume-not-encrypted': {
    bad: 'resource "aws_ebs_volume" "data" {\n  availability_zone = "us-east-1a"\n  size = 10\n}\n',
    resource: 'aws_ebs_volume.data',
    line: 1,
    good: 'resource "aws_ebs_volume" "data" {\n  size = 10\n  encrypted = true\n}\n',
    alsoGood: ['resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\nresource "aws_ebs_volume" "data" {\n  size = 10\n}\n'],
  },
  'launch-block-device-not-encrypted': {
    bad: 'resource "aws_launch_template" "lt" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n    }\n  }\n}\n',
    resource: 'aws_launch_template.lt',
    line: 4,
    good: 'resource "aws_launch_template" "lt" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      encrypted = true\n    }\n  }\n}\nresource "aws_launch_template" "plain" {\n  image_id = "ami-1"\n}\n',
    more: [
      ['resource "aws_launch_configuration" "lc" {\n  image_id = "ami-1"\n  root_block_device {\n    encrypted = false\n  }\n}\n', 'aws_launch_configuration.lc', 4],
      ['resource "aws_instance" "web" {\n  ami = "ami-1"\n  ebs_block_device {\n    device_name = "/dev/sdb"\n  }\n}\n', 'aws_instance.web', 3],
      ['resource "aws_ami" "golden" {\n  name = "golden"\n  ebs_block_device {\n    device_name = "/dev/xvda"\n    snapshot_id = aws_ebs_snapshot.root.id\n    encrypted   = false\n  }\n}\n', 'aws_ami.golden', 6],
    ],
    alsoGood: ['resource "aws_ami" "golden" {\n  ebs_block_device {\n    device_name = "/dev/xvda"\n    encrypted   = true\n  }\n}\nresource "aws_ami" "plain" {\n  name = "plain"\n}\n'],
  },
  'efs-not-encrypted': {
    bad: 'resource "aws_efs_file_system" "fs" {\n  creation_token = "x"\n}\n',
    resource: 'aws_efs_file_system.fs',
    line: 1,
    good: 'resource "aws_efs_file_system" "fs" {\n  encrypted = true\n}\n',
  },
  'elasticache-at-rest-not-encrypted': {
    bad: 'resource "aws_elasticache_replication_group" "c" {\n  description = "x"\n  at_rest_encryption_enabled = false\n  transit_encryption_enabled = true\n}\n',
    resource: 'aws_elasticache_replication_group.c',
    line: 3,
    good: 'resource "aws_elasticache_replication_group" "c" {\n  at_rest_encryption_enabled = "true"\n}\n',
  },
  'elasticache-transit-not-encrypted': {
    bad: 'resource "aws_elasticache_replication_group" "c" {\n  at_rest_encryption_enabled = true\n}\n',
    resource: 'aws_elasticache_replication_group.c',
    line: 1,
    good: 'resource "aws_elasticache_replication_group" "c" {\n  transit_encryption_enabled = true\n}\nresource "aws_memorydb_cluster" "m" {\n  name = "m"\n}\n',
    more: [['resource "aws_memorydb_cluster" "m" {\n  tls_enabled = false\n}\n', 'aws_memorydb_cluster.m', 2]],
  },
  'opensearch-at-rest-not-encrypted': {
    bad: 'resource "aws_opensearch_domain" "s" {\n  domain_name = "s"\n}\n',
    resource: 'aws_opensearch_domain.s',
    line: 1,
    good: 'resource "aws_opensearch_domain" "s" {\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n',
    more: [['resource "aws_elasticsearch_domain" "e" {\n  encrypt_at_rest {\n    enabled = false\n  }\n}\n', 'aws_elasticsearch_domain.e', 3]],
  },
  'opensearch-node-to-node-not-encrypted': {
    bad: 'resource "aws_opensearch_domain" "s" {\n  node_to_node_encryption {\n    enabled = false\n  }\n}\n',
    resource: 'aws_opensearch_domain.s',
    line: 3,
    good: 'resource "aws_opensearch_domain" "s" {\n  node_to_node_encryption {\n    enabled = true\n  }\n}\n',
  },
  'opensearch-https-not-enforced': {
    bad: 'resource "aws_opensearch_domain" "s" {\n  domain_endpoint_options {\n    enforce_https = true\n    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"\n  }\n}\n',
    resource: 'aws_opensearch_domain.s',
    line: 4,
    good: 'resource "aws_opensearch_domain" "s" {\n  domain_endpoint_options {\n    enforce_https = true\n    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"\n  }\n}\n',
    more: [['resource "aws_elasticsearch_domain" "e" {\n  domain_name = "e"\n}\n', 'aws_elasticsearch_domain.e', 1]],
  },
  'kinesis-stream-not-encrypted': {
    bad: 'resource "aws_kinesis_stream" "k" {\n  name = "k"\n  encryption_type = "NONE"\n}\n',
    resource: 'aws_kinesis_stream.k',
    line: 3,
    good: 'resource "aws_kinesis_stream" "k" {\n  encryption_type = "KMS"\n  kms_key_id = "alias/aws/kinesis"\n}\n',
  },
  'msk-plaintext-traffic': {
    bad: 'resource "aws_msk_cluster" "m" {\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS_PLAINTEXT"\n    }\n  }\n}\n',
    resource: 'aws_msk_cluster.m',
    line: 4,
    good: 'resource "aws_msk_cluster" "m" {\n  cluster_name = "m"\n}\n',
  },
  'dax-not-encrypted': {
    bad: 'resource "aws_dax_cluster" "d" {\n  cluster_name = "d"\n}\n',
    resource: 'aws_dax_cluster.d',
    line: 1,
    good: 'resource "aws_dax_cluster" "d" {\n  server_side_encryption {\n    enabled = true\n  }\n}\n',
  },
  'athena-results-not-encrypted': {
    bad: 'resource "aws_athena_workgroup" "w" {\n  configuration {\n    result_configuration {\n      output_location = "s3://b/"\n    }\n  }\n}\n',
    resource: 'aws_athena_workgroup.w',
    line: 1,
    good: 'resource "aws_athena_workgroup" "w" {\n  configuration {\n    result_configuration {\n      encryption_configuration {\n        encryption_option = "SSE_KMS"\n      }\n    }\n  }\n}\n',
    more: [['resource "aws_athena_database" "db" {\n  name = "db"\n}\n', 'aws_athena_database.db', 1]],
  },
  'glue-encryption-disabled': {
    bad: 'resource "aws_glue_security_configuration" "g" {\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "DISABLED"\n    }\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n    }\n    s3_encryption {\n      s3_encryption_mode = "SSE-KMS"\n    }\n  }\n}\n',
    resource: 'aws_glue_security_configuration.g',
    line: 4,
    good: 'resource "aws_glue_security_configuration" "g" {\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "SSE-KMS"\n    }\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n    }\n    s3_encryption {\n      s3_encryption_mode = "SSE-S3"\n    }\n  }\n}\n',
  },
  'workspaces-volume-not-encrypted': {
    bad: 'resource "aws_workspaces_workspace" "w" {\n  root_volume_encryption_enabled = true\n}\n',
    resource: 'aws_workspaces_workspace.w',
    line: 1,
    good: 'resource "aws_workspaces_workspace" "w" {\n  root_volume_encryption_enabled = true\n  user_volume_encryption_enabled = true\n}\n',
  },
  'sns-topic-not-encrypted': {
    bad: 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n',
    resource: 'aws_sns_topic.t',
    line: 1,
    good: 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\n',
  },
  'sqs-queue-not-encrypted': {
    bad: 'resource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = false\n}\n',
    resource: 'aws_sqs_queue.q',
    line: 2,
    good: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\nresource "aws_sqs_queue" "k" {\n  sqs_managed_sse_enabled = false\n  kms_master_key_id = "alias/aws/sqs"\n}\n',
  },
  'mq-broker-without-cmk': {
    bad: 'resource "aws_mq_broker" "b" {\n  broker_name = "b"\n}\n',
    resource: 'aws_mq_broker.b',
    line: 1,
    good: 'resource "aws_mq_broker" "b" {\n  encryption_options {\n    use_aws_owned_key = false\n    kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/x"\n  }\n}\n',
  },
  'sagemaker-without-kms': {
    bad: 'resource "aws_sagemaker_notebook_instance" "n" {\n  name = "n"\n}\n',
    resource: 'aws_sagemaker_notebook_instance.n',
    line: 1,
    good: 'resource "aws_sagemaker_notebook_instance" "n" {\n  kms_key_id = "k"\n}\nresource "aws_sagemaker_endpoint_configuration" "e" {\n  kms_key_arn = "k"\n}\n',
    more: [['resource "aws_sagemaker_endpoint_configuration" "e" {\n  name = "e"\n}\n', 'aws_sagemaker_endpoint_configuration.e', 1]],
  },
  'ecr-repository-without-kms': {
    bad: 'resource "aws_ecr_repository" "r" {\n  encryption_configuration {\n    encryption_type = "AES256"\n  }\n}\n',
    resource: 'aws_ecr_repository.r',
    line: 3,
    good: 'resource "aws_ecr_repository" "r" {\n  encryption_configuration {\n    encryption_type = "KMS"\n  }\n}\n',
  },
  'secretsmanager-secret-without-cmk': {
    bad: 'resource "aws_secretsmanager_secret" "s" {\n  name = "s"\n}\n',
    resource: 'aws_secretsmanager_secret.s',
    line: 1,
    good: 'resource "aws_secretsmanager_secret" "s" {\n  kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/x"\n}\n',
  },
  'dynamodb-table-without-cmk': {
    bad: 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n}\n',
    resource: 'aws_dynamodb_table.t',
    line: 1,
    good: 'resource "aws_dynamodb_table" "t" {\n  server_side_encryption {\n    enabled = true\n  }\n}\n',
  },
  'eks-secrets-not-encrypted': {
    bad: 'resource "aws_eks_cluster" "e" {\n  name = "e"\n}\n',
    resource: 'aws_eks_cluster.e',
    line: 1,
    good: 'resource "aws_eks_cluster" "e" {\n  encryption_config {\n    resources = ["secrets"]\n  }\n}\n',
  },
  'cloudtrail-without-kms': {
    bad: 'resource "aws_cloudtrail" "t" {\n  name = "t"\n}\n',
    resource: 'aws_cloudtrail.t',
    line: 1,
    good: 'resource "aws_cloudtrail" "t" {\n  kms_key_id = "k"\n}\n',
  },
  'lb-outdated-tls-policy': {
    bad: 'resource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}\n',
    resource: 'aws_lb_listener.https',
    line: 3,
    good: 'resource "aws_lb_listener" "https" {\n  protocol = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\nresource "aws_lb_listener" "tcp" {\n  protocol = "TCP"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}\n',
  },
  'cloudfront-outdated-tls': {
    bad: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn = "arn"\n    minimum_protocol_version = "TLSv1"\n  }\n}\n',
    resource: 'aws_cloudfront_distribution.d',
    line: 4,
    good: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn = "arn"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\nresource "aws_cloudfront_distribution" "def" {\n  viewer_certificate {\n    cloudfront_default_certificate = true\n  }\n}\n',
  },
  'cloudfront-allows-http': {
    bad: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n}\n',
    resource: 'aws_cloudfront_distribution.d',
    line: 3,
    good: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n',
  },
  'apigw-domain-outdated-tls': {
    bad: 'resource "aws_api_gateway_domain_name" "d" {\n  domain_name = "api.example.com"\n  security_policy = "TLS_1_0"\n}\n',
    resource: 'aws_api_gateway_domain_name.d',
    line: 3,
    good: 'resource "aws_api_gateway_domain_name" "d" {\n  security_policy = "TLS_1_2"\n}\n',
  },
  'lb-http-without-redirect': {
    bad: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = "forward"\n  }\n}\n',
    resource: 'aws_lb_listener.http',
    line: 4,
    good: 'resource "aws_lb_listener" "http" {\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n  }\n}\n',
  },
  'publicly-accessible-data-service': {
    bad: 'resource "aws_redshift_cluster" "dw" {\n  publicly_accessible = true\n}\n',
    resource: 'aws_redshift_cluster.dw',
    line: 2,
    good: 'resource "aws_redshift_cluster" "dw" {\n  publicly_accessible = false\n}\nresource "aws_dms_replication_instance" "r" {\n  replication_instance_id = "r"\n}\n',
    more: [
      ['resource "aws_dms_replication_instance" "r" {\n  publicly_accessible = true\n}\n', 'aws_dms_replication_instance.r', 2],
      ['resource "aws_redshiftserverless_workgroup" "wg" {\n  namespace_name      = "ns"\n  publicly_accessible = true\n}\n', 'aws_redshiftserverless_workgroup.wg', 3],
    ],
  },
  'mq-broker-publicly-accessible': {
    bad: 'resource "aws_mq_broker" "b" {\n  publicly_accessible = true\n}\n',
    resource: 'aws_mq_broker.b',
    line: 2,
    good: 'resource "aws_mq_broker" "b" {\n  publicly_accessible = false\n}\n',
  },
  'msk-public-access': {
    bad: 'resource "aws_msk_cluster" "m" {\n  broker_node_group_info {\n    connectivity_info {\n      public_access {\n        type = "SERVICE_PROVIDED_EIPS"\n      }\n    }\n  }\n}\n',
    resource: 'aws_msk_cluster.m',
    line: 5,
    good: 'resource "aws_msk_cluster" "m" {\n  broker_node_group_info {\n    connectivity_info {\n      public_access {\n        type = "DISABLED"\n      }\n    }\n  }\n}\n',
  },
  'eks-public-endpoint': {
    bad: 'resource "aws_eks_cluster" "e" {\n  vpc_config {\n    subnet_ids = ["subnet-1"]\n  }\n}\n',
    resource: 'aws_eks_cluster.e',
    line: 2,
    good: 'resource "aws_eks_cluster" "e" {\n  vpc_config {\n    endpoint_public_access = false\n  }\n}\nresource "aws_eks_cluster" "f" {\n  vpc_config {\n    public_access_cidrs = ["203.0.113.0/24"]\n  }\n}\n',
    more: [['resource "aws_eks_cluster" "e" {\n  vpc_config {\n    endpoint_public_access = true\n    public_access_cidrs = ["0.0.0.0/0"]\n  }\n}\n', 'aws_eks_cluster.e', 3]],
  },
  'subnet-maps-public-ip': {
    bad: 'resource "aws_subnet" "app" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n}\n',
    resource: 'aws_subnet.app',
    line: 3,
    good: 'resource "aws_subnet" "priv" {\n  vpc_id = "vpc-1"\n}\nresource "aws_subnet" "public" {\n  map_public_ip_on_launch = true\n}\n',
    more: [['resource "aws_default_subnet" "d" {\n  availability_zone = "us-east-1a"\n}\n', 'aws_default_subnet.d', 1]],
  },
  'sagemaker-notebook-direct-internet': {
    bad: 'resource "aws_sagemaker_notebook_instance" "n" {\n  name = "n"\n}\n',
    resource: 'aws_sagemaker_notebook_instance.n',
    line: 1,
    good: 'resource "aws_sagemaker_notebook_instance" "n" {\n  direct_internet_access = "Disabled"\n}\n',
  },
  'lambda-url-without-auth': {
    bad: 'resource "aws_lambda_function_url" "u" {\n  function_name = "f"\n  authorization_type = "NONE"\n}\n',
    resource: 'aws_lambda_function_url.u',
    line: 3,
    good: 'resource "aws_lambda_function_url" "u" {\n  authorization_type = "AWS_IAM"\n}\n',
  },
  'cloudtrail-not-multi-region': {
    bad: 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = false\n}\n',
    resource: 'aws_cloudtrail.t',
    line: 2,
    good: 'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = true\n}\n',
  },
  'cloudtrail-log-validation-disabled': {
    bad: 'resource "aws_cloudtrail" "t" {\n  name = "t"\n}\n',
    resource: 'aws_cloudtrail.t',
    line: 1,
    good: 'resource "aws_cloudtrail" "t" {\n  enable_log_file_validation = true\n}\n',
  },
  'cloudtrail-without-cloudwatch-logs': {
    bad: 'resource "aws_cloudtrail" "t" {\n  name = "t"\n}\n',
    resource: 'aws_cloudtrail.t',
    line: 1,
    good: 'resource "aws_cloudtrail" "t" {\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.t.arn}:*"\n}\n',
  },
  'rds-log-exports-missing': {
    bad: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  enabled_cloudwatch_logs_exports = []\n}\n',
    resource: 'aws_db_instance.db',
    line: 3,
    good: 'resource "aws_db_instance" "db" {\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}\nresource "aws_db_instance" "replica" {\n  replicate_source_db = "db"\n}\n',
    more: [['resource "aws_docdb_cluster" "d" {\n  engine = "docdb"\n}\n', 'aws_docdb_cluster.d', 1]],
  },
  'eks-control-plane-logging-missing': {
    bad: 'resource "aws_eks_cluster" "e" {\n  name = "e"\n}\n',
    resource: 'aws_eks_cluster.e',
    line: 1,
    good: 'resource "aws_eks_cluster" "e" {\n  enabled_cluster_log_types = ["api", "audit"]\n}\n',
  },
  'mq-broker-logging-missing': {
    bad: 'resource "aws_mq_broker" "b" {\n  logs {\n    general = false\n  }\n}\n',
    resource: 'aws_mq_broker.b',
    line: 3,
    good: 'resource "aws_mq_broker" "b" {\n  logs {\n    general = true\n  }\n}\n',
    // ActiveMQ brokers also publish audit logs; RabbitMQ has none.
    more: [['resource "aws_mq_broker" "b" {\n  engine_type = "ActiveMQ"\n  logs {\n    general = true\n  }\n}\n', 'aws_mq_broker.b', 3]],
    alsoGood: [
      'resource "aws_mq_broker" "b" {\n  engine_type = "ActiveMQ"\n  logs {\n    general = true\n    audit   = true\n  }\n}\n',
      'resource "aws_mq_broker" "r" {\n  engine_type = "RabbitMQ"\n  logs {\n    general = true\n  }\n}\n',
    ],
  },
  'msk-broker-logging-missing': {
    bad: 'resource "aws_msk_cluster" "m" {\n  cluster_name = "m"\n}\n',
    resource: 'aws_msk_cluster.m',
    line: 1,
    good: 'resource "aws_msk_cluster" "m" {\n  logging_info {\n    broker_logs {\n      s3 {\n        enabled = true\n      }\n    }\n  }\n}\n',
  },
  'opensearch-logging-missing': {
    bad: 'resource "aws_opensearch_domain" "s" {\n  domain_name = "s"\n}\n',
    resource: 'aws_opensearch_domain.s',
    line: 1,
    good: 'resource "aws_opensearch_domain" "s" {\n  log_publishing_options {\n    log_type = "AUDIT_LOGS"\n  }\n}\n',
  },
  'lb-access-logs-disabled': {
    bad: 'resource "aws_lb" "a" {\n  access_logs {\n    bucket = "logs"\n  }\n}\n',
    resource: 'aws_lb.a',
    line: 2,
    good: 'resource "aws_lb" "a" {\n  access_logs {\n    bucket = "logs"\n    enabled = true\n  }\n}\nresource "aws_elb" "c" {\n  access_logs {\n    bucket = "logs"\n  }\n}\n',
    more: [['resource "aws_elb" "c" {\n  name = "c"\n}\n', 'aws_elb.c', 1]],
  },
  'cloudfront-logging-missing': {
    bad: 'resource "aws_cloudfront_distribution" "d" {\n  enabled = true\n}\n',
    resource: 'aws_cloudfront_distribution.d',
    line: 1,
    good: 'resource "aws_cloudfront_distribution" "d" {\n  logging_config {\n    bucket = "logs.s3.amazonaws.com"\n  }\n}\n',
  },
  'instance-imdsv1-allowed': {
    bad: 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n',
    resource: 'aws_instance.web',
    line: 4,
    good: 'resource "aws_launch_template" "lt" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n',
    more: [['resource "aws_launch_template" "lt" {\n  image_id = "ami-1"\n}\n', 'aws_launch_template.lt', 1]],
  },
  'ecr-scan-on-push-disabled': {
    bad: 'resource "aws_ecr_repository" "r" {\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}\n',
    resource: 'aws_ecr_repository.r',
    line: 3,
    good: 'resource "aws_ecr_repository" "r" {\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
  },
  'ecr-mutable-tags': {
    bad: 'resource "aws_ecr_repository" "r" {\n  image_tag_mutability = "MUTABLE"\n}\n',
    resource: 'aws_ecr_repository.r',
    line: 2,
    good: 'resource "aws_ecr_repository" "r" {\n  image_tag_mutability = "IMMUTABLE"\n}\n',
  },
  'alb-invalid-headers-not-dropped': {
    bad: 'resource "aws_lb" "app" {\n  name = "app"\n}\n',
    resource: 'aws_lb.app',
    line: 1,
    good: 'resource "aws_lb" "app" {\n  drop_invalid_header_fields = true\n}\nresource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n}\n',
  },
  'iam-password-policy-weak': {
    bad: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 8\n  password_reuse_prevention = 24\n  max_password_age = 90\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n  require_numbers = true\n  require_symbols = true\n}\n',
    resource: 'aws_iam_account_password_policy.p',
    line: 2,
    good: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n  password_reuse_prevention = 24\n  max_password_age = 60\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n  require_numbers = true\n  require_symbols = true\n}\n',
    more: [['resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 16\n}\n', 'aws_iam_account_password_policy.p', 1]],
  },
  'rds-iam-auth-disabled': {
    bad: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n',
    resource: 'aws_db_instance.db',
    line: 1,
    good: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  iam_database_authentication_enabled = true\n}\nresource "aws_db_instance" "ora" {\n  engine = "oracle-ee"\n}\n',
  },
  'rds-auto-minor-upgrade-disabled': {
    bad: 'resource "aws_db_instance" "db" {\n  auto_minor_version_upgrade = false\n}\n',
    resource: 'aws_db_instance.db',
    line: 2,
    good: 'resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n',
  },
  'sagemaker-notebook-root-access': {
    bad: 'resource "aws_sagemaker_notebook_instance" "n" {\n  root_access = "Enabled"\n}\n',
    resource: 'aws_sagemaker_notebook_instance.n',
    line: 2,
    good: 'resource "aws_sagemaker_notebook_instance" "n" {\n  root_access = "Disabled"\n}\n',
  },
  'guardduty-detector-disabled': {
    bad: 'resource "aws_guardduty_detector" "d" {\n  enable = false\n}\n',
    resource: 'aws_guardduty_detector.d',
    line: 2,
    good: 'resource "aws_guardduty_detector" "d" {}\n',
  },
  'cloudfront-without-waf': {
    bad: 'resource "aws_cloudfront_distribution" "d" {\n  enabled = true\n}\n',
    resource: 'aws_cloudfront_distribution.d',
    line: 1,
    good: 'resource "aws_cloudfront_distribution" "d" {\n  web_acl_id = aws_wafv2_web_acl.edge.arn\n}\n',
  },
  'codebuild-artifacts-not-encrypted': {
    bad: 'resource "aws_codebuild_project" "b" {\n  artifacts {\n    type = "S3"\n    encryption_disabled = true\n  }\n}\n',
    resource: 'aws_codebuild_project.b',
    line: 4,
    good: 'resource "aws_codebuild_project" "b" {\n  artifacts {\n    type = "NO_ARTIFACTS"\n  }\n}\n',
  },
  'backup-vault-without-cmk': {
    bad: 'resource "aws_backup_vault" "v" {\n  name = "v"\n}\n',
    resource: 'aws_backup_vault.v',
    line: 1,
    good: 'resource "aws_backup_vault" "v" {\n  kms_key_arn = aws_kms_key.b.arn\n}\n',
  },
  'log-group-without-kms': {
    bad: 'resource "aws_cloudwatch_log_group" "app" {\n  name = "/app"\n}\n',
    resource: 'aws_cloudwatch_log_group.app',
    line: 1,
    good: 'resource "aws_cloudwatch_log_group" "app" {\n  kms_key_id = aws_kms_key.logs.arn\n}\n',
  },
  'firehose-not-encrypted': {
    bad: 'resource "aws_kinesis_firehose_delivery_stream" "events" {\n  name        = "events"\n  destination = "extended_s3"\n}\n',
    resource: 'aws_kinesis_firehose_delivery_stream.events',
    line: 1,
    good: 'resource "aws_kinesis_firehose_delivery_stream" "events" {\n  server_side_encryption {\n    enabled  = true\n    key_type = "CUSTOMER_MANAGED_CMK"\n  }\n}\n',
    more: [['resource "aws_kinesis_firehose_delivery_stream" "e" {\n  server_side_encryption {\n    enabled = false\n  }\n}\n', 'aws_kinesis_firehose_delivery_stream.e', 3]],
    // Reading from a Kinesis stream: the source's encryption applies, SSE cannot be set.
    alsoGood: ['resource "aws_kinesis_firehose_delivery_stream" "from_stream" {\n  kinesis_source_configuration {\n    kinesis_stream_arn = aws_kinesis_stream.s.arn\n  }\n}\n'],
  },
  'ecs-efs-volume-transit-not-encrypted': {
    bad: 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  volume {\n    name = "shared"\n    efs_volume_configuration {\n      file_system_id = aws_efs_file_system.fs.id\n    }\n  }\n}\n',
    resource: 'aws_ecs_task_definition.app',
    line: 5,
    good: 'resource "aws_ecs_task_definition" "app" {\n  volume {\n    name = "shared"\n    efs_volume_configuration {\n      file_system_id     = aws_efs_file_system.fs.id\n      transit_encryption = "ENABLED"\n    }\n  }\n}\n',
    more: [['resource "aws_ecs_task_definition" "t" {\n  volume {\n    name = "v"\n    efs_volume_configuration {\n      transit_encryption = "DISABLED"\n    }\n  }\n}\n', 'aws_ecs_task_definition.t', 5]],
    // A task without EFS volumes (bind mounts, no volumes) is out of scope.
    alsoGood: ['resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  volume {\n    name = "scratch"\n  }\n}\n'],
  },
  'apigw-cache-not-encrypted': {
    bad: 'resource "aws_api_gateway_method_settings" "all" {\n  method_path = "*/*"\n  settings {\n    caching_enabled = true\n  }\n}\n',
    resource: 'aws_api_gateway_method_settings.all',
    line: 3,
    good: 'resource "aws_api_gateway_method_settings" "all" {\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = true\n  }\n}\n',
    more: [['resource "aws_api_gateway_method_settings" "m" {\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = false\n  }\n}\n', 'aws_api_gateway_method_settings.m', 4]],
    // No cache, nothing cached to encrypt.
    alsoGood: ['resource "aws_api_gateway_method_settings" "all" {\n  settings {\n    metrics_enabled = true\n  }\n}\n'],
  },
  'msk-at-rest-without-cmk': {
    bad: 'resource "aws_msk_cluster" "k" {\n  cluster_name = "k"\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n    }\n  }\n}\n',
    resource: 'aws_msk_cluster.k',
    line: 3,
    good: 'resource "aws_msk_cluster" "k" {\n  encryption_info {\n    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn\n  }\n}\n',
    more: [['resource "aws_msk_cluster" "bare" {\n  cluster_name = "k"\n}\n', 'aws_msk_cluster.bare', 1]],
  },
  'ami-launch-permission-public': {
    bad: 'resource "aws_ami_launch_permission" "share" {\n  image_id = aws_ami.app.id\n  group    = "all"\n}\n',
    resource: 'aws_ami_launch_permission.share',
    line: 3,
    good: 'resource "aws_ami_launch_permission" "share" {\n  image_id   = aws_ami.app.id\n  account_id = "123456789012"\n}\n',
  },
  'instance-public-ip': {
    bad: 'resource "aws_instance" "app" {\n  ami                         = "ami-123"\n  associate_public_ip_address = true\n}\n',
    resource: 'aws_instance.app',
    line: 3,
    good: 'resource "aws_instance" "app" {\n  ami = "ami-123"\n}\nresource "aws_instance" "bastion" {\n  associate_public_ip_address = true\n}\n',
    more: [
      ['resource "aws_launch_template" "workers" {\n  network_interfaces {\n    associate_public_ip_address = "true"\n  }\n}\n', 'aws_launch_template.workers', 3],
      ['resource "aws_launch_configuration" "lc" {\n  associate_public_ip_address = true\n}\n', 'aws_launch_configuration.lc', 2],
      ['resource "aws_ecs_service" "api" {\n  network_configuration {\n    subnets          = aws_subnet.private[*].id\n    assign_public_ip = true\n  }\n}\n', 'aws_ecs_service.api', 4],
    ],
    alsoGood: [
      'resource "aws_launch_template" "workers" {\n  network_interfaces {\n    associate_public_ip_address = false\n  }\n}\n',
      'resource "aws_ecs_service" "api" {\n  network_configuration {\n    subnets = aws_subnet.private[*].id\n  }\n}\n',
    ],
  },
  'opensearch-domain-outside-vpc': {
    bad: 'resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n}\n',
    resource: 'aws_opensearch_domain.search',
    line: 1,
    good: 'resource "aws_opensearch_domain" "search" {\n  vpc_options {\n    subnet_ids = [aws_subnet.private[0].id]\n  }\n}\n',
    more: [['resource "aws_elasticsearch_domain" "es" {\n  vpc_options {\n    subnet_ids = []\n  }\n}\n', 'aws_elasticsearch_domain.es', 3]],
  },
  'apigw-stage-xray-disabled': {
    bad: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name = "prod"\n}\n',
    resource: 'aws_api_gateway_stage.prod',
    line: 1,
    good: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name           = "prod"\n  xray_tracing_enabled = true\n}\n',
    more: [['resource "aws_api_gateway_stage" "s" {\n  xray_tracing_enabled = false\n}\n', 'aws_api_gateway_stage.s', 2]],
  },
  'apigw-execution-logging-disabled': {
    bad: 'resource "aws_api_gateway_method_settings" "all" {\n  method_path = "*/*"\n  settings {\n    metrics_enabled = true\n    logging_level   = "OFF"\n  }\n}\n',
    resource: 'aws_api_gateway_method_settings.all',
    line: 5,
    good: 'resource "aws_api_gateway_method_settings" "all" {\n  method_path = "*/*"\n  settings {\n    logging_level = "ERROR"\n  }\n}\n',
    more: [['resource "aws_api_gateway_method_settings" "m" {\n  settings {\n    metrics_enabled = true\n  }\n}\n', 'aws_api_gateway_method_settings.m', 2]],
  },
  'redshift-audit-logging-disabled': {
    bad: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n}\n',
    resource: 'aws_redshift_cluster.dw',
    line: 1,
    good: 'resource "aws_redshift_cluster" "dw" {\n  logging {\n    enable = true\n  }\n}\n',
    // A logging resource for another cluster does not cover this one.
    more: [['resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n}\nresource "aws_redshift_logging" "other" {\n  cluster_identifier = aws_redshift_cluster.other.id\n}\n', 'aws_redshift_cluster.dw', 1]],
    // Logging configured by the separate resource the provider recommends.
    alsoGood: ['resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n}\nresource "aws_redshift_logging" "dw" {\n  cluster_identifier   = aws_redshift_cluster.dw.id\n  log_destination_type = "cloudwatch"\n}\n'],
  },
  // ---- breadth checks added for issue 21 (observations) ----
  's3-bucket-without-cmk': {
    bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n',
    resource: 'aws_s3_bucket.data',
    line: 1,
    good: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.s3.arn\n    }\n  }\n}\n',
    more: [
      ['resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n', 'aws_s3_bucket.data', 1],
      ['resource "aws_s3_bucket" "data" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}\n', 'aws_s3_bucket.data', 5],
    ],
    alsoGood: [
      // Inline (provider v3) configuration, the separate resource by literal bucket name, an unknown algorithm, a log bucket.
      'resource "aws_s3_bucket" "data" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "aws:kms"\n      }\n    }\n  }\n}\n',
      'resource "aws_s3_bucket" "data" {\n  bucket = "my-data"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = "my-data"\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms:dsse"\n    }\n  }\n}\n',
      'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = var.sse_algorithm\n    }\n  }\n}\n',
      'resource "aws_s3_bucket" "access_logs" {\n  bucket = "alb-access-logs"\n}\n',
    ],
  },
  'rds-performance-insights-without-cmk': {
    bad: 'resource "aws_db_instance" "db" {\n  engine                       = "postgres"\n  performance_insights_enabled = true\n}\n',
    resource: 'aws_db_instance.db',
    line: 1,
    good: 'resource "aws_db_instance" "db" {\n  performance_insights_enabled    = true\n  performance_insights_kms_key_id = aws_kms_key.rds.arn\n}\nresource "aws_db_instance" "off" {\n  engine = "postgres"\n}\n',
    more: [['resource "aws_rds_cluster" "c" {\n  performance_insights_enabled    = true\n  performance_insights_kms_key_id = ""\n}\n', 'aws_rds_cluster.c', 3]],
  },
  'codebuild-project-without-cmk': {
    bad: 'resource "aws_codebuild_project" "build" {\n  name = "build"\n}\n',
    resource: 'aws_codebuild_project.build',
    line: 1,
    good: 'resource "aws_codebuild_project" "build" {\n  encryption_key = aws_kms_key.build.arn\n}\n',
  },
  'cloudfront-origin-insecure-protocol': {
    bad: 'resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    origin_id = "api"\n    custom_origin_config {\n      origin_protocol_policy = "http-only"\n    }\n  }\n}\n',
    resource: 'aws_cloudfront_distribution.cdn',
    line: 5,
    good: 'resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    origin_id = "api"\n    custom_origin_config {\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n}\n',
    more: [['resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    custom_origin_config {\n      origin_protocol_policy = "match-viewer"\n      origin_ssl_protocols   = ["SSLv3", "TLSv1.2"]\n    }\n  }\n}\n', 'aws_cloudfront_distribution.cdn', 5]],
    alsoGood: ['resource "aws_cloudfront_distribution" "cdn" {\n  origin {\n    origin_id = "s3"\n    s3_origin_config {\n      origin_access_identity = "x"\n    }\n  }\n}\n'],
  },
  'transfer-server-plain-ftp': {
    bad: 'resource "aws_transfer_server" "ftp" {\n  protocols = ["SFTP", "FTP"]\n}\n',
    resource: 'aws_transfer_server.ftp',
    line: 2,
    good: 'resource "aws_transfer_server" "sftp" {\n  protocols = ["SFTP"]\n}\nresource "aws_transfer_server" "default" {\n  identity_provider_type = "SERVICE_MANAGED"\n}\n',
  },
  'elb-classic-plain-listener': {
    bad: 'resource "aws_elb" "web" {\n  listener {\n    instance_port     = 80\n    instance_protocol = "http"\n    lb_port           = 80\n    lb_protocol       = "http"\n  }\n}\n',
    resource: 'aws_elb.web',
    line: 6,
    good: 'resource "aws_elb" "web" {\n  listener {\n    instance_port      = 80\n    instance_protocol  = "http"\n    lb_port            = 443\n    lb_protocol        = "https"\n    ssl_certificate_id = aws_acm_certificate.web.arn\n  }\n}\n',
  },
  's3-bucket-logging-missing': {
    bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n',
    resource: 'aws_s3_bucket.data',
    line: 1,
    good: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n}\nresource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
    // Logging for another bucket does not cover this one.
    more: [['resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_logging" "other" {\n  bucket        = aws_s3_bucket.other.id\n  target_bucket = "logs"\n}\n', 'aws_s3_bucket.data', 1]],
    alsoGood: [
      'resource "aws_s3_bucket" "data" {\n  logging {\n    target_bucket = "logs"\n  }\n}\n',
      'resource "aws_s3_bucket" "data" {\n  bucket = "my-data"\n}\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = "my-data"\n  target_bucket = var.log_bucket\n}\n',
    ],
  },
  'vpc-flow-logs-missing': {
    bad: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    resource: 'aws_vpc.main',
    line: 1,
    good: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_flow_log" "main" {\n  vpc_id       = aws_vpc.main.id\n  traffic_type = "ALL"\n}\n',
    more: [['resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_flow_log" "other" {\n  vpc_id = aws_vpc.other.id\n}\n', 'aws_vpc.main', 1]],
    // A flow log on an input VPC id may be this VPC (a module wired by its caller): not guessed.
    alsoGood: ['resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_flow_log" "main" {\n  vpc_id       = var.vpc_id\n  traffic_type = "ALL"\n}\n'],
  },
  'wafv2-logging-missing': {
    bad: 'resource "aws_wafv2_web_acl" "api" {\n  name  = "api"\n  scope = "REGIONAL"\n}\n',
    resource: 'aws_wafv2_web_acl.api',
    line: 1,
    good: 'resource "aws_wafv2_web_acl" "api" {\n  name = "api"\n}\nresource "aws_wafv2_web_acl_logging_configuration" "api" {\n  resource_arn            = aws_wafv2_web_acl.api.arn\n  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]\n}\n',
  },
  'lambda-tracing-disabled': {
    bad: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n}\n',
    resource: 'aws_lambda_function.fn',
    line: 1,
    good: 'resource "aws_lambda_function" "fn" {\n  tracing_config {\n    mode = "Active"\n  }\n}\n',
    // PassThrough only forwards an upstream sampling decision: the function itself is not traced.
    more: [['resource "aws_lambda_function" "fn" {\n  tracing_config {\n    mode = "PassThrough"\n  }\n}\n', 'aws_lambda_function.fn', 3]],
    alsoGood: ['resource "aws_lambda_function" "fn" {\n  tracing_config {\n    mode = var.tracing_mode\n  }\n}\n'],
  },
  'rds-enhanced-monitoring-disabled': {
    bad: 'resource "aws_db_instance" "db" {\n  engine              = "mysql"\n  monitoring_interval = 0\n}\n',
    resource: 'aws_db_instance.db',
    line: 3,
    good: 'resource "aws_db_instance" "db" {\n  monitoring_interval = 60\n  monitoring_role_arn = aws_iam_role.monitoring.arn\n}\nresource "aws_rds_cluster_instance" "i" {\n  monitoring_interval = var.interval\n}\n',
    more: [['resource "aws_rds_cluster_instance" "i" {\n  instance_class = "db.r6g.large"\n}\n', 'aws_rds_cluster_instance.i', 1]],
  },
  'rds-performance-insights-disabled': {
    bad: 'resource "aws_db_instance" "db" {\n  instance_class = "db.m6g.large"\n}\n',
    resource: 'aws_db_instance.db',
    line: 1,
    good: 'resource "aws_db_instance" "db" {\n  instance_class               = "db.m6g.large"\n  performance_insights_enabled = true\n}\nresource "aws_db_instance" "small" {\n  instance_class = "db.t3.micro"\n}\n',
    more: [['resource "aws_rds_cluster_instance" "i" {\n  performance_insights_enabled = false\n}\n', 'aws_rds_cluster_instance.i', 2]],
  },
  'ecs-cluster-container-insights-disabled': {
    bad: 'resource "aws_ecs_cluster" "main" {\n  name = "main"\n}\n',
    resource: 'aws_ecs_cluster.main',
    line: 1,
    good: 'resource "aws_ecs_cluster" "main" {\n  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n}\n',
    more: [['resource "aws_ecs_cluster" "main" {\n  setting {\n    name  = "containerInsights"\n    value = "disabled"\n  }\n}\n', 'aws_ecs_cluster.main', 4]],
    alsoGood: ['resource "aws_ecs_cluster" "main" {\n  setting {\n    name  = "containerInsights"\n    value = "enhanced"\n  }\n}\n'],
  },
  'instance-detailed-monitoring-disabled': {
    bad: 'resource "aws_instance" "app" {\n  ami = "ami-1"\n}\n',
    resource: 'aws_instance.app',
    line: 1,
    good: 'resource "aws_instance" "app" {\n  monitoring = true\n}\n',
  },
  's3-bucket-versioning-disabled': {
    bad: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\n',
    resource: 'aws_s3_bucket.data',
    line: 1,
    good: 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    more: [
      ['resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n', 'aws_s3_bucket.data', 1],
      ['resource "aws_s3_bucket" "data" {\n  versioning {\n    enabled = false\n  }\n}\n', 'aws_s3_bucket.data', 3],
    ],
    alsoGood: [
      'resource "aws_s3_bucket" "data" {\n  versioning {\n    enabled = true\n  }\n}\n',
      'resource "aws_s3_bucket" "data" {\n  bucket = "my-data"\n}\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = "my-data"\n  versioning_configuration {\n    status = var.status\n  }\n}\n',
      'resource "aws_s3_bucket" "logs" {\n  bucket = "app-logs"\n}\n',
    ],
  },
  'elasticache-backup-disabled': {
    bad: 'resource "aws_elasticache_replication_group" "cache" {\n  description = "cache"\n}\n',
    resource: 'aws_elasticache_replication_group.cache',
    line: 1,
    good: 'resource "aws_elasticache_replication_group" "cache" {\n  snapshot_retention_limit = 7\n}\nresource "aws_elasticache_cluster" "mc" {\n  engine = "memcached"\n}\nresource "aws_elasticache_cluster" "member" {\n  replication_group_id = aws_elasticache_replication_group.cache.id\n}\n',
    more: [['resource "aws_elasticache_cluster" "redis" {\n  engine                   = "redis"\n  node_type                = "cache.m5.large"\n  snapshot_retention_limit = 0\n}\n', 'aws_elasticache_cluster.redis', 4]],
    alsoGood: ['resource "aws_elasticache_cluster" "redis" {\n  engine    = "redis"\n  node_type = "cache.t1.micro"\n}\n'],
  },
  'lambda-without-dlq': {
    bad: 'resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n}\n',
    resource: 'aws_lambda_function.worker',
    line: 1,
    good: 'resource "aws_lambda_function" "worker" {\n  dead_letter_config {\n    target_arn = aws_sqs_queue.dlq.arn\n  }\n}\n',
    more: [['resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n}\nresource "aws_lambda_function_event_invoke_config" "worker" {\n  function_name          = aws_lambda_function.worker.function_name\n  maximum_retry_attempts = 0\n}\n', 'aws_lambda_function.worker', 1]],
    alsoGood: ['resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n}\nresource "aws_lambda_function_event_invoke_config" "worker" {\n  function_name = aws_lambda_function.worker.function_name\n  destination_config {\n    on_failure {\n      destination = aws_sqs_queue.failed.arn\n    }\n  }\n}\n'],
  },
  'secretsmanager-rotation-missing': {
    bad: 'resource "aws_secretsmanager_secret" "db" {\n  name = "db"\n}\n',
    resource: 'aws_secretsmanager_secret.db',
    line: 1,
    good: 'resource "aws_secretsmanager_secret" "db" {\n  name = "db"\n}\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n}\n',
    alsoGood: ['resource "aws_secretsmanager_secret" "db" {\n  rotation_lambda_arn = "arn"\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n'],
  },
  'rds-multi-az-disabled': {
    bad: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  multi_az = false\n}\n',
    resource: 'aws_db_instance.db',
    line: 3,
    good: 'resource "aws_db_instance" "db" {\n  multi_az = true\n}\nresource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\nresource "aws_db_instance" "v" {\n  multi_az = var.multi_az\n}\n',
    more: [['resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n', 'aws_db_instance.db', 1]],
  },
  'lambda-not-in-vpc': {
    bad: 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n}\n',
    resource: 'aws_lambda_function.fn',
    line: 1,
    good: 'resource "aws_lambda_function" "fn" {\n  vpc_config {\n    subnet_ids         = aws_subnet.private[*].id\n    security_group_ids = [aws_security_group.fn.id]\n  }\n}\n',
    more: [['resource "aws_lambda_function" "fn" {\n  vpc_config {\n    subnet_ids         = []\n    security_group_ids = []\n  }\n}\n', 'aws_lambda_function.fn', 3]],
  },
  'apigw-method-without-auth': {
    bad: 'resource "aws_api_gateway_method" "get" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  http_method   = "GET"\n  authorization = "NONE"\n}\n',
    resource: 'aws_api_gateway_method.get',
    line: 4,
    good: 'resource "aws_api_gateway_method" "get" {\n  http_method   = "GET"\n  authorization = "COGNITO_USER_POOLS"\n  authorizer_id = aws_api_gateway_authorizer.cognito.id\n}\nresource "aws_api_gateway_method" "options" {\n  http_method   = "OPTIONS"\n  authorization = "NONE"\n}\n',
    more: [['resource "aws_apigatewayv2_route" "get" {\n  api_id             = aws_apigatewayv2_api.http.id\n  route_key          = "GET /orders"\n  authorization_type = "NONE"\n}\n', 'aws_apigatewayv2_route.get', 4]],
    alsoGood: [
      'resource "aws_api_gateway_method" "post" {\n  http_method      = "POST"\n  authorization    = "NONE"\n  api_key_required = true\n}\n',
      'resource "aws_apigatewayv2_route" "get" {\n  route_key          = "GET /orders"\n  authorization_type = "JWT"\n  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id\n}\nresource "aws_apigatewayv2_route" "preflight" {\n  route_key = "OPTIONS /orders"\n}\nresource "aws_apigatewayv2_route" "ws" {\n  route_key = "$disconnect"\n}\n',
    ],
  },
  'elasticache-auth-token-missing': {
    bad: 'resource "aws_elasticache_replication_group" "cache" {\n  description                = "cache"\n  transit_encryption_enabled = true\n}\n',
    resource: 'aws_elasticache_replication_group.cache',
    line: 1,
    good: 'resource "aws_elasticache_replication_group" "cache" {\n  transit_encryption_enabled = true\n  auth_token                 = random_password.redis.result\n}\nresource "aws_elasticache_replication_group" "rbac" {\n  transit_encryption_enabled = true\n  user_group_ids             = [aws_elasticache_user_group.app.id]\n}\n',
  },
  'codebuild-privileged-mode': {
    bad: 'resource "aws_codebuild_project" "build" {\n  environment {\n    image           = "aws/codebuild/standard:7.0"\n    privileged_mode = true\n  }\n}\n',
    resource: 'aws_codebuild_project.build',
    line: 4,
    good: 'resource "aws_codebuild_project" "build" {\n  environment {\n    image = "aws/codebuild/standard:7.0"\n  }\n}\n',
  },
  'ssm-parameter-secret-not-securestring': {
    bad: 'resource "aws_ssm_parameter" "db_password" {\n  name  = "/app/db/password"\n  type  = "String"\n  value = random_password.db.result\n}\n',
    resource: 'aws_ssm_parameter.db_password',
    line: 3,
    good: 'resource "aws_ssm_parameter" "db_password" {\n  name  = "/app/db/password"\n  type  = "SecureString"\n  value = random_password.db.result\n}\nresource "aws_ssm_parameter" "endpoint" {\n  name  = "/app/db/endpoint"\n  type  = "String"\n  value = aws_db_instance.db.address\n}\n',
    more: [['resource "aws_ssm_parameter" "token" {\n  name  = "/app/api_key"\n  type  = "StringList"\n}\n', 'aws_ssm_parameter.token', 3]],
  },
  'sg-rule-without-description': {
    bad: 'resource "aws_security_group" "app" {\n  name        = "app"\n  description = "app tier"\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n',
    resource: 'aws_security_group.app',
    line: 4,
    good: 'resource "aws_security_group" "app" {\n  description = "app tier"\n  ingress {\n    description = "HTTPS from the VPC"\n    from_port   = 443\n  }\n  egress {\n    description = "to the VPC"\n    from_port   = 0\n  }\n}\nresource "aws_vpc_security_group_ingress_rule" "https" {\n  description = "HTTPS from the ALB"\n  from_port   = 443\n}\n',
    more: [
      ['resource "aws_security_group" "app" {\n  name = "app"\n}\n', 'aws_security_group.app', 1],
      ['resource "aws_security_group_rule" "ssh" {\n  type      = "ingress"\n  from_port = 22\n}\n', 'aws_security_group_rule.ssh', 1],
    ],
  },
  'eks-node-group-ssh-open': {
    bad: 'resource "aws_eks_node_group" "workers" {\n  node_group_name = "workers"\n  remote_access {\n    ec2_ssh_key = "admin"\n  }\n}\n',
    resource: 'aws_eks_node_group.workers',
    line: 3,
    good: 'resource "aws_eks_node_group" "workers" {\n  remote_access {\n    ec2_ssh_key               = "admin"\n    source_security_group_ids = [aws_security_group.admin.id]\n  }\n}\nresource "aws_eks_node_group" "plain" {\n  node_group_name = "plain"\n}\n',
  },
  'mwaa-webserver-public': {
    bad: 'resource "aws_mwaa_environment" "airflow" {\n  name                  = "airflow"\n  webserver_access_mode = "PUBLIC_ONLY"\n}\n',
    resource: 'aws_mwaa_environment.airflow',
    line: 3,
    good: 'resource "aws_mwaa_environment" "airflow" {\n  name = "airflow"\n}\nresource "aws_mwaa_environment" "private" {\n  webserver_access_mode = "PRIVATE_ONLY"\n}\n',
  },
  'lb-desync-mitigation-monitor': {
    bad: 'resource "aws_lb" "app" {\n  name                   = "app"\n  desync_mitigation_mode = "monitor"\n}\n',
    resource: 'aws_lb.app',
    line: 3,
    good: 'resource "aws_lb" "app" {\n  name = "app"\n}\nresource "aws_elb" "classic" {\n  desync_mitigation_mode = "strictest"\n}\n',
  },
  'redshift-enhanced-vpc-routing-disabled': {
    bad: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n}\n',
    resource: 'aws_redshift_cluster.dw',
    line: 1,
    good: 'resource "aws_redshift_cluster" "dw" {\n  enhanced_vpc_routing = true\n}\n',
  },
  'config-aggregator-not-all-regions': {
    bad: 'resource "aws_config_configuration_aggregator" "org" {\n  name = "org"\n  account_aggregation_source {\n    account_ids = ["123456789012"]\n    regions     = ["us-east-1"]\n  }\n}\n',
    resource: 'aws_config_configuration_aggregator.org',
    line: 3,
    good: 'resource "aws_config_configuration_aggregator" "org" {\n  account_aggregation_source {\n    account_ids = ["123456789012"]\n    all_regions = true\n  }\n}\nresource "aws_config_configuration_aggregator" "o2" {\n  organization_aggregation_source {\n    all_regions = true\n    role_arn    = aws_iam_role.config.arn\n  }\n}\n',
  },
  'apigw-caching-disabled': {
    bad: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name = "prod"\n}\n',
    resource: 'aws_api_gateway_stage.prod',
    line: 1,
    good: 'resource "aws_api_gateway_stage" "prod" {\n  cache_cluster_enabled = true\n  cache_cluster_size    = "0.5"\n}\nresource "aws_api_gateway_method_settings" "all" {\n  method_path = "*/*"\n  settings {\n    caching_enabled = true\n  }\n}\n',
    more: [['resource "aws_api_gateway_method_settings" "all" {\n  settings {\n    caching_enabled = false\n  }\n}\n', 'aws_api_gateway_method_settings.all', 3]],
  },
  'log-group-without-cmk': {
    bad: 'resource "aws_cloudwatch_log_group" "app" {\n  name              = "/app"\n  retention_in_days = 30\n}\n',
    resource: 'aws_cloudwatch_log_group.app',
    line: 1,
    good: 'resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = 30\n  kms_key_id        = aws_kms_key.logs.arn\n}\n',
  },
  'data-store-without-cmk': {
    bad: 'resource "aws_rds_cluster" "db" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n}\n',
    resource: 'aws_rds_cluster.db',
    line: 1,
    good: 'resource "aws_rds_cluster" "db" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn\n}\nresource "aws_rds_cluster" "plain" {\n  engine = "aurora-postgresql"\n}\nresource "aws_sns_topic" "t" {\n  kms_master_key_id = aws_kms_key.sns.id\n}\nresource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = true\n}\n',
    more: [
      ['resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n', 'aws_ebs_volume.v', 1],
      ['resource "aws_neptune_cluster" "g" {\n  storage_encrypted = true\n}\n', 'aws_neptune_cluster.g', 1],
      ['resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\n', 'aws_sns_topic.t', 2],
      ['resource "aws_kinesis_stream" "k" {\n  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n}\n', 'aws_kinesis_stream.k', 3],
      ['resource "aws_opensearch_domain" "s" {\n  encrypt_at_rest {\n    enabled = true\n  }\n}\n', 'aws_opensearch_domain.s', 2],
    ],
    alsoGood: ['resource "aws_docdb_cluster" "d" {\n  storage_encrypted = true\n  kms_key_id        = var.kms_key_arn\n}\nresource "aws_elasticache_replication_group" "c" {\n  at_rest_encryption_enabled = true\n  kms_key_id                 = aws_kms_key.cache.arn\n}\n'],
  },
  'transfer-server-public-endpoint': {
    bad: 'resource "aws_transfer_server" "sftp" {\n  protocols = ["SFTP"]\n}\n',
    resource: 'aws_transfer_server.sftp',
    line: 1,
    good: 'resource "aws_transfer_server" "sftp" {\n  endpoint_type = "VPC"\n}\n',
    more: [['resource "aws_transfer_server" "sftp" {\n  endpoint_type = "PUBLIC"\n}\n', 'aws_transfer_server.sftp', 2]],
  },
  'cognito-identity-pool-unauthenticated': {
    bad: 'resource "aws_cognito_identity_pool" "app" {\n  identity_pool_name               = "app"\n  allow_unauthenticated_identities = true\n}\n',
    resource: 'aws_cognito_identity_pool.app',
    line: 3,
    good: 'resource "aws_cognito_identity_pool" "app" {\n  identity_pool_name = "app"\n}\n',
  },
  'lb-internet-facing': {
    bad: 'resource "aws_lb" "api" {\n  name = "api"\n}\n',
    resource: 'aws_lb.api',
    line: 1,
    good: 'resource "aws_lb" "api" {\n  internal = true\n}\n',
    more: [['resource "aws_elb" "web" {\n  internal = false\n}\n', 'aws_elb.web', 2]],
  },
  'lambda-permission-without-source': {
    bad: 'resource "aws_lambda_permission" "s3" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.fn.function_name\n  principal     = "s3.amazonaws.com"\n}\n',
    resource: 'aws_lambda_permission.s3',
    line: 1,
    good: 'resource "aws_lambda_permission" "s3" {\n  principal  = "s3.amazonaws.com"\n  source_arn = aws_s3_bucket.uploads.arn\n}\nresource "aws_lambda_permission" "account" {\n  principal = "123456789012"\n}\n',
  },
  'sg-ingress-open-to-internet': {
    bad: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    resource: 'aws_security_group.web',
    line: 6,
    good: 'resource "aws_security_group" "web" {\n  ingress {\n    from_port       = 443\n    security_groups = [aws_security_group.alb.id]\n  }\n  ingress {\n    from_port   = 443\n    cidr_blocks = ["10.0.0.0/16"]\n  }\n  egress {\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\nresource "aws_security_group_rule" "out" {\n  type        = "egress"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n',
    more: [
      ['resource "aws_security_group_rule" "in" {\n  type        = "ingress"\n  from_port   = 80\n  cidr_blocks = ["0.0.0.0/0"]\n}\n', 'aws_security_group_rule.in', 4],
      ['resource "aws_vpc_security_group_ingress_rule" "v6" {\n  from_port = 443\n  cidr_ipv6 = "::/0"\n}\n', 'aws_vpc_security_group_ingress_rule.v6', 3],
    ],
    alsoGood: ['resource "aws_security_group_rule" "in" {\n  type        = "ingress"\n  cidr_blocks = var.allowed_cidrs\n}\n'],
  },
  'sg-egress-open-to-internet': {
    bad: 'resource "aws_security_group" "app" {\n  egress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    resource: 'aws_security_group.app',
    line: 6,
    good: 'resource "aws_security_group" "app" {\n  egress {\n    from_port   = 443\n    cidr_blocks = ["10.0.0.0/16"]\n  }\n  ingress {\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    more: [['resource "aws_vpc_security_group_egress_rule" "all" {\n  ip_protocol = "-1"\n  cidr_ipv4   = "0.0.0.0/0"\n}\n', 'aws_vpc_security_group_egress_rule.all', 3]],
  },
  'redshift-without-subnet-group': {
    bad: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n}\n',
    resource: 'aws_redshift_cluster.dw',
    line: 1,
    good: 'resource "aws_redshift_cluster" "dw" {\n  cluster_subnet_group_name = aws_redshift_subnet_group.private.name\n}\n',
  },
  'rds-backup-retention-short': {
    bad: 'resource "aws_db_instance" "db" {\n  engine                  = "mysql"\n  backup_retention_period = 1\n}\n',
    resource: 'aws_db_instance.db',
    line: 3,
    good: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\nresource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\nresource "aws_rds_cluster" "c" {\n  backup_retention_period = var.retention\n}\n',
    more: [['resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n}\n', 'aws_rds_cluster.c', 1]],
  },
  'cloudtrail-logging-disabled': {
    bad: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  enable_logging = false\n}\n',
    resource: 'aws_cloudtrail.main',
    line: 3,
    good: 'resource "aws_cloudtrail" "main" {\n  name = "main"\n}\nresource "aws_cloudtrail" "on" {\n  enable_logging = true\n}\n',
  },
  'lb-without-waf': {
    bad: 'resource "aws_lb" "app" {\n  name = "app"\n  load_balancer_type = "application"\n}\n',
    resource: 'aws_lb.app',
    line: 1,
    good:
      'resource "aws_lb" "app" {\n  name = "app"\n}\nresource "aws_wafv2_web_acl_association" "app" {\n  resource_arn = aws_lb.app.arn\n  web_acl_arn  = aws_wafv2_web_acl.app.arn\n}\n' +
      'resource "aws_lb" "nlb" {\n  load_balancer_type = "network"\n}\nresource "aws_lb" "internal" {\n  internal = true\n}\n',
    more: [['resource "aws_alb" "web" {\n  internal = false\n}\nresource "aws_wafv2_web_acl_association" "other" {\n  resource_arn = aws_api_gateway_stage.prod.arn\n  web_acl_arn  = aws_wafv2_web_acl.app.arn\n}\n', 'aws_alb.web', 1]],
    alsoGood: ['resource "aws_lb" "app" {\n  name = "app"\n}\nresource "aws_wafv2_web_acl_association" "app" {\n  resource_arn = var.alb_arn\n  web_acl_arn  = aws_wafv2_web_acl.app.arn\n}\n'],
  },
  'apigw-stage-without-waf': {
    bad: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name    = "prod"\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = aws_api_gateway_deployment.d.id\n}\n',
    resource: 'aws_api_gateway_stage.prod',
    line: 1,
    good: 'resource "aws_api_gateway_stage" "prod" {\n  stage_name = "prod"\n}\nresource "aws_wafv2_web_acl_association" "api" {\n  resource_arn = aws_api_gateway_stage.prod.arn\n  web_acl_arn  = aws_wafv2_web_acl.api.arn\n}\n',
  },
  'cognito-user-pool-mfa-off': {
    bad: 'resource "aws_cognito_user_pool" "users" {\n  name = "users"\n}\n',
    resource: 'aws_cognito_user_pool.users',
    line: 1,
    good: 'resource "aws_cognito_user_pool" "users" {\n  mfa_configuration = "ON"\n}\nresource "aws_cognito_user_pool" "opt" {\n  mfa_configuration = "OPTIONAL"\n}\n',
    more: [['resource "aws_cognito_user_pool" "users" {\n  name              = "users"\n  mfa_configuration = "OFF"\n}\n', 'aws_cognito_user_pool.users', 3]],
  },
  'kms-key-disabled': {
    bad: 'resource "aws_kms_key" "data" {\n  description = "data"\n  is_enabled  = false\n}\n',
    resource: 'aws_kms_key.data',
    line: 3,
    good: 'resource "aws_kms_key" "data" {\n  description = "data"\n}\nresource "aws_kms_key" "on" {\n  is_enabled = true\n}\n',
  },
  'rds-copy-tags-to-snapshot-off': {
    bad: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n',
    resource: 'aws_db_instance.db',
    line: 1,
    good: 'resource "aws_db_instance" "db" {\n  copy_tags_to_snapshot = true\n}\nresource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\n',
    more: [['resource "aws_rds_cluster" "c" {\n  engine                = "aurora-mysql"\n  copy_tags_to_snapshot = false\n}\n', 'aws_rds_cluster.c', 3]],
  },
  's3-cors-any-origin-writes': {
    bad: 'resource "aws_s3_bucket_cors_configuration" "up" {\n  bucket = aws_s3_bucket.up.id\n  cors_rule {\n    allowed_methods = ["GET", "PUT"]\n    allowed_origins = ["*"]\n  }\n}\n',
    resource: 'aws_s3_bucket_cors_configuration.up',
    line: 5,
    good:
      'resource "aws_s3_bucket_cors_configuration" "site" {\n  bucket = aws_s3_bucket.site.id\n  cors_rule {\n    allowed_methods = ["GET", "HEAD"]\n    allowed_origins = ["*"]\n  }\n}\n' +
      'resource "aws_s3_bucket_cors_configuration" "up" {\n  bucket = aws_s3_bucket.up.id\n  cors_rule {\n    allowed_methods = ["PUT", "POST"]\n    allowed_origins = ["https://app.example.com"]\n  }\n}\n',
    more: [['resource "aws_s3_bucket" "legacy" {\n  bucket = "legacy"\n  cors_rule {\n    allowed_methods = ["DELETE"]\n    allowed_origins = ["https://a.example.com", "*"]\n  }\n}\n', 'aws_s3_bucket.legacy', 5]],
  },
  'peering-route-unrestricted': {
    bad: 'resource "aws_route" "peer" {\n  route_table_id            = aws_route_table.private.id\n  destination_cidr_block    = "0.0.0.0/0"\n  vpc_peering_connection_id = aws_vpc_peering_connection.p.id\n}\n',
    resource: 'aws_route.peer',
    line: 3,
    good:
      'resource "aws_route" "peer" {\n  destination_cidr_block    = "10.1.0.0/16"\n  vpc_peering_connection_id = aws_vpc_peering_connection.p.id\n}\n' +
      'resource "aws_route" "internet" {\n  destination_cidr_block = "0.0.0.0/0"\n  gateway_id             = aws_internet_gateway.igw.id\n}\n',
  },
};

/** Checks that need the task's prompt: fixtures carry one, and without it nothing fires. */
const PROMPTS: Record<string, string> = {
  'log-group-without-kms': 'All CloudWatch log groups must be encrypted with a customer managed KMS key.',
  'rds-iam-auth-disabled': 'The application connects to PostgreSQL with IAM database authentication.',
};

test('table checks: every check has fixtures', () => {
  assert.deepEqual(TABLE_CHECKS.map((c) => c.id).filter((id) => !FIXTURES[id]), []);
  assert.deepEqual(TABLE_CHECKS.filter((c) => c.prompt).map((c) => c.id).filter((id) => !PROMPTS[id]), []);
});

test('prompt-gated table checks say so in their fix text and stay silent on a plain folder', () => {
  for (const c of TABLE_CHECKS.filter((x) => x.prompt)) {
    assert.match(c.fix, /only when the task's prompt/, c.id);
    assert.deepEqual(runRule(rule(c.id), FIXTURES[c.id]!.bad), [], c.id);
  }
});

for (const [id, fx] of Object.entries(FIXTURES)) {
  test(`${id}: invalid fixtures are reported at the expected resource and line`, () => {
    for (const [hcl, resource, line] of [[fx.bad, fx.resource, fx.line] as [string, string, number], ...(fx.more ?? [])]) {
      const f = runRule(rule(id), hcl, PROMPTS[id] ? { prompt: PROMPTS[id] } : {});
      assert.equal(f.length, 1, `${id}: ${hcl}`);
      assert.equal(f[0]!.resource, resource);
      assert.equal(f[0]!.location.line, line, `${id}: line`);
      assert.equal(f[0]!.ruleId, id);
    }
  });
  test(`${id}: valid fixtures are not reported`, () => {
    for (const hcl of [fx.good, ...(fx.alsoGood ?? [])]) assert.deepEqual(runRule(rule(id), hcl, PROMPTS[id] ? { prompt: PROMPTS[id] } : {}), [], `${id}: ${hcl}`);
  });
}

test('table checks: values that cannot be resolved statically are not guessed', () => {
  assert.deepEqual(runRule(rule('redshift-not-encrypted'), 'resource "aws_redshift_cluster" "dw" {\n  encrypted = var.encrypt\n}\n'), []);
  assert.deepEqual(runRule(rule('kinesis-stream-not-encrypted'), 'resource "aws_kinesis_stream" "k" {\n  encryption_type = local.enc\n}\n'), []);
});

test('table checks: defaults of variables are followed', () => {
  const hcl = 'variable "enc" {\n  default = false\n}\nresource "aws_efs_file_system" "fs" {\n  encrypted = var.enc\n}\n';
  assert.equal(runRule(rule('efs-not-encrypted'), hcl).length, 1);
});

test('table checks: one finding per resource, listing every gap', () => {
  const f = runRule(rule('opensearch-https-not-enforced'), 'resource "aws_opensearch_domain" "s" {\n  domain_endpoint_options {\n    enforce_https = false\n  }\n}\n');
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /enforce_https = false/);
  assert.match(f[0]!.message, /tls_security_policy/);
});

test('scanner-coverage rules never report syntax, schema or reference categories (eval:modules counts those)', () => {
  const bad = CATALOG_C.filter((r) => ['syntax', 'schema', 'reference', 'deprecated', 'provider-version'].includes(r.meta.category)).map((r) => r.meta.id);
  assert.deepEqual(bad, []);
});

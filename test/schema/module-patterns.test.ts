/**
 * Patterns from well-maintained public modules that must validate cleanly, each next to the real mistake the same
 * check must still catch. Fixtures are small configurations written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfiguration } from '../../src/schema/stage.js';
import { parseHclFiles } from '../../src/hcl/index.js';

const VERSIONS = (c: string) => `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${c}"\n    }\n  }\n}\n`;

function check(hcl: string, constraint = '~> 6.0') {
  const config = parseHclFiles([{ path: 'lib/main.tf', language: 'hcl', content: VERSIONS(constraint) + hcl }]);
  return checkConfiguration(config).findings;
}

test('framework single nested attribute written with "=" (aws_s3tables_table_bucket encryption_configuration)', () => {
  const hcl =
    'variable "enc" {\n  default = null\n}\n' +
    'resource "aws_s3tables_table_bucket" "b" {\n  name = "b"\n  encryption_configuration = var.enc\n  maintenance_configuration = {\n    iceberg_unreferenced_file_removal = {\n      status = "enabled"\n    }\n  }\n}\n';
  assert.deepEqual(check(hcl), []);
  // An SDKv2 block (MaxItems 1) written with "=" is still a mistake.
  const sdk = check('resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration = {\n    status = "Enabled"\n  }\n}\n');
  assert.deepEqual(sdk.map((f) => f.ruleId), ['schema-block-as-attribute']);
});

test('a computed-only attribute fed an optional input (may be null) is valid; a literal value is not', () => {
  // Terraform only rejects non-null values for computed-only attributes.
  const passThrough =
    'variable "service_ipv6_cidr" {\n  default = null\n}\n' +
    'resource "aws_eks_cluster" "c" {\n  name = "c"\n  role_arn = "arn:aws:iam::123456789012:role/eks"\n  vpc_config {\n    subnet_ids = ["subnet-1", "subnet-2"]\n  }\n  kubernetes_network_config {\n    service_ipv6_cidr = var.service_ipv6_cidr\n  }\n}\n';
  assert.deepEqual(check(passThrough), []);
  const literal = check(passThrough.replace('var.service_ipv6_cidr', '"fd00::/108"'));
  assert.deepEqual(literal.map((f) => f.ruleId), ['schema-computed-attribute']);
});

test('a removed block whose name came back as an argument (elasticache cluster_mode): the argument is valid, the block is not', () => {
  const arg = 'resource "aws_elasticache_replication_group" "r" {\n  replication_group_id = "r"\n  description = "r"\n  cluster_mode = "enabled"\n}\n';
  assert.deepEqual(check(arg, '>= 5.47'), []);
  // The 4.x `cluster_mode { ... }` block is still the removed one.
  const block = arg.replace('cluster_mode = "enabled"', 'cluster_mode {\n    num_node_groups = 2\n  }');
  assert.deepEqual(check(block, '>= 5.47').map((f) => f.ruleId), ['schema-removed']);
});

/**
 * Benchmark support: a synthetic, schema-valid configuration of any size, and one call that validates it.
 * Used by scripts/bench.ts to time schema validation of large configurations (no timing in tests).
 */
import type { Attribute, Block, Configuration, Expr, SourceSpan } from '../model/types.js';
import { buildConfiguration } from '../model/index-builder.js';
import { validateConfiguration, type SchemaCheckResult } from './checks.js';
import { activeSchema } from './index.js';
import type { SchemaIndex } from './types.js';
import { parseTerraformConstraint } from './version.js';

function sp(line: number): SourceSpan {
  return { file: 'bench.tf', line, column: 1, endLine: line, endColumn: 1 };
}
const str = (v: string, l: number): Expr => ({ kind: 'literal', value: v, span: sp(l) });
const num = (v: number, l: number): Expr => ({ kind: 'literal', value: v, span: sp(l) });
const bool = (v: boolean, l: number): Expr => ({ kind: 'literal', value: v, span: sp(l) });
const attr = (name: string, expr: Expr, l: number): Attribute => ({ name, expr, span: sp(l) });
const nested = (type: string, attributes: Attribute[], l: number, blocks: Block[] = []): Block => ({ kind: 'nested', type, labels: [], attributes, blocks, span: sp(l), form: 'block' });

/** Five realistic resource shapes, cycled: buckets, tables with blocks, functions, security groups, roles. */
function resourceAt(i: number): Block {
  const l = i * 10 + 1;
  const name = `r${i}`;
  const res = (type: string, attributes: Attribute[], blocks: Block[] = []): Block => ({ kind: 'resource', type: 'resource', labels: [type, name], attributes, blocks, span: sp(l) });
  switch (i % 5) {
    case 0:
      return res('aws_s3_bucket', [attr('bucket', str(`bucket-${i}`, l + 1), l + 1), attr('force_destroy', bool(true, l + 2), l + 2)]);
    case 1:
      return res('aws_dynamodb_table', [attr('name', str(`t${i}`, l + 1), l + 1), attr('billing_mode', str('PAY_PER_REQUEST', l + 2), l + 2), attr('hash_key', str('pk', l + 3), l + 3)], [
        nested('attribute', [attr('name', str('pk', l + 4), l + 4), attr('type', str('S', l + 5), l + 5)], l + 4),
        nested('server_side_encryption', [attr('enabled', bool(true, l + 6), l + 6)], l + 6),
        nested('point_in_time_recovery', [attr('enabled', bool(true, l + 7), l + 7)], l + 7),
      ]);
    case 2:
      return res('aws_lambda_function', [
        attr('function_name', str(`f${i}`, l + 1), l + 1),
        attr('role', str('arn:aws:iam::123456789012:role/x', l + 2), l + 2),
        attr('runtime', str('python3.12', l + 3), l + 3),
        attr('handler', str('index.handler', l + 4), l + 4),
        attr('timeout', num(30, l + 5), l + 5),
      ]);
    case 3:
      return res('aws_security_group', [attr('name', str(`sg${i}`, l + 1), l + 1)], [
        nested('ingress', [attr('from_port', num(443, l + 2), l + 2), attr('to_port', num(443, l + 3), l + 3), attr('protocol', str('tcp', l + 4), l + 4)], l + 2),
      ]);
    default:
      return res('aws_iam_role', [attr('name', str(`role${i}`, l + 1), l + 1), attr('assume_role_policy', str('{}', l + 2), l + 2)]);
  }
}

export function syntheticConfiguration(resourceCount: number): Configuration {
  const blocks: Block[] = [];
  for (let i = 0; i < resourceCount; i++) blocks.push(resourceAt(i));
  return buildConfiguration('tf-hcl', [], blocks, []);
}

/** Validates a synthetic configuration of `resourceCount` resources; returns the result for the caller to time. */
export function validateSynthetic(resourceCount = 1000, schema: SchemaIndex = activeSchema()): SchemaCheckResult {
  return validateConfiguration(syntheticConfiguration(resourceCount), { schema, target: parseTerraformConstraint('~> 6.0') });
}

/** Hand-built model pieces for schema tests (no front-end needed). */
import type { Attribute, Block, BlockForm, Configuration, Expr, SourceFile } from '../../src/model/types.js';
import { buildConfiguration } from '../../src/model/index-builder.js';

let line = 1;
export function span(file = 'main.tf') {
  const l = line++;
  return { file, line: l, column: 1, endLine: l, endColumn: 2 };
}

export const lit = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value, span: span() });
export const ref = (...parts: string[]): Expr => ({ kind: 'reference', parts, span: span() });
export const tuple = (...items: Expr[]): Expr => ({ kind: 'tuple', items, span: span() });
export const obj = (entries: Record<string, Expr>): Expr => ({
  kind: 'object',
  entries: Object.entries(entries).map(([key, value]) => ({ key, value })),
  span: span(),
});

export function a(name: string, expr: Expr): Attribute {
  return { name, expr, span: span() };
}

export function nested(type: string, attributes: Attribute[] = [], blocks: Block[] = [], form?: BlockForm, labels: string[] = []): Block {
  return { kind: 'nested', type, labels, attributes, blocks, span: span(), ...(form ? { form } : {}) };
}

export function resource(type: string, name: string, attributes: Attribute[] = [], blocks: Block[] = []): Block {
  return { kind: 'resource', type: 'resource', labels: [type, name], attributes, blocks, span: span() };
}

export function data(type: string, name: string, attributes: Attribute[] = [], blocks: Block[] = []): Block {
  return { kind: 'data', type: 'data', labels: [type, name], attributes, blocks, span: span() };
}

/** `terraform { required_providers { aws = { source = "hashicorp/aws", version = v } } }` */
export function terraformBlock(version: string): Block {
  return {
    kind: 'terraform',
    type: 'terraform',
    labels: [],
    attributes: [],
    blocks: [nested('required_providers', [a('aws', obj({ source: lit('hashicorp/aws'), version: lit(version) }))])],
    span: span(),
  };
}

export function config(blocks: Block[], platform = 'tf-hcl', files: SourceFile[] = []): Configuration {
  return buildConfiguration(platform, files, blocks, []);
}

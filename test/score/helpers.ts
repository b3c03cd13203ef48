/** Small builders for hand-made configurations and tasks in score tests. */
import type { Attribute, Block, Configuration, Expr } from '../../src/model/types.js';
import type { Task } from '../../src/contracts/task.js';
import type { Finding } from '../../src/findings/types.js';
import { buildConfiguration } from '../../src/model/index-builder.js';

const span = (line = 1) => ({ file: 'lib/main.tf', line, column: 1, endLine: line, endColumn: 1 });

export function lit(value: string | number | boolean): Expr {
  return { kind: 'literal', value };
}

export function ref(...parts: string[]): Expr {
  return { kind: 'reference', parts };
}

function attrs(a: Record<string, Expr>): Attribute[] {
  return Object.entries(a).map(([name, expr]) => ({ name, expr, span: span() }));
}

export function nested(type: string, a: Record<string, Expr> = {}, blocks: Block[] = []): Block {
  return { kind: 'nested', type, labels: [], attributes: attrs(a), blocks, span: span() };
}

export function resource(type: string, name: string, a: Record<string, Expr> = {}, blocks: Block[] = []): Block {
  return { kind: 'resource', type: 'resource', labels: [type, name], attributes: attrs(a), blocks, span: span() };
}

export function provider(a: Record<string, Expr>): Block {
  return { kind: 'provider', type: 'provider', labels: ['aws'], attributes: attrs(a), blocks: [], span: span() };
}

export function variable(name: string, def?: Expr): Block {
  return { kind: 'variable', type: 'variable', labels: [name], attributes: attrs(def ? { default: def } : {}), blocks: [], span: span() };
}

export function config(blocks: Block[], files: Configuration['files'] = []): Configuration {
  return buildConfiguration('tf-hcl', files, blocks, []);
}

export function task(over: Partial<Task> = {}): Task {
  return {
    path: 'fixture',
    platform: 'tf-hcl',
    language: 'hcl',
    platformSource: 'metadata',
    metadata: { platform: 'tf', language: 'hcl' },
    prompt: null,
    model: null,
    ideal: null,
    failures: null,
    logs: [],
    extraFiles: [],
    listing: [],
    warnings: [],
    ...over,
  };
}

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'test-rule',
    category: 'naming',
    severity: 'medium',
    evidence: ['diff'],
    fixClass: 'B',
    title: 'A test finding',
    message: 'Something differs',
    location: { file: 'lib/main.tf', line: 1 },
    ...over,
  };
}

/**
 * Shared helpers for rule tests: build a Configuration from inline HCL, a synthetic Task, and run one rule.
 * Used by every `test/rules/*.test.ts` (both catalog halves).
 */
import type { Configuration, SourceFile } from '../../src/model/types.js';
import type { FenceDecision, ResponseFiles, Task, TaskMetadata } from '../../src/contracts/task.js';
import type { Rule } from '../../src/rules/types.js';
import type { Finding } from '../../src/findings/types.js';
import { DEFAULT_CONVENTIONS, type Conventions } from '../../src/contracts/conventions.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface TaskOptions {
  prompt?: string;
  metadata?: TaskMetadata;
  listing?: string[];
  extraFiles?: SourceFile[];
  platform?: string;
  /** The responses as ingestion gives them (markdown, files), for rules that read them. */
  modelResponse?: ResponseFiles;
  idealResponse?: ResponseFiles;
}

/** One string → `lib/main.tf`; a record maps paths to contents. */
export function sourceFiles(files: string | Record<string, string>): SourceFile[] {
  const record = typeof files === 'string' ? { 'lib/main.tf': files } : files;
  return Object.entries(record).map(([path, content]) => ({ path, language: 'hcl', content }));
}

export function configFromHcl(files: string | Record<string, string>): Configuration {
  return parseHclFiles(sourceFiles(files));
}

export function makeTask(opts: TaskOptions = {}): Task {
  const platform = opts.platform ?? 'tf-hcl';
  return {
    path: 'task',
    platform,
    language: platform.endsWith('ts') ? 'ts' : 'hcl',
    platformSource: 'flag',
    metadata: opts.metadata ?? null,
    prompt: opts.prompt ?? null,
    model: opts.modelResponse ?? null,
    ideal: opts.idealResponse ?? null,
    failures: null,
    logs: [],
    extraFiles: opts.extraFiles ?? [],
    listing: opts.listing ?? [],
    warnings: [],
  };
}

export function runRule(
  rule: Rule,
  files: string | Record<string, string>,
  opts: TaskOptions & { conventions?: Partial<Conventions>; ideal?: string | Record<string, string> } = {},
): Finding[] {
  const config = configFromHcl(files);
  const conventions: Conventions = { ...DEFAULT_CONVENTIONS, ...(opts.conventions ?? {}) };
  const ideal = opts.ideal === undefined ? undefined : configFromHcl(opts.ideal);
  const { findings, warnings } = runRulesDetailed([rule], config, makeTask(opts), conventions, ideal);
  // A crashing rule is a test failure, not a silent empty result.
  if (warnings.length) throw new Error(warnings.join('\n'));
  return findings;
}

/**
 * Run one rule that reads TypeScript sources as written (not the CDKTF model): the file is the configuration's
 * only file, on a CDKTF task.
 */
export function runTsSourceRule(rule: Rule, path: string, content: string): Finding[] {
  const config = { ...configFromHcl({}), files: [{ path, language: 'ts', content }] };
  return runRulesDetailed([rule], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
}

/** Run one rule on a CDKTF stack parsed by the CDKTF front-end (the file is the configuration's only file). */
export function runCdktfRule(rule: Rule, content: string, path = 'lib/tap-stack.ts'): Finding[] {
  return runRulesDetailed([rule], parseCdktfFiles([{ path, language: 'ts', content }]), makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
}

/** The `AwsProviderConfig` interface of the installed @cdktf/provider-aws declarations, as text. */
export function installedAwsProviderConfig(): string {
  const require = createRequire(import.meta.url);
  const text = readFileSync(join(dirname(require.resolve('@cdktf/provider-aws')), 'provider', 'index.d.ts'), 'utf8');
  return text.slice(text.indexOf('export interface AwsProviderConfig'), text.indexOf('export interface AwsProviderAssumeRole '));
}

/**
 * Run one rule on a model response given as a markdown answer: its files carry the answer's path and the task's
 * model lists them with the fence decisions (rules that judge what the answer delivers read both).
 */
export function runModelAnswerRule(rule: Rule, files: Record<string, string>, fences: FenceDecision[] = []): Finding[] {
  const config = configFromHcl(files);
  for (const f of config.files) f.markdownPath = 'lib/MODEL_RESPONSE.md';
  const task = makeTask();
  task.model = { origin: 'lib/MODEL_RESPONSE.md', files: config.files, warnings: [], fences };
  return runRulesDetailed([rule], config, task, DEFAULT_CONVENTIONS).findings;
}

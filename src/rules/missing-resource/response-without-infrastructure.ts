import type { Rule } from '../types.js';
import { isUnnamedCodeFile } from '../util/files.js';

/**
 * A response that declares no infrastructure at all (no resource, module or data block, no provider construct):
 * prose, a plan, a file listing or a truncated answer. Nothing deploys; a reviewer lists it first.
 */
export const rule: Rule = {
  meta: {
    id: 'response-without-infrastructure',
    category: 'missing-resource',
    severity: 'critical',
    fixClass: 'A',
    title: 'Response contains no infrastructure code',
    rootCause: 'The model described the solution, listed files or stopped early instead of writing the configuration.',
    fix: 'Write the complete configuration: every resource the task asks for, in the files the project layout expects.',
    fixExample: 'resource "aws_s3_bucket" "data" {\n  bucket = "data-${var.environment_suffix}"\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/resources/syntax',
    knowledgeGap: 'Delivering a complete, deployable configuration rather than a description of one',
    impact: 'Nothing can be deployed: the response has no resources.',
    blocker: true,
  },
  check(ctx) {
    const infra = ctx.config.blocks.some((b) => b.kind === 'resource' || b.kind === 'module' || b.kind === 'data');
    if (infra) {
      const fragments = fragmentsOnly(ctx);
      if (fragments) {
        ctx.report({
          span: { file: ctx.task.model?.origin ?? 'lib/MODEL_RESPONSE.md', line: 1, column: 1, endLine: 1, endColumn: 1 },
          resource: 'response',
          message: `The response describes ${fragments.named.length} files (${fragments.named.slice(0, 5).join(', ')}${fragments.named.length > 5 ? ', ...' : ''}) but gives none of them: its code is ${fragments.snippets} unnamed snippet(s) with ${fragments.resources} resource block(s), nothing a deployment could run.`,
        });
      }
      return;
    }
    const file = ctx.task.model?.origin ?? ctx.config.files[0]?.path ?? 'lib/MODEL_RESPONSE.md';
    const codeFiles = ctx.config.files.filter((f) => /\.(tf|ts|json)$/.test(f.path)).length;
    // Code of another framework (AWS CDK, Pulumi) declares its resources in a language this front-end does not
    // read: where the reference is written in the same framework the task is that framework's, not an empty answer.
    const framework = foreignFramework(ctx.config.files);
    if (framework) {
      if (ctx.ideal ? foreignFramework(ctx.ideal.files) === framework : true) return;
      ctx.report({
        span: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
        resource: 'response',
        message: `The response is written for ${framework}, not for the task's platform: none of it synthesizes to Terraform.`,
      });
      return;
    }
    // TypeScript that creates constructs of classes it imports (`import { Vpc } from 'cdktf'`, `new Vpc(this, ...)`)
    // declares infrastructure the front-end cannot map: the import is what fails to compile, and is reported.
    if (ctx.config.files.some(createsImportedConstructs)) return;
    ctx.report({
      span: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: 'response',
      message:
        codeFiles === 0
          ? 'The response contains no Terraform or CDKTF code: no resource, module or data source is declared.'
          : `The response's ${codeFiles} code file(s) declare no resource, module or data source: nothing would be deployed.`,
    });
  },
};

/** A TypeScript file that imports a class by name and creates it in a construct scope (`new Vpc(this, ...)`). */
function createsImportedConstructs(file: { path: string; content: string }): boolean {
  if (!file.path.endsWith('.ts')) return false;
  const imported = new Set<string>();
  for (const m of file.content.matchAll(/\bimport\s*\{([^}]{0,4000})\}\s*from\b/g)) {
    for (const part of m[1]!.split(',')) {
      // The local name is the last word: `A` or `A as B`.
      const local = part.split(/\s/).filter(Boolean).pop();
      if (local) imported.add(local);
    }
  }
  for (const m of file.content.matchAll(/\bnew\s+([A-Z]\w*)\s*\(\s*this\s*,/g)) if (imported.has(m[1]!)) return true;
  return false;
}

/** File names a markdown answer lists (`**variables.tf**`, `- main.tf`, `stacks/app-stack.ts`). */
const FILE_NAME = /(?<![\w./-])([\w-]+(?:\/[\w-]+)*\.(?:tf|ts))\b/g;

/**
 * A markdown answer that names at least three configuration files and provides none of them: every code block is
 * an unnamed snippet, none is one of the named files, and the snippets hold at most three resources (illustrations
 * of a design, not a stack). Undefined when the answer delivers any of its files.
 */
function fragmentsOnly(ctx: Parameters<Rule['check']>[0]): { named: string[]; snippets: number; resources: number } | undefined {
  const markdown = ctx.task.model?.markdown;
  if (!markdown || !ctx.config.files.length) return undefined;
  if (!ctx.config.files.every((f) => isUnnamedCodeFile(f.path))) return undefined;
  const resources = ctx.config.blocks.filter((b) => b.kind === 'resource').length;
  if (resources > 3 || ctx.config.blocks.some((b) => b.kind === 'provider' || b.kind === 'terraform' || b.kind === 'module')) return undefined;
  const named = [...new Set([...markdown.matchAll(FILE_NAME)].map((m) => m[1]!))];
  return named.length >= 3 ? { named, snippets: ctx.config.files.length, resources } : undefined;
}

/** Imports of infrastructure frameworks other than Terraform and CDKTF, by the name a reader knows them by. */
const FRAMEWORKS: [RegExp, string][] = [
  [/from\s+['"](?:aws-cdk-lib|@aws-cdk\/[^'"]+)['"]/, 'AWS CDK (aws-cdk-lib)'],
  [/from\s+['"]@pulumi\/[^'"]+['"]/, 'Pulumi'],
];

function foreignFramework(files: readonly { path: string; content: string }[]): string | undefined {
  for (const f of files) {
    if (!/\.[cm]?[jt]s$/.test(f.path)) continue;
    for (const [re, name] of FRAMEWORKS) if (re.test(f.content)) return name;
  }
  return undefined;
}

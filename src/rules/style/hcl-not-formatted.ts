import type { Configuration, SourceFile } from '../../model/types.js';
import type { Rule } from '../types.js';
import { basename } from '../util/files.js';
import { formatProblems, type FormatProblem } from './hcl-format.js';

/** Trailing whitespace is left out: markdown renderers and copy/paste add it, so it says little about the model. */
function layoutProblems(file: SourceFile): FormatProblem[] {
  return formatProblems(file.content).filter((p) => p.kind !== 'trailing');
}

function hclFiles(config: Configuration): SourceFile[] {
  return config.files.filter((f) => /\.(tf|tfvars)$/.test(f.path));
}

function totalProblems(config: Configuration): number {
  return hclFiles(config).reduce((n, f) => n + layoutProblems(f).length, 0);
}

export const rule: Rule = {
  meta: {
    id: 'hcl-not-formatted',
    category: 'style',
    severity: 'low',
    fixClass: 'C',
    title: 'Terraform code is not `terraform fmt` formatted',
    rootCause: 'The model writes HCL by hand-aligning (or not aligning) arguments; `terraform fmt -check` in the pipeline then fails.',
    fix: 'Run `terraform fmt -recursive`: two-space indentation per nesting level and `=` aligned across consecutive single-line arguments.',
    fixExample: 'resource "aws_sqs_queue" "jobs" {\n  name                      = "jobs-${var.environment_suffix}"\n  message_retention_seconds = 86400\n}',
    docs: 'https://developer.hashicorp.com/terraform/cli/commands/fmt',
    knowledgeGap: 'Canonical HCL formatting (`terraform fmt`)',
    impact: 'The lint step (`terraform fmt -check`) fails before deployment.',
  },
  check(ctx) {
    const files = hclFiles(ctx.config);
    if (!files.length) return;
    // With a reference at hand, formatting is a model failure only where the reference is cleaner.
    if (ctx.ideal && totalProblems(ctx.ideal) >= totalProblems(ctx.config)) return;
    for (const file of files) {
      const problems = layoutProblems(file);
      if (!problems.length) continue;
      const first = problems[0]!;
      const lines = problems.length === 1 ? '1 line differs' : `${problems.length} lines differ`;
      ctx.report({
        span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
        resource: `file:${file.path}`,
        message: `${basename(file.path)}: ${lines} from \`terraform fmt\` output (first at line ${first.line}: ${first.message}).`,
      });
    }
  },
};

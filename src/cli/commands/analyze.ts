/**
 * `iacjudge analyze <task-dir>`: the full analysis of one task, written as JSON (default), Markdown
 * (MODEL_FAILURES.md form) or SARIF. Exit 1 when a finding is at or above `--fail-on`; exit 2 when `--timeout`
 * cut the analysis (the report is still written: a gate must not read a partial judgment as a pass).
 */
import { existsSync } from 'node:fs';
import { outputProblem, writeOutputFile } from '../../io/write.js';
import type { RegisterCommand } from './index.js';
import type { AnalysisResult } from '../../contracts/pipeline.js';
import { UsageError } from '../../contracts/errors.js';
import { analyzeTaskDetailedAsync } from '../../pipeline/run.js';
import { knownFindingIds } from '../../pipeline/suppress.js';
import { failuresOnly, parseRuleFlags, positiveInt, requireOutputFolder, requireReadableFolder } from '../options.js';
import { renderStylish, useColor } from '../stylish.js';
import { readStdinBounded, STDIN_ARG, stdinTask } from '../stdin.js';
import type { ReportFormat } from '../../report/index.js';
import { renderJson } from '../../report/json.js';
import { SEVERITIES, SEVERITY_RANK, type Severity } from '../../taxonomy/categories.js';
import { useSchema } from '../../schema/index.js';
import { selectSchema } from './schema.js';

export interface AnalyzeCliOptions {
  format?: string;
  out?: string;
  failOn?: string;
  log?: string[];
  config?: string;
  model?: string;
  ideal?: string;
  platform?: string;
  score?: boolean;
  schema?: string;
  claims?: boolean;
  quiet?: boolean;
  rule?: string[];
  timeout?: string;
}

/** `stylish` is the human format of the CLI (src/cli/stylish.ts); the others are the report writers'. */
export type CliFormat = ReportFormat | 'stylish';

/**
 * The Markdown and SARIF writers are loaded only when asked for (start-up time). JSON, the default, is imported
 * statically: its path never waits on a module load, so in-process callers see the output written synchronously.
 */
const RENDERERS: Record<ReportFormat, () => Promise<(r: AnalysisResult) => string>> = {
  json: async () => renderJson,
  md: async () => (await import('../../report/markdown.js')).renderMarkdown,
  // The working folder is %SRCROOT% (the repository root in CI): result URIs are repository paths code scanning finds.
  sarif: async () => {
    const { renderSarif } = await import('../../report/sarif.js');
    return (r) => renderSarif(r, { srcRoot: process.cwd() });
  },
};
const CLI_FORMATS: readonly CliFormat[] = [...(Object.keys(RENDERERS) as ReportFormat[]), 'stylish'];

/**
 * The output format: explicit `--format`, else from the `--out` extension, else stylish on a terminal and JSON when
 * piped (scripts read JSON; people read lines).
 */
export function resolveFormat(format: string | undefined, out: string | undefined, stdoutIsTty = false): CliFormat {
  if (format !== undefined) {
    if (!(CLI_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (expected ${CLI_FORMATS.join(', ')})`);
    return format as CliFormat;
  }
  if (out && /\.(md|markdown)$/i.test(out)) return 'md';
  if (out && /\.sarif(\.json)?$/i.test(out)) return 'sarif';
  return !out && stdoutIsTty ? 'stylish' : 'json';
}

export function parseFailOn(value: string | undefined): Severity | 'none' {
  const v = (value ?? 'none').toLowerCase();
  if (v === 'none') return 'none';
  if ((SEVERITIES as readonly string[]).includes(v)) return v as Severity;
  throw new UsageError(`unknown --fail-on level "${value}" (expected critical, high, medium, low or none)`);
}

export function failsAt(result: AnalysisResult, level: Severity | 'none'): boolean {
  if (level === 'none') return false;
  return result.findings.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[level]);
}

function requirePath(flag: string, path: string | undefined): void {
  if (path !== undefined && !existsSync(path)) throw new UsageError(`${flag}: not found: ${path}`);
}

export const register: RegisterCommand = (program, setExit) => {
  program
    .command('analyze')
    .description('analyze one task folder: findings, model-vs-ideal diff, training-quality score')
    .argument('<task-dir>', 'task folder (lib/MODEL_RESPONSE.md, lib/IDEAL_RESPONSE.md, metadata.json, ...), or - for one .tf or .tf.json file or markdown response on stdin')
    .option('--format <format>', 'json | md | sarif | stylish (default: from the --out extension, else stylish on a terminal, json when piped)')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <level>', 'exit 1 when a finding is at or above: critical | high | medium | low | none', 'none')
    .option('--log <file>', 'deployment or validation log to classify (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--config <file>', 'configuration file (.iacjudge.json)')
    .option('--model <path>', 'model response: markdown file or code folder (overrides lib/MODEL_RESPONSE.md)')
    .option('--ideal <path>', 'ideal response: markdown file or code folder (overrides lib/IDEAL_RESPONSE.md)')
    .option('--platform <platform>', 'platform override: tf-hcl | cdktf-ts | ...')
    .option('--no-score', 'skip the training-quality score')
    .option('--no-claims', 'ignore lib/MODEL_FAILURES.md (by default its claims are checked and reported with `claim` evidence)')
    .option('--quiet', 'report the failure tier only (no observations)')
    .option('--rule <id=level>', 'turn one finding id off or set its tier: <id>=off|warn|error (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--schema <file>', 'provider schema artifact from `iacjudge schema import` (default: .iacjudge.json "schema", else the bundled one)')
    .option(
      '--timeout <ms>',
      'time limit in milliseconds (as for `corpus`), checked before each stage: past it the remaining stages are skipped, the report keeps what the finished stages found with a "timeout:" warning, and the exit code is 2',
    )
    .action(async (taskDir: string, opts: AnalyzeCliOptions) => {
      const format = resolveFormat(opts.format, opts.out, process.stdout.isTTY === true);
      const failOn = parseFailOn(opts.failOn);
      const ruleSettings = parseRuleFlags(opts.rule, knownFindingIds());
      const timeoutMs = opts.timeout !== undefined ? positiveInt('--timeout', opts.timeout) : undefined;
      const fromStdin = taskDir === STDIN_ARG;
      if (!fromStdin) requireReadableFolder(taskDir);
      if (opts.out) requireOutputFolder(opts.out);
      // Checked before the analysis as well as at the write: a refused --out should not cost a whole analysis.
      const outProblem = opts.out ? outputProblem(opts.out) : undefined;
      if (outProblem) throw new UsageError(`--out: ${outProblem}`);
      requirePath('--model', opts.model);
      requirePath('--ideal', opts.ideal);
      requirePath('--config', opts.config);
      for (const l of opts.log ?? []) requirePath('--log', l);
      // An imported schema (for another provider version) replaces the bundled one for this run.
      useSchema(selectSchema(opts.schema).schema);
      const stdin = fromStdin ? stdinTask(await readStdinBounded()) : undefined;
      let detailed;
      try {
        detailed = await analyzeTaskDetailedAsync(stdin ? stdin.dir : taskDir, {
          ...(Object.keys(ruleSettings).length ? { ruleSettings } : {}),
          ...(opts.config ? { configFile: opts.config } : {}),
          ...(opts.log?.length ? { logs: opts.log } : {}),
          ...(opts.platform ? { platform: opts.platform } : {}),
          ...(opts.model ? { model: opts.model } : {}),
          ...(opts.ideal ? { ideal: opts.ideal } : {}),
          ...(opts.score === false ? { score: false } : {}),
          ...(opts.claims === false ? { claims: false } : {}),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        });
      } finally {
        stdin?.dispose();
      }
      // The temporary folder stdin was laid out in is not a path the user knows: the task is `-`.
      if (stdin) detailed.result.task = { ...detailed.result.task, path: STDIN_ARG };
      // Nothing to judge is an input error, not a clean bill of health.
      if (!detailed.task.model && !detailed.task.ideal) {
        throw new UsageError(`no Terraform or markdown response in ${taskDir} (expected .tf files, lib/MODEL_RESPONSE.md, or --model)`);
      }
      const result = opts.quiet ? failuresOnly(detailed.result) : detailed.result;
      const text = format === 'stylish' ? renderStylish(result, !opts.out && useColor(process.stdout)) : format === 'json' ? renderJson(result) : (await RENDERERS[format]())(result);
      if (opts.out) writeOutputFile(opts.out, text);
      else process.stdout.write(text);
      if (failsAt(result, failOn)) setExit(1);
      // Cut by --timeout: the report above is partial, which is neither a pass nor a plain count of findings.
      if (detailed.cutBefore !== undefined) setExit(2);
    });
};

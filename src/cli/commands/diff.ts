/**
 * `iacjudge diff <task>`: the model-vs-ideal change list, grouped by block, each change with its failure
 * category, plus how much of the model the ideal covers. `--format json` (or `--json`) for machine output, as
 * `analyze` and `summarize` take it.
 */
import type { RegisterCommand } from './index.js';
import type { AttributedChange, DiffResult } from '../../diff/index.js';
import { attributedDiff, FALLBACK_HEURISTIC } from '../../diff/index.js';
import { loadTask } from '../../ingest/index.js';
import { parseResponse } from '../../pipeline/parse.js';
import { DEFAULT_CONVENTIONS } from '../../contracts/conventions.js';
import { UsageError } from '../../contracts/errors.js';

interface DiffCommandOptions {
  format?: string;
  json?: boolean;
  model?: string;
  ideal?: string;
  platform?: string;
}

export const register: RegisterCommand = (program) => {
  program
    .command('diff')
    .description("compare the model response with the ideal response: every change, attributed to a failure category")
    .argument('<task>', 'task folder (lib/MODEL_RESPONSE.md and lib/IDEAL_RESPONSE.md)')
    .option('--format <format>', 'text | json (default text)')
    .option('--json', 'same as --format json')
    .option('--model <path>', 'model response (markdown file or code folder) instead of lib/MODEL_RESPONSE.md')
    .option('--ideal <path>', 'ideal response (markdown file or code folder) instead of lib/IDEAL_RESPONSE.md')
    .option('--platform <platform>', 'tf-hcl or cdktf-ts, when metadata.json does not say')
    .action((taskPath: string, opts: DiffCommandOptions) => {
      const format = diffFormat(opts);
      const task = loadTask(taskPath, {
        ...(opts.model ? { model: opts.model } : {}),
        ...(opts.ideal ? { ideal: opts.ideal } : {}),
        ...(opts.platform ? { platform: opts.platform } : {}),
      });
      if (!task.model?.files.length) throw new UsageError(`${taskPath}: no model response files (lib/MODEL_RESPONSE.md or --model)`);
      if (!task.ideal?.files.length) throw new UsageError(`${taskPath}: no ideal response files (lib/IDEAL_RESPONSE.md or --ideal)`);
      const model = parseResponse(task.model.files, task.platform);
      const ideal = parseResponse(task.ideal.files, task.platform);
      const { result, changes } = attributedDiff({
        model,
        ideal,
        prompt: task.prompt,
        conventions: DEFAULT_CONVENTIONS,
        idealMarkdown: task.ideal.markdown ?? null,
      });
      if (format === 'json') process.stdout.write(JSON.stringify(toJson(task.path, task.platform, result, changes), null, 2) + '\n');
      else process.stdout.write(renderText(task.path, result, changes));
    });
};

/** `--format text|json`; `--json` is kept as its short form. Checked before any file is read. */
export function diffFormat(opts: Pick<DiffCommandOptions, 'format' | 'json'>): 'text' | 'json' {
  const format = opts.format ?? (opts.json ? 'json' : 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (expected text or json)`);
  if (opts.json && format !== 'json') throw new UsageError(`--json conflicts with --format ${format}`);
  return format;
}

export function toJson(taskPath: string, platform: string, result: DiffResult, changes: AttributedChange[]) {
  return {
    task: taskPath,
    platform,
    coverage: result.coverage,
    partialIdeal: result.partialIdeal,
    unchangedFiles: result.unchangedFiles,
    changes: changes.map((c) => ({
      kind: c.kind,
      address: c.address,
      ...(c.ideal && c.model && c.ideal.address !== c.model.address ? { idealAddress: c.ideal.address } : {}),
      blockKind: c.blockKind,
      blockType: c.blockType,
      path: c.path.join('.'),
      category: c.category,
      severity: c.severity,
      fixClass: c.fixClass,
      heuristic: c.heuristic,
      summary: c.summary,
      ...(c.model ? { model: { file: c.model.span.file, line: c.model.span.line, snippet: c.model.snippet } } : {}),
      ...(c.ideal ? { ideal: { file: c.ideal.span.file, line: c.ideal.span.line, snippet: c.ideal.snippet } } : {}),
    })),
  };
}

export function renderText(taskPath: string, result: DiffResult, changes: AttributedChange[]): string {
  const lines: string[] = [];
  const attributed = changes.filter((c) => c.heuristic !== FALLBACK_HEURISTIC).length;
  lines.push(`${taskPath}: ${changes.length} change(s), ${attributed} attributed to a specific category`);
  const pct = Math.round(result.coverage * 100);
  lines.push(
    result.partialIdeal
      ? `ideal coverage: ${pct}% of the model's blocks (partial ideal${result.unchangedFiles.length ? `; not shown: ${result.unchangedFiles.join(', ')}` : ''})`
      : `ideal coverage: ${pct}% of the model's blocks`,
  );
  const byBlock = new Map<string, AttributedChange[]>();
  for (const c of changes) {
    const g = byBlock.get(c.address);
    if (g) g.push(c);
    else byBlock.set(c.address, [c]);
  }
  for (const [address, group] of byBlock) {
    const at = group[0]!.model?.block.span ?? group[0]!.ideal!.block.span;
    lines.push('', `${address}  (${group[0]!.model ? '' : 'ideal '}${at.file}:${at.line})`);
    for (const c of group) lines.push(`  [${c.category}/${c.severity}] ${c.summary}`);
  }
  return lines.join('\n') + '\n';
}

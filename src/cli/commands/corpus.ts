/** `iacjudge corpus` and `iacjudge summarize`: whole datasets, in parallel, resumable, aggregated. */
import { existsSync, statSync } from 'node:fs';
import { outputProblem, writeOutputFile } from '../../io/write.js';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.js';
import { UsageError } from '../../contracts/errors.js';
import { discoverTasks, inShard, parseShard } from '../../corpus/discover.js';
import { OutputLockedError, runPool, type Progress } from '../../corpus/pool.js';
import { DuplicateTaskError, renderSummaryMarkdown, resultFiles, summarizeResults, summaryJson } from '../../corpus/summarize.js';
import { SHARD_COUNT_ENV, SHARD_INDEX_ENV, shardFromEnv, shardRecordPath, shardRecordText, shardSetProblems } from '../../corpus/shards.js';
import { renderDashboard } from '../../corpus/html.js';
import { ruleMetas } from '../../report/metas.js';
import { positiveInt } from '../options.js';

function progressReporter(total: number): { update(p: Progress): void; stop(): void } {
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'analyzing {bar} {value}/{total} tasks | {rate} tasks/s | ETA {eta_formatted} | errors {errors}', stream: process.stderr, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: '0.0', errors: 0 });
    return {
      update: (p) => bar.update(p.done, { rate: (p.done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1), errors: p.errors }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 5000 && p.done !== p.total) return;
      last = now;
      const rate = p.done / Math.max(0.001, (now - started) / 1000);
      const eta = rate > 0 ? Math.round((p.total - p.done) / rate) : 0;
      process.stderr.write(`iacjudge corpus: ${p.done}/${p.total} tasks, ${rate.toFixed(1)} tasks/s, ETA ${eta}s, errors ${p.errors}\n`);
    },
    stop() {},
  };
}

export const register: RegisterCommand = (program: Command) => {
  program
    .command('corpus')
    .description('analyze every task folder under <dir> on a worker pool; one JSON line per task, in a deterministic order')
    .argument('<dir>', 'corpus root (task folders are found recursively)')
    .requiredOption('--out <file>', 'results file (JSON lines)')
    .option('--jobs <n>', 'worker threads (default: CPU count)')
    .option('--platform <list>', 'only these platforms, comma-separated (tf-hcl,cdktf-ts)')
    .option('--resume', 'skip tasks already in --out', false)
    .option('--shard <i/n>', `analyze only shard i of n (deterministic by task path); default from ${SHARD_INDEX_ENV} (0-based, as a Kubernetes Indexed Job sets it) and ${SHARD_COUNT_ENV}`)
    .option('--timeout <ms>', 'per-task time limit in milliseconds (past half of it a task starts no further stage and keeps a partial result)', '60000')
    .action(async (dir: string, opts: { out: string; jobs?: string; platform?: string; resume: boolean; shard?: string; timeout: string }) => {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`corpus folder not found: ${dir}`);
      for (const f of [opts.out, `${opts.out}.timings.jsonl`, `${opts.out}.summary.json`, shardRecordPath(opts.out)]) {
        const problem = outputProblem(f);
        if (problem) throw new UsageError(`--out: ${problem}`);
      }
      const jobs = opts.jobs ? positiveInt('--jobs', opts.jobs) : availableParallelism();
      const timeoutMs = positiveInt('--timeout', opts.timeout);
      let shard;
      try {
        shard = opts.shard ? parseShard(opts.shard) : shardFromEnv(process.env);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const platforms = opts.platform?.split(',').map((p) => p.trim()).filter(Boolean);
      let tasks = discoverTasks(dir, platforms);
      if (shard) tasks = tasks.filter((t) => inShard(t.key, shard));
      if (!tasks.length) throw new UsageError(`no task folders found under ${dir}${shard ? ` in shard ${shard.index}/${shard.count}` : ''}`);
      // Written first: `summarize` then tells a shard that did not finish from one that never started.
      if (shard) writeOutputFile(shardRecordPath(opts.out), shardRecordText(shard, tasks.length));
      const progress = progressReporter(tasks.length);
      let result;
      try {
        result = await runPool(tasks, { out: opts.out, jobs, timeoutMs, resume: opts.resume, onProgress: (p) => progress.update(p) });
      } catch (err) {
        progress.stop();
        if (err instanceof OutputLockedError) throw new UsageError(err.message);
        throw err;
      }
      progress.stop();
      const metas = ruleMetas();
      const summary = await summarizeResults(opts.out, (id) => metas.get(id)?.knowledgeGap);
      writeOutputFile(`${opts.out}.summary.json`, summaryJson(summary));
      process.stderr.write(
        `iacjudge corpus: ${result.done} analyzed, ${result.skipped} already in ${opts.out}, ${result.errors} errors (${result.timeouts} timeouts) in ${(result.wallMs / 1000).toFixed(1)} s with ${jobs} jobs; summary in ${opts.out}.summary.json\n`,
      );
    });

  program
    .command('summarize')
    .description('aggregate corpus results: triage lists, categories, severities, rules, platforms, score agreement, knowledge gaps')
    .argument('<results...>', 'results.jsonl written by `iacjudge corpus`, or the files (or a folder of them) of every shard of one run')
    .option('--format <format>', 'md, json or html', 'md')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (inputs: string[], opts: { format: string; out?: string }) => {
      if (!['md', 'json', 'html'].includes(opts.format)) throw new UsageError(`unknown format "${opts.format}" (md, json or html)`);
      const files = resultFiles(inputs);
      for (const f of files) if (!existsSync(f) || !statSync(f).isFile()) throw new UsageError(`results file not found: ${f}`);
      if (!files.length) throw new UsageError(`no results files (*.jsonl) in ${inputs.join(', ')}`);
      let problems: string[];
      try {
        problems = await shardSetProblems(files);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      if (problems.length) throw new UsageError(`the results are not one complete run:\n  ${problems.join('\n  ')}`);
      const metas = ruleMetas();
      let summary;
      try {
        summary = await summarizeResults(files, (id) => metas.get(id)?.knowledgeGap);
      } catch (err) {
        if (err instanceof DuplicateTaskError) throw new UsageError(err.message);
        throw err;
      }
      const text = opts.format === 'json' ? summaryJson(summary) : opts.format === 'html' ? renderDashboard(summary) : renderSummaryMarkdown(summary);
      if (opts.out) writeOutputFile(opts.out, text);
      else process.stdout.write(text);
    });
};

/** The logs stage: every log of the task (and --log files) → findings with `log` evidence. */
import { readFileSync, statSync } from 'node:fs';
import type { PipelineContext, Stage } from '../pipeline/types.js';
import type { LogInput } from '../ingest/types.js';
import { parseLog } from './parse.js';
import { classifyDiagnostic } from './classify.js';

const MAX_LOG_FILE_BYTES = 5 * 1024 * 1024;

function readLogFiles(paths: string[], warnings: string[]): LogInput[] {
  const out: LogInput[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).size > MAX_LOG_FILE_BYTES) {
        warnings.push(`${path}: log larger than ${MAX_LOG_FILE_BYTES} bytes, only its start is read`);
      }
      out.push({ path, content: readFileSync(path, 'utf8').slice(0, MAX_LOG_FILE_BYTES) });
    } catch (err) {
      warnings.push(`${path}: cannot read log (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return out;
}

export const logsStage: Stage = {
  name: 'logs',
  run(ctx: PipelineContext) {
    const logs = [...ctx.task.logs, ...readLogFiles(ctx.options.logs ?? [], ctx.warnings)];
    for (const log of logs) {
      for (const diag of parseLog(log.content)) {
        const finding = classifyDiagnostic(diag, ctx.model, log.path);
        if (finding) ctx.findings.push(finding);
      }
    }
  },
};

/** The logs stage: every log of the task (and --log files) → findings with `log` evidence. */
import { MAX_INPUT_BYTES, readBounded } from '../io/read.js';
import type { PipelineContext, Stage } from '../contracts/pipeline.js';
import type { LogInput } from '../contracts/task.js';
import { parseLog } from './parse.js';
import { classifyDiagnostic } from './classify.js';

const MAX_LOG_FILE_BYTES = MAX_INPUT_BYTES;

function readLogFiles(paths: string[], warnings: string[]): LogInput[] {
  const out: LogInput[] = [];
  for (const path of paths) {
    // A log's errors are at its start, so a long log is cut rather than refused; FIFOs and devices are refused.
    const got = readBounded(path, { label: path, maxBytes: MAX_LOG_FILE_BYTES, truncate: true });
    if (!got.ok) {
      warnings.push(`${got.message}; cannot read log, ignored`);
      continue;
    }
    if (got.truncated) warnings.push(`${path}: log larger than ${MAX_LOG_FILE_BYTES} bytes, only its start is read`);
    out.push({ path, content: got.bytes.toString('utf8') });
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

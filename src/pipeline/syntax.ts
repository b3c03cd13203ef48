/** The syntax stage: front-end error diagnostics of the model response become `syntax` findings. */
import type { Configuration } from '../model/types.js';
import type { Finding } from '../findings/types.js';
import type { PipelineContext, Stage } from '../contracts/pipeline.js';
import { appendAll } from '../io/arrays.js';

/** How a syntax finding names the front-end that reported it. */
const FRONT_END_NAMES: Readonly<Record<string, string>> = { cdktf: 'TypeScript', hcl: 'HCL', 'tf-json': 'Terraform JSON' };

/** Every error diagnostic of a configuration as a `syntax` finding. */
export function syntaxFindings(config: Configuration): Finding[] {
  return config.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      ruleId: 'syntax-error',
      category: 'syntax' as const,
      severity: 'critical' as const,
      evidence: ['static' as const],
      fixClass: 'C' as const,
      title: 'Code does not parse',
      message: `${FRONT_END_NAMES[d.source] ?? 'Parse'} error: ${d.message}`,
      location: { file: d.span.file, line: d.span.line },
    }));
}

/** First stage: syntax findings of the model response; warning diagnostics of both responses become warnings. */
export const syntaxStage: Stage = {
  name: 'syntax',
  run(ctx: PipelineContext) {
    if (ctx.model) {
      appendAll(ctx.findings, syntaxFindings(ctx.model));
      for (const d of ctx.model.diagnostics) if (d.source === 'parse') ctx.warnings.push(`model: ${d.message}`);
    }
    if (ctx.ideal) for (const d of ctx.ideal.diagnostics) if (d.source === 'parse') ctx.warnings.push(`ideal: ${d.message}`);
  },
};

/** The JSON contract: the AnalysisResult, pretty-printed with 2 spaces and a trailing newline. */
import type { AnalysisResult } from '../pipeline/types.js';

export function renderJson(r: AnalysisResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

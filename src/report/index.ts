/** Report writers: JSON (the contract), Markdown (the failure analysis) and SARIF 2.1.0. */
import type { AnalysisResult } from '../contracts/pipeline.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';

export type ReportFormat = 'json' | 'md' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'sarif'];

export function renderReport(r: AnalysisResult, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return renderJson(r);
    case 'md':
      return renderMarkdown(r);
    case 'sarif':
      return renderSarif(r);
  }
}

export { renderJson, renderMarkdown, renderSarif };

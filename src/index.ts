/** Library entry of iacjudge: analyze a task folder, render reports, verify a written analysis. */
export { analyzeTask, analyzeTaskDetailed, type AnalyzeTaskOptions, type DetailedAnalysis } from './pipeline/run.js';
export { parseResponse, detectPlatform } from './pipeline/parse.js';
export { syntaxFindings } from './pipeline/syntax.js';
export { renderReport, renderJson, renderMarkdown, renderSarif, REPORT_FORMATS, type ReportFormat } from './report/index.js';
export { scoreRubric, scoreTask, type ScoreInput, type ScoreOutcome } from './score/index.js';
export { verifyTask, type VerifyReport, type ClaimCheck, type ClaimStatus } from './pipeline/verify.js';
export { parseFailureAnalysis, type Claim } from './verify/parse.js';
export { classifyText, classifyClaim } from './verify/classify.js';
export type { AnalysisResult, AnalyzeOptions, ScoreResult, ScoreStep, ProviderInfo, SuppressedFinding } from './contracts/pipeline.js';
/** Thrown for input a caller can fix (missing folder, invalid .iacjudge.json, unknown rule id): `instanceof` tells it from a bug. */
export { UsageError } from './contracts/errors.js';
export { knownFindingIds } from './pipeline/suppress.js';
export { isPipelineTask, PIPELINE_CONVENTION_RULES } from './pipeline/layout.js';
export type { Finding, FindingLocation, Snippet } from './findings/types.js';
export type { CategoryId, Severity, Evidence, FixClass } from './taxonomy/categories.js';
export type { Task, TaskMetadata, ResponseFiles } from './contracts/task.js';
export type { Configuration, Block, Attribute, Expr, SourceFile, SourceSpan } from './model/types.js';
export type { Rule, RuleMeta } from './rules/types.js';
export type { Conventions } from './contracts/conventions.js';

/**
 * Which tasks the pipeline's own conventions apply to. The conventions (an environment-suffix input, provider.tf,
 * a remote backend, a Lambda code folder, destroyable and self-sufficient stacks, no required inputs, tests) and
 * the training-quality score describe the task pipeline, not Terraform in general: on an ordinary module a
 * critical "no environment suffix" or a score against no ideal is noise. So they are on for the task layout
 * (metadata.json or the lib/*.md documents, or a markdown response given with --model) and off for a plain
 * folder of code, unless `.iacjudge.json` asks (`"pipeline": true`, or a `conventions` object).
 */
import type { Task } from '../contracts/task.js';
import type { RuleSettings } from '../rules/config.js';

/** The documents that make a folder a pipeline task (at the top or under lib/, as ingest reads them). */
const TASK_DOCUMENTS = ['PROMPT.md', 'MODEL_RESPONSE.md', 'IDEAL_RESPONSE.md', 'MODEL_FAILURES.md'];

export function isPipelineTask(task: Pick<Task, 'listing' | 'model'>): boolean {
  const listed = new Set(task.listing);
  if (listed.has('metadata.json')) return true;
  if (TASK_DOCUMENTS.some((d) => listed.has(`lib/${d}`) || listed.has(d))) return true;
  // An LLM response given explicitly (--model answer.md) is judged as a task response.
  return /\.(md|markdown)$/i.test(task.model?.origin ?? '');
}

/**
 * Checks that enforce a pipeline convention rather than a Terraform or AWS fact. General checks that happen to
 * share a category stay on everywhere (a backend with variables, an S3 backend without locking, a provider with
 * no version requirement, a hard-coded environment name). Diff findings need an ideal, which plain folders lack.
 */
export const PIPELINE_CONVENTION_RULES: readonly string[] = [
  // environment suffix
  'missing-suffix-variable',
  'name-without-suffix',
  'suffix-fixed-in-tfvars',
  // file layout
  'provider-outside-provider-file',
  'single-file-stack',
  'lambda-code-outside-lambda-dir',
  // remote state expected
  'backend-local',
  'backend-missing',
  // destroyable stacks
  'bucket-without-force-destroy',
  'deletion-protection-enabled',
  'final-snapshot-required',
  'prevent-destroy',
  // self-sufficient stacks, deployable without inputs
  'external-resource-input',
  'literal-preexisting-id',
  'lookup-of-preexisting-resource',
  'variable-without-default',
  // the task ships tests
  'tests-missing',
  'lambda-code-untested',
];

export interface LayoutDecision {
  /** The pipeline's conventions apply. */
  conventions: boolean;
  /** The training-quality score applies (it rates a task response: `"pipeline": true` asks for it elsewhere). */
  score: boolean;
  /** Rule settings with the convention checks turned off when they do not apply (explicit settings win). */
  ruleSettings: RuleSettings;
}

export function decideLayout(task: Pick<Task, 'listing' | 'model'>, config: { pipeline?: boolean; conventions?: object } | undefined, ruleSettings: RuleSettings): LayoutDecision {
  const isTask = isPipelineTask(task);
  const score = config?.pipeline ?? isTask;
  const conventions = config?.pipeline ?? (isTask || config?.conventions !== undefined);
  if (conventions) return { conventions, score, ruleSettings };
  const off: RuleSettings = {};
  for (const id of PIPELINE_CONVENTION_RULES) off[id] = 'off';
  return { conventions, score, ruleSettings: { ...off, ...ruleSettings } };
}

/**
 * The score stage (last): the training-quality rubric over what iacjudge established about the task — the
 * judged failure tier, the model-vs-ideal code gap, the prompt and metadata. The written analysis
 * (lib/MODEL_FAILURES.md) is never read here: `verify` is the tool for checking one.
 */
import { occurrenceCount, type Finding } from '../findings/types.js';
import type { Configuration } from '../model/types.js';
import type { Task } from '../contracts/task.js';
import type { PipelineContext, ScoreResult, Stage } from '../contracts/pipeline.js';
import { platformBlocker, providerRegion, regionBlocker, requiredRegion, requiredServices, servicesBlocker, type Blocker } from './blockers.js';
import { complexityFactors } from './complexity.js';
import { codeGap, codeLineCount, wordCount } from './evidence.js';
import { scoreRubric, type FailureFact, type ScoreFacts } from './rubric.js';
import { responseTruncation } from './truncation.js';
import { resources } from '../model/query.js';
import { proseWords } from '../rules/documentation/measure.js';

export interface ScoreInput {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
  /** Judged findings: the score counts those of the `failure` tier. */
  findings: Finding[];
  /** The ideal shows only some blocks (set by the diff stage): its architecture is read from the model. */
  idealPartial?: boolean;
}

export interface ScoreOutcome {
  result: ScoreResult | null;
  facts: ScoreFacts | null;
}

function failureFact(f: Finding): FailureFact {
  return {
    ruleId: f.ruleId,
    title: f.title,
    category: f.category,
    severity: f.severity,
    fixClass: f.fixClass,
    ...(f.resource ? { resource: f.resource } : {}),
    occurrences: occurrenceCount(f),
  };
}

/**
 * The response that is the task's deliverable: the ideal when there is one, else the model (a user who brings
 * only a model response).
 */
function deliverable(input: ScoreInput): { side: 'ideal' | 'model'; files: Task['model'] } {
  return input.task.ideal ? { side: 'ideal', files: input.task.ideal } : { side: 'model', files: input.task.model };
}

/**
 * A response with no code or cut off mid-file cannot deploy: invalid output like a platform mismatch, so the
 * same value as that blocker.
 */
export const UNDEPLOYABLE_SCORE = 3;

export interface BlockerCheck {
  /** Blockers that fire, in the rubric's order (the first one sets the score). */
  blockers: Blocker[];
  /** Blocker conditions seen and set aside, each with the reason (stated in the breakdown as notes). */
  waived: string[];
}

/**
 * Every blocker that fires, in the order the rubric applies them, and the blocker conditions that were seen
 * but are not the model's failure. Blockers judge the model's output ("the task output is invalid"): what
 * only the reviewer's ideal does differently is the reviewer's environment, not a failure to train on.
 */
export function checkBlockers(input: ScoreInput): BlockerCheck {
  const out: Blocker[] = [];
  const waived: string[] = [];
  const { task, model, ideal } = input;
  // A model response cut off mid-file is a gap its ideal closes (13 such dev tasks, all recorded 8–10): only
  // the deliverable's truncation blocks.
  const target = deliverable(input);
  const truncation = responseTruncation(target.files);
  const modelCut = target.side === 'ideal' ? responseTruncation(task.model) : null;
  if (truncation?.kind === 'no-code' && modelCut?.kind === 'no-code') {
    // Both documents describe code without showing it (summaries of files kept in the task's repository): the
    // code exists elsewhere, so nothing here says it cannot deploy (seed 003's task, recorded 9).
    waived.push(`${truncation.detail} and neither does ${modelCut.detail.replace(/ contains no code files$/, '')}: both describe code kept elsewhere, so deployability cannot be judged from them (not a blocker)`);
  } else if (truncation) out.push({ kind: truncation.kind, score: UNDEPLOYABLE_SCORE, detail: truncation.detail });
  // The task's code is the ideal when there is one; a model answering in another language is a mismatch too.
  for (const [side, config] of [['ideal', ideal], ['model', model]] as const) {
    if (!config) continue;
    const b = platformBlocker(task, config.files);
    if (b) {
      out.push({ ...b, detail: `${b.detail} (${side} response)` });
      break;
    }
  }
  const code = ideal ?? model;
  if (code) {
    const region = regionBlocker(task, code);
    const modelRegion = region && ideal && model ? providerRegion(model) : undefined;
    const pinned = requiredRegion(task)?.region;
    if (region && modelRegion !== undefined && modelRegion === pinned) {
      // The model deployed where the task pins; only the ideal moved the provider (the reviewer's deployment
      // account or pipeline region). The model did not fail the requirement.
      waived.push(`${region.detail}, but the model deploys to ${modelRegion} as pinned: only the ideal moved the region (not a blocker)`);
    } else if (region) out.push(region);
    // A partial ideal shows only the blocks it changed: the services it leaves out are not missing.
    const services = input.idealPartial ? null : servicesBlocker(task, code, model && model !== code ? [model] : []);
    if (services) out.push(services);
  }
  return { blockers: out, waived };
}

/** Every blocker that fires, in the order the rubric applies them (the first one sets the score). */
export function blockersOf(input: ScoreInput): Blocker[] {
  return checkBlockers(input).blockers;
}

/** What the rubric reads, gathered once (exported for evaluations and calibration). Null without a model response. */
export function scoreFacts(input: ScoreInput): ScoreFacts | null {
  const { task, model, ideal } = input;
  if (!model) return null;
  // A finding only the written analysis asserts (evidence `claim` alone) is the reviewer's word, not ours.
  const failures = input.findings.filter((f) => f.tier === 'failure' && f.evidence.some((e) => e !== 'claim')).map(failureFact);
  const observations = input.findings.filter((f) => f.tier !== 'failure').length;
  const gap = ideal ? codeGap(model, ideal) : null;
  // A partial ideal (or one whose resources all live in modules) does not show the stack's architecture.
  const idealReadable = ideal !== null && !input.idealPartial && resources(ideal).length > 0;
  const checked = checkBlockers(input);
  const notes: string[] = [...checked.waived];
  // Only an ideal with code completes a cut-off model (an ideal without code is a blocker or a waived one).
  if (task.ideal && responseTruncation(task.ideal)?.kind !== 'no-code') {
    const cut = responseTruncation(task.model);
    if (cut) notes.push(`${cut.detail}: the ideal completes it, so it is part of the gap, not a blocker`);
  }
  return {
    blockers: checked.blockers,
    failures,
    observations,
    gap: gap ? { changed: gap.changed, modelLines: codeLineCount(model), idealLines: codeLineCount(ideal!) } : null,
    idealProseWords: ideal && task.ideal?.markdown !== undefined ? proseWords(task.ideal.markdown) : null,
    promptWords: task.prompt !== null ? wordCount(task.prompt) : null,
    requiredServices: requiredServices(task).map((r) => r.key),
    complexity: complexityFactors(idealReadable ? ideal : model),
    complexityFrom: idealReadable ? 'ideal' : 'model',
    idealPartial: input.idealPartial ?? false,
    notes,
  };
}

/** The rubric over one analyzed task. Null when there is no model response. */
export function scoreTask(input: ScoreInput): ScoreOutcome {
  const facts = scoreFacts(input);
  if (!facts) return { result: null, facts: null };
  return { result: scoreRubric(facts), facts };
}

/** The score of a pipeline context (the stage's work; evaluations call it to keep the facts too). */
export function scoreContext(ctx: PipelineContext): ScoreOutcome {
  return scoreTask({ task: ctx.task, model: ctx.model, ideal: ctx.ideal, findings: ctx.findings, idealPartial: ctx.idealCoverage?.partial ?? false });
}

export const scoreStage: Stage = {
  name: 'score',
  run(ctx: PipelineContext) {
    ctx.score = ctx.options.score === false ? null : scoreContext(ctx).result;
  },
};

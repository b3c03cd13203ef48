/**
 * Score evaluations analyze each dev task the way a user without a written analysis would: lib/MODEL_FAILURES.md
 * is dropped after ingest and the claims stage is off, so nothing the reviewer wrote can reach the score.
 */
import { loadTask } from '../../src/ingest/index.js';
import { parseResponse } from '../../src/pipeline/parse.js';
import { runStages } from '../../src/pipeline/analyze.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import type { DetailedAnalysis } from '../../src/pipeline/run.js';
import type { ScoreFacts } from '../../src/score/rubric.js';
import { STAGES } from '../../src/pipeline/stages.js';
import { scoreContext } from '../../src/score/stage.js';

export interface ScoredAnalysis extends DetailedAnalysis {
  /** What the score read (null without a model response). */
  facts: ScoreFacts | null;
}

export function analyzeWithoutWrittenAnalysis(path: string): ScoredAnalysis {
  const task = loadTask(path);
  task.failures = null;
  // The recorded score and its justification are what the evaluation compares against, never an input.
  if (task.metadata) {
    delete task.metadata.training_quality;
    delete task.metadata.training_quality_justification;
  }
  task.listing = task.listing.filter((p) => !/(^|\/)MODEL_FAILURES\.md$/i.test(p));
  task.extraFiles = task.extraFiles.filter((f) => !/(^|\/)MODEL_FAILURES\.md$/i.test(f.path));
  const model = task.model ? parseResponse(task.model.files, task.platform) : null;
  const ideal = task.ideal ? parseResponse(task.ideal.files, task.platform) : null;
  let facts: ScoreFacts | null = null;
  // The pipeline's own stages; the score stage is wrapped to keep the facts it read.
  const stages = STAGES.map((s) =>
    s.name !== 'score'
      ? s
      : {
          name: 'score',
          run(ctx: Parameters<typeof s.run>[0]) {
            const outcome = scoreContext(ctx);
            facts = outcome.facts;
            ctx.score = outcome.result;
          },
        },
  );
  const result = runStages(task, model, ideal, { conventions: DEFAULT_CONVENTIONS, claims: false }, stages);
  return { task, model, ideal, result, facts };
}

/**
 * The analysis stages, in order. Each stage reads the PipelineContext and adds to it.
 * Order: syntax → schema → rules → diff → logs → score (score last: it reads every finding).
 */
import type { Stage } from './types.js';
import { logsStage } from '../logs/stage.js';
import { syntaxStage } from './syntax.js';
import { scoreStage } from '../score/stage.js';

export const STAGES: Stage[] = [
  syntaxStage,
  // syntax, schema, rules and diff stages are inserted above this line, in that order
  logsStage,
  // the score stage goes last
  scoreStage,
];

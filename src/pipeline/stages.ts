/**
 * The analysis stages, in order. Each stage reads the PipelineContext and adds to it.
 * Order: syntax → schema → rules → diff → logs → score (score last: it reads every finding).
 */
import type { Stage } from './types.js';
import { logsStage } from '../logs/stage.js';
import { diffStage } from '../diff/stage.js';
import { syntaxStage } from './syntax.js';
import { schemaStage } from '../schema/stage.js';
import { scoreStage } from '../score/stage.js';
import { rulesStage } from '../rules/stage.js';

export const STAGES: Stage[] = [
  syntaxStage,
  schemaStage,
  rulesStage,
  // syntax, schema, rules and diff stages are inserted above this line, in that order
  diffStage,
  logsStage,
  // the score stage goes last
  scoreStage,
];

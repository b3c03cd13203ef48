/**
 * The analysis stages, in order. Each stage reads the PipelineContext and adds to it.
 * Order: syntax → schema → rules → diff → logs → claims → judge → score (the score reads the judged failure tier).
 */
import type { Stage } from '../contracts/pipeline.js';
import { logsStage } from '../logs/stage.js';
import { diffStage } from '../diff/stage.js';
import { syntaxStage } from './syntax.js';
import { schemaStage } from '../schema/stage.js';
import { scoreStage } from '../score/stage.js';
import { rulesStage } from '../rules/stage.js';
import { claimsStage } from '../verify/claims-stage.js';
import { judgeStage } from '../judge/stage.js';
import { ruleLevelStage, suppressStage } from './suppress.js';

export const STAGES: Stage[] = [
  syntaxStage,
  schemaStage,
  rulesStage,
  diffStage,
  logsStage,
  // after every code- and log-based stage: it confirms claims with their findings
  claimsStage,
  // inline suppressions and the settings of non-catalog ids: what the judge and the score must not see
  suppressStage,
  // merges, groups by root cause, tiers and ranks every finding: the score reads its failure tier
  judgeStage,
  // "warn"/"error" settings move findings between the tiers the judge gave
  ruleLevelStage,
  // last: it reads every finding
  scoreStage,
];

/**
 * The analysis stages, in order. Each stage reads the PipelineContext and adds to it.
 * ingest+parse happen before (see analyze.ts); then schema → rules → diff → logs → score.
 */
import type { Stage } from './types.js';

export const STAGES: Stage[] = [];

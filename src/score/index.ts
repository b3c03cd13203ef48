/** Training-quality score: the rubric, its blockers, complexity factors and the service table. */
export { scoreRubric, scoreLiteral, fixAdjustment, complexityAdjustment, documentedFixAdjustment, taskBreadthAdjustment, finalize, BASE_SCORE, CALIBRATION, type FixCounts, type RubricInput, type CalibratedInput, type GapEvidence } from './rubric.js';
export { codeGap, proseWords, wordCount, type CodeGap } from './evidence.js';
export { complexityFactors, type ComplexityFactors, type Factor } from './complexity.js';
export { platformBlocker, regionBlocker, servicesBlocker, metadataPlatform, codePlatform, providerRegion, requiredRegion, type Blocker } from './blockers.js';
export { scoreTask, scoreStage, idealProbe, DEFAULT_TUNING, LITERAL_TUNING, type ScoreTuning, type ScoreInput, type ScoreOutcome } from './stage.js';
export { SERVICES, serviceForName, serviceOfType, requiredServiceNames } from './services.js';

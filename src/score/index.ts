/** Training-quality score: the rubric, its blockers, complexity factors and the service table. */
export { scoreRubric, fixAdjustment, complexityAdjustment, finalize, BASE_SCORE, type FixCounts, type RubricInput } from './rubric.js';
export { complexityFactors, type ComplexityFactors, type Factor } from './complexity.js';
export { platformBlocker, regionBlocker, servicesBlocker, metadataPlatform, codePlatform, providerRegion, requiredRegion, type Blocker } from './blockers.js';
export { scoreTask, scoreStage, DEFAULT_TUNING, type ScoreTuning, type ScoreInput, type ScoreOutcome } from './stage.js';
export { SERVICES, serviceForName, serviceOfType, requiredServiceNames } from './services.js';

/** Training-quality score: the rubric, its blockers, complexity factors and the service table. */
export { scoreRubric, failureAdjustment, calibratedComplexity, isMinimalGap, isSmallCodeGap, isMinorCodeGap, isRewrite, idealExplains, countFailures, nameFailures, finalize, BASE_SCORE, CALIBRATION, type FixCounts, type ScoreFacts, type FailureFact } from './rubric.js';
export { codeGap, codeLineCount, wordCount, type CodeGap } from './evidence.js';
export { complexityFactors, type ComplexityFactors, type Factor } from './complexity.js';
export { platformBlocker, regionBlocker, servicesBlocker, requiredServices, metadataPlatform, codePlatform, providerRegion, requiredRegion, type Blocker } from './blockers.js';
export { responseTruncation, openAtEnd, type Truncation } from './truncation.js';
export { scoreTask, scoreFacts, scoreStage, blockersOf, type ScoreInput, type ScoreOutcome } from './stage.js';
export { SERVICES, serviceForName, serviceOfType, requiredServiceNames, promptServices } from './services.js';

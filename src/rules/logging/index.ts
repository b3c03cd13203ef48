import type { Rule } from '../types.js';
import { rule as logGroupWithoutRetention } from './log-group-without-retention.js';
import { rule as lambdaWithoutLogGroup } from './lambda-without-log-group.js';
import { rule as apiStageWithoutAccessLogs } from './api-stage-without-access-logs.js';
import { rule as requestedLoggingMissing } from './requested-logging-missing.js';
import { rule as flowLogScaffoldingWithoutFlowLog } from './flow-log-scaffolding-without-flow-log.js';

export const LOGGING_RULES: Rule[] = [logGroupWithoutRetention, lambdaWithoutLogGroup, apiStageWithoutAccessLogs, requestedLoggingMissing, flowLogScaffoldingWithoutFlowLog];

import type { Rule } from '../types.js';
import { rule as apigwDeploymentRace } from './apigw-deployment-race.js';
import { rule as ecsServiceListenerDependency } from './ecs-service-listener-dependency.js';
import { rule as missingOrderingDependency } from './missing-ordering-dependency.js';
import { rule as referenceCycle } from './reference-cycle.js';
import { rule as dataSourceReadsManagedResource } from './data-source-reads-managed-resource.js';
import { rule as configChannelBeforeRecorder } from './config-channel-before-recorder.js';
import { rule as s3ReplicationVersioning } from './s3-replication-versioning.js';

export const DEPENDENCY_RULES: Rule[] = [apigwDeploymentRace, ecsServiceListenerDependency, missingOrderingDependency, referenceCycle, dataSourceReadsManagedResource, configChannelBeforeRecorder, s3ReplicationVersioning];

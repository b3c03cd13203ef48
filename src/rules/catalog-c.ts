/**
 * Rules of the scanner-coverage family (issue 21): table-driven encryption, TLS, public access and service
 * logging checks, resource policies, secrets by value shape, network ACLs and defaults, IAM escalation.
 */
import type { Rule } from './types.js';
import { rulesFromTable } from './util/settings-table.js';
import { ENCRYPTION_TABLE, TLS_TABLE } from './encryption/at-rest-table.js';
import { PUBLIC_ACCESS_TABLE } from './public-exposure/public-access-table.js';
import { SERVICE_LOGGING_TABLE } from './logging/service-logging-table.js';
import { HARDENING_TABLE } from './misconfiguration/hardening-table.js';
import { MONITORING_TABLE } from './monitoring/monitoring-table.js';
import { BACKUP_TABLE } from './backup-recovery/backup-table.js';
import { rule as resourcePolicyPublicPrincipal } from './public-exposure/resource-policy-public-principal.js';
import { rule as openIngressAdminPort } from './public-exposure/open-ingress-more-ports.js';
import { rule as lambdaPermissionPublic } from './public-exposure/lambda-permission-public.js';
import { rule as resourcePolicyWildcardAction } from './iam-least-privilege/resource-policy-wildcard-action.js';
import { rule as iamPrivilegeEscalation } from './iam-least-privilege/iam-privilege-escalation.js';
import { accessKeyRule, ssoAdminRule, userPoliciesRule } from './iam-least-privilege/iam-account-hygiene.js';
import { rule as secretValueInCode } from './secrets/secret-value-in-code.js';
import { rule as envVarPlaintextSecret } from './secrets/env-var-plaintext-secret.js';
import { rule as dbParameterGroupTls } from './encryption/db-parameter-group-tls.js';
import { rule as providerStaticCredentials } from './secrets/provider-static-credentials.js';
import { rule as naclOpenAdminPort } from './network/nacl-open-admin-port.js';
import { defaultSecurityGroupRule, defaultVpcRule } from './network/default-network-resources.js';
import { privilegedRule as ecsPrivileged, writableRootRule as ecsWritableRoot } from './misconfiguration/ecs-container-hardening.js';

/** Every table-driven check, in table order (tests read it to check argument paths against the schema). */
export const TABLE_CHECKS = [...ENCRYPTION_TABLE, ...TLS_TABLE, ...PUBLIC_ACCESS_TABLE, ...SERVICE_LOGGING_TABLE, ...HARDENING_TABLE, ...MONITORING_TABLE, ...BACKUP_TABLE];

export const CATALOG_C: Rule[] = [
  ...rulesFromTable(TABLE_CHECKS),
  resourcePolicyPublicPrincipal,
  lambdaPermissionPublic,
  openIngressAdminPort,
  resourcePolicyWildcardAction,
  iamPrivilegeEscalation,
  secretValueInCode,
  naclOpenAdminPort,
  defaultSecurityGroupRule,
  defaultVpcRule,
  userPoliciesRule,
  accessKeyRule,
  ssoAdminRule,
  ecsPrivileged,
  ecsWritableRoot,
  envVarPlaintextSecret,
  dbParameterGroupTls,
  providerStaticCredentials,
];

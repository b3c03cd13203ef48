/**
 * Log pattern catalog: an error message → the failure it reveals. Data, one entry per message family.
 * Patterns are anchored on fixed phrases with bounded character classes, so they cannot backtrack
 * catastrophically on adversarial log text.
 */
import type { CategoryId, Severity } from '../taxonomy/categories.js';

export interface LogPattern {
  id: string;
  /** Matched against one diagnostic's summary + detail. */
  pattern: RegExp;
  category: CategoryId;
  severity: Severity;
  /** One line: what went wrong. */
  explanation: string;
  /** Where to look in the code when the message carries no address: resource types to search. */
  resourceTypes?: string[];
  /** Argument named in the failure (for locating and for the message). */
  argument?: string;
  /** Capture group index holding a quoted name (variable, argument) from the message. */
  nameGroup?: number;
}

export const LOG_PATTERNS: LogPattern[] = [
  {
    id: 'backend-variables-not-allowed',
    pattern: /Variables not allowed/i,
    category: 'backend',
    severity: 'critical',
    explanation: 'Backend configuration is read before variables exist; it takes literals or -backend-config values only.',
  },
  {
    id: 'provider-lock-mismatch',
    pattern: /locked provider [\w./-]{1,120} ([\d.]{1,20}) does not match configured version constraint/i,
    category: 'provider-version',
    severity: 'high',
    explanation: 'The provider version constraint excludes the version recorded in .terraform.lock.hcl.',
  },
  {
    id: 'performance-insights-unsupported',
    pattern: /Performance Insights (?:is )?not supported/i,
    category: 'service-constraint',
    severity: 'critical',
    explanation: 'Performance Insights is unavailable on the chosen DB instance class or engine version.',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster'],
    argument: 'performance_insights_enabled',
  },
  {
    id: 'sfn-log-destination-denied',
    pattern: /state machine IAM Role is not authorized to access the Log Destination/i,
    category: 'iam-missing-permission',
    severity: 'high',
    explanation: 'Step Functions logging needs the logs:*LogDelivery and resource-policy actions on its role.',
    resourceTypes: ['aws_sfn_state_machine'],
    argument: 'logging_configuration',
  },
  {
    id: 'value-not-in-allowed-set',
    pattern: /expected ([a-z0-9_]{1,64}) to be one of \[/i,
    category: 'schema',
    severity: 'high',
    explanation: 'A static value is outside the set the provider accepts for this argument.',
    nameGroup: 1,
  },
  {
    id: 'ts-missing-export',
    pattern: /\bTS2305\b|has no exported member/,
    category: 'reference',
    severity: 'critical',
    explanation: 'An import names a class or member the package does not export (wrong provider binding name or version).',
  },
  {
    id: 'ts-type-mismatch',
    pattern: /\bTS2322\b|\bTS2353\b|\bTS2561\b|\bTS2345\b|is not assignable to type/,
    category: 'schema',
    severity: 'critical',
    explanation: 'A construct property has the wrong shape for the provider binding (e.g. an array where an object is expected).',
  },
  {
    id: 'ts-compile-error',
    pattern: /\berror TS\d{4}\b/,
    category: 'syntax',
    severity: 'critical',
    explanation: 'The TypeScript code does not compile.',
  },
  {
    id: 'unsupported-argument',
    pattern: /Unsupported argument|An argument named "([\w-]{1,80})" is not expected here/i,
    category: 'schema',
    severity: 'high',
    explanation: 'The resource type does not have this argument in the targeted provider version.',
    nameGroup: 1,
  },
  {
    id: 'unsupported-block',
    pattern: /Unsupported block type|Blocks of type "([\w-]{1,80})" are not expected here/i,
    category: 'schema',
    severity: 'high',
    explanation: 'The resource type does not have this nested block.',
    nameGroup: 1,
  },
  {
    id: 'too-many-blocks',
    pattern: /Too many ([\w-]{1,80}) blocks|No more than \d{1,4} "([\w-]{1,80})" blocks? (?:is|are) allowed/i,
    category: 'schema',
    severity: 'high',
    explanation: 'A block that takes a single object was given several times.',
  },
  {
    id: 'missing-required-argument',
    pattern: /Missing required argument|The argument "([\w-]{1,80})" is required/i,
    category: 'schema',
    severity: 'high',
    explanation: 'A required argument has no value.',
    nameGroup: 1,
  },
  {
    id: 'incorrect-value-type',
    pattern: /Incorrect attribute value type|Inappropriate value for attribute/i,
    category: 'schema',
    severity: 'high',
    explanation: 'An argument was given a value of the wrong type.',
  },
  {
    id: 'undeclared-variable',
    pattern: /Reference to undeclared input variable|An input variable with the name "([\w-]{1,80})" has not been declared/i,
    category: 'reference',
    severity: 'critical',
    explanation: 'The code uses an input variable that no variable block declares.',
    nameGroup: 1,
  },
  {
    id: 'undeclared-resource',
    pattern: /Reference to undeclared (?:resource|local value|module)|has not been declared in the root module/i,
    category: 'reference',
    severity: 'critical',
    explanation: 'The code refers to a resource, local value or module that is not declared.',
  },
  {
    id: 'unsupported-attribute',
    pattern: /Unsupported attribute|This object has no argument, nested block, or exported attribute named/i,
    category: 'reference',
    severity: 'high',
    explanation: 'An expression reads an attribute the referenced object does not export.',
  },
  {
    id: 'invalid-variable-value',
    pattern: /Invalid value for variable/i,
    category: 'misconfiguration',
    severity: 'medium',
    explanation: 'A variable value fails its validation rule or type.',
  },
  {
    id: 'duplicate-resource',
    pattern: /Duplicate (?:resource|variable|output|local value|module call|data) (?:"[\w-]{1,80}" )?(?:configuration|declaration)/i,
    category: 'reference',
    severity: 'critical',
    explanation: 'The same address is declared twice, often across files.',
  },
  {
    id: 'dependency-cycle',
    pattern: /Error: Cycle:|\bCycle: [\w.[\]-]{1,200},/,
    category: 'dependency',
    severity: 'critical',
    explanation: 'Resources depend on each other in a cycle; Terraform cannot order them.',
  },
  {
    id: 'state-lock',
    pattern: /Error acquiring the state lock/i,
    category: 'backend',
    severity: 'medium',
    explanation: 'The state lock is held or the lock table is missing or misconfigured.',
  },
  {
    id: 'already-exists',
    pattern: /BucketAlreadyExists|BucketAlreadyOwnedByYou|ResourceAlreadyExistsException|EntityAlreadyExists|AlreadyExistsException|already exists/i,
    category: 'naming',
    severity: 'high',
    explanation: 'A name collides with an existing resource: names need the environment suffix to be unique per deployment.',
  },
  {
    id: 'access-denied',
    pattern: /AccessDenied|is not authorized to perform|UnauthorizedOperation/i,
    category: 'iam-missing-permission',
    severity: 'high',
    explanation: 'A role or principal lacks a permission the configuration needs.',
  },
  {
    id: 'limit-exceeded',
    pattern: /LimitExceeded|ServiceQuotaExceeded|TooManyRequestsException|quota/i,
    category: 'service-constraint',
    severity: 'medium',
    explanation: 'An account or service quota was exceeded (concurrency reservations, VPCs, EIPs, ...).',
  },
  {
    id: 'dependency-violation',
    pattern: /DependencyViolation|has dependent object/i,
    category: 'dependency',
    severity: 'high',
    explanation: 'A resource was created or deleted before/after something that depends on it.',
  },
  {
    id: 'bucket-not-empty',
    pattern: /BucketNotEmpty/i,
    category: 'destroyability',
    severity: 'high',
    explanation: 'A bucket holding objects cannot be deleted without force_destroy.',
    resourceTypes: ['aws_s3_bucket'],
    argument: 'force_destroy',
  },
  {
    id: 'deletion-protection',
    pattern: /deletion protection|DeletionProtection|FinalSnapshotIdentifier is required|final_snapshot_identifier is required/i,
    category: 'destroyability',
    severity: 'high',
    explanation: 'Deletion protection or a required final snapshot blocks destroy.',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'aws_lb'],
  },
  {
    id: 'invalid-parameter',
    pattern: /InvalidParameterCombination|InvalidParameterValue|InvalidParameter\b|InvalidRequest/i,
    category: 'misconfiguration',
    severity: 'high',
    explanation: 'AWS rejected a parameter or a combination of parameters.',
  },
  {
    id: 'validation-exception',
    pattern: /ValidationException|ValidationError|MalformedPolicyDocument/i,
    category: 'misconfiguration',
    severity: 'high',
    explanation: 'AWS rejected the request as invalid.',
  },
];

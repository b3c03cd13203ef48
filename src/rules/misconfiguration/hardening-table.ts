/**
 * Service hardening settings as data (see src/rules/util/settings-table.ts): instance metadata, image
 * scanning, header validation, account password policy. Best-practice gaps, so `medium` at most.
 */
import type { TableCheck } from '../util/settings-table.js';

export const HARDENING_TABLE: TableCheck[] = [
  {
    category: 'misconfiguration',
    fixClass: 'A',
    id: 'instance-imdsv1-allowed',
    // Left out by about a third of the reference solutions: a hardening note, not a failure of its own.
    severity: 'low',
    defaultTier: 'observation',
    title: 'Instances accept IMDSv1 metadata requests',
    rootCause: 'Instances and launch templates allow the instance metadata service v1 unless `metadata_options.http_tokens = "required"`; models leave the block out.',
    fix: 'Add `metadata_options { http_endpoint = "enabled", http_tokens = "required" }`.',
    fixExample: 'metadata_options {\n  http_endpoint = "enabled"\n  http_tokens   = "required"\n}',
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
    knowledgeGap: 'IMDSv2 (session tokens) protects instance credentials from SSRF.',
    impact: 'A server-side request forgery in the application can read the instance role credentials.',
    what: 'accepts IMDSv1',
    rows: [
      {
        types: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
        require: [{ path: ['metadata_options', 'http_tokens'], test: { oneOf: ['required'] }, unset: 'gap' }],
      },
    ],
  },
  {
    category: 'misconfiguration',
    fixClass: 'B',
    id: 'ecr-scan-on-push-disabled',
    severity: 'low',
    defaultTier: 'observation',
    title: 'ECR repository does not scan images on push',
    rootCause: 'Repositories scan nothing unless `image_scanning_configuration { scan_on_push = true }` (or a registry scanning configuration) is set.',
    fix: 'Add `image_scanning_configuration { scan_on_push = true }`.',
    fixExample: 'image_scanning_configuration {\n  scan_on_push = true\n}',
    docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
    knowledgeGap: 'Container images should be scanned for vulnerabilities when pushed.',
    what: 'does not scan images on push',
    rows: [{ types: ['aws_ecr_repository'], require: [{ path: ['image_scanning_configuration', 'scan_on_push'], test: { is: true }, unset: 'gap' }] }],
  },
  {
    category: 'misconfiguration',
    fixClass: 'B',
    id: 'ecr-mutable-tags',
    severity: 'low',
    defaultTier: 'observation',
    title: 'ECR repository allows tags to be overwritten',
    rootCause: 'Repositories default to `MUTABLE` tags, so a pushed `v1.2` can be replaced silently.',
    fix: 'Set `image_tag_mutability = "IMMUTABLE"` and deploy by tag or digest.',
    fixExample: 'resource "aws_ecr_repository" "app" {\n  image_tag_mutability = "IMMUTABLE"\n}',
    docs: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
    knowledgeGap: 'Immutable image tags make deployments reproducible and tamper-evident.',
    what: 'has mutable image tags',
    rows: [{ types: ['aws_ecr_repository'], require: [{ path: ['image_tag_mutability'], test: { oneOf: ['IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION'] }, unset: 'gap' }] }],
  },
  {
    category: 'misconfiguration',
    fixClass: 'B',
    id: 'alb-invalid-headers-not-dropped',
    severity: 'low',
    defaultTier: 'observation',
    title: 'Application load balancer forwards invalid HTTP headers',
    rootCause: 'ALBs pass headers with invalid characters to targets unless `drop_invalid_header_fields = true`, which helps request smuggling.',
    fix: 'Set `drop_invalid_header_fields = true` on application load balancers.',
    fixExample: 'resource "aws_lb" "app" {\n  load_balancer_type         = "application"\n  drop_invalid_header_fields = true\n}',
    docs: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
    knowledgeGap: 'ALB header validation attributes.',
    what: 'forwards invalid header fields',
    rows: [
      {
        types: ['aws_lb', 'aws_alb'],
        when: [{ path: ['load_balancer_type'], test: { oneOf: ['application'] }, unset: 'ok' }],
        require: [{ path: ['drop_invalid_header_fields'], test: { is: true }, unset: 'gap' }],
      },
    ],
  },
  {
    category: 'iam-least-privilege',
    fixClass: 'B',
    id: 'iam-password-policy-weak',
    severity: 'medium',
    title: 'Account password policy weaker than the CIS benchmark',
    rootCause: 'Models write an account password policy with short or partial settings; CIS asks for 14+ characters, reuse prevention of 24 and expiry within 90 days.',
    fix: 'Set `minimum_password_length >= 14`, `password_reuse_prevention >= 24`, `max_password_age <= 90` and require upper, lower, numbers and symbols.',
    fixExample: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length        = 14\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  require_numbers                = true\n  require_symbols                = true\n  password_reuse_prevention      = 24\n  max_password_age               = 90\n}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    knowledgeGap: 'CIS IAM password policy settings.',
    what: 'is weaker than the CIS benchmark',
    rows: [
      {
        types: ['aws_iam_account_password_policy'],
        require: [
          { path: ['minimum_password_length'], test: { atLeast: 14 }, unset: 'gap' },
          { path: ['password_reuse_prevention'], test: { atLeast: 24 }, unset: 'gap' },
          { path: ['max_password_age'], test: { atMost: 90 }, unset: 'gap' },
          { path: ['require_uppercase_characters'], test: { is: true }, unset: 'gap' },
          { path: ['require_lowercase_characters'], test: { is: true }, unset: 'gap' },
          { path: ['require_numbers'], test: { is: true }, unset: 'gap' },
          { path: ['require_symbols'], test: { is: true }, unset: 'gap' },
        ],
      },
    ],
  },
];

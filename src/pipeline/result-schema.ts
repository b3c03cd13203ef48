/**
 * JSON Schema of the `analyze --format json` contract (DEVELOPERS.md). Additive fields are allowed;
 * the required ones and their types are what other tools depend on.
 */
import { CATEGORIES, EVIDENCE_KINDS, SEVERITIES } from '../taxonomy/categories.js';

export const ANALYSIS_RESULT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'iacjudge analysis result',
  type: 'object',
  required: ['tool', 'task', 'findings', 'score'],
  properties: {
    tool: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: { const: 'iacjudge' }, version: { type: 'string' } },
    },
    task: {
      type: 'object',
      required: ['path', 'platform', 'language'],
      properties: {
        path: { type: 'string' },
        platform: { type: 'string' },
        language: { type: 'string' },
        provider: {
          type: 'object',
          required: ['constraint', 'lockVersion', 'schemaVersion'],
          properties: {
            constraint: { type: ['string', 'null'] },
            lockVersion: { type: ['string', 'null'] },
            schemaVersion: { type: ['string', 'null'] },
          },
        },
      },
    },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'category', 'severity', 'evidence', 'fixClass', 'tier', 'rank', 'title', 'message', 'location'],
        properties: {
          ruleId: { type: 'string', minLength: 1 },
          category: { enum: CATEGORIES.map((c) => c.id) },
          severity: { enum: [...SEVERITIES] },
          evidence: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...EVIDENCE_KINDS] } },
          fixClass: { enum: ['A', 'B', 'C'] },
          title: { type: 'string' },
          message: { type: 'string' },
          location: {
            type: 'object',
            required: ['file', 'line'],
            properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 } },
          },
          resource: { type: 'string' },
          tier: { enum: ['failure', 'observation'] },
          rank: { type: 'integer', minimum: 1 },
          occurrencesOmitted: { type: 'integer', minimum: 1 },
          occurrences: {
            type: 'array',
            items: {
              type: 'object',
              required: ['location'],
              properties: {
                resource: { type: 'string' },
                location: {
                  type: 'object',
                  required: ['file', 'line'],
                  properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 } },
                },
                message: { type: 'string' },
              },
            },
          },
        },
      },
    },
    score: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['trainingQuality', 'breakdown'],
          properties: { trainingQuality: { type: 'integer', minimum: 0, maximum: 10 }, breakdown: { type: 'object' } },
        },
      ],
    },
    notes: { type: 'array', items: { type: 'string' } },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;

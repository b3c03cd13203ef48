import type { Rule } from '../types.js';
import { blocksOfKind, resources } from '../../model/query.js';

const MIN_RESOURCES = 3;

export const rule: Rule = {
  meta: {
    id: 'no-outputs',
    category: 'outputs',
    severity: 'low',
    fixClass: 'C',
    title: 'Stack defines no outputs',
    rootCause: 'Models focus on resources and forget that integration tests and users read endpoints, names and ARNs from stack outputs.',
    fix: 'Output the identifiers tests and consumers need (endpoints, names, ARNs, URLs).',
    fixExample: `output "api_url" {
  value = aws_api_gateway_stage.prod.invoke_url
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/values/outputs',
    knowledgeGap: 'Stacks must expose outputs for integration tests and consumers.',
    impact: 'Integration tests cannot find the deployed resources.',
  },
  check(ctx) {
    if (blocksOfKind(ctx.config, 'output').length) return;
    const all = resources(ctx.config);
    if (all.length < MIN_RESOURCES) return;
    ctx.report({ block: all[0]!, resource: 'outputs', message: `The configuration declares ${all.length} resources but no outputs.` });
  },
};

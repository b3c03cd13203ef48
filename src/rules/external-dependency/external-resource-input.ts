import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { looksLikeExternalReference, requiredVariables, variableName } from '../util/variables.js';
import { isCdktfConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'external-resource-input',
    category: 'external-dependency',
    severity: 'critical',
    fixClass: 'B',
    title: 'Required input names a pre-existing resource',
    rootCause: 'The model asks for the id/ARN/URL of a VPC, subnets, repository, certificate or zone instead of creating it.',
    fix: 'Create the resource in the stack (or make the input optional with a create_* flag that defaults to creating it).',
    fixExample: 'variable "vpc_id" {\n  type    = string\n  default = null\n}\n\nresource "aws_vpc" "main" {\n  count      = var.vpc_id == null ? 1 : 0\n  cidr_block = "10.0.0.0/16"\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables',
    knowledgeGap: 'Self-sufficiency: every deployment runs in isolation, no pre-existing resources',
    impact: 'Deployment is impossible until someone provisions the referenced resource by hand.',
  },
  check(ctx) {
    if (!ctx.conventions.selfSufficient || isCdktfConfig(ctx.config)) return;
    for (const v of requiredVariables(ctx.config)) {
      const name = variableName(v);
      if (name === ctx.conventions.suffixVariable || !looksLikeExternalReference(name)) continue;
      ctx.report({ block: v, resource: blockAddress(v), message: `var.${name} must be the id/ARN/URL of a resource that already exists.` });
    }
  },
};

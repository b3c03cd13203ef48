import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { literalStrings } from './literal-strings.js';

const AZ = /^[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]$/;

export const rule: Rule = {
  meta: {
    id: 'hardcoded-availability-zone',
    category: 'hardcoded-value',
    severity: 'low',
    fixClass: 'C',
    title: 'Availability Zone names hard-coded',
    rootCause: 'Models write "us-east-1a"-style names instead of reading the zones available to the account.',
    fix: 'Use `data.aws_availability_zones.available.names` (sliced to the count you need).',
    fixExample: `data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 2)
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/availability_zones',
    knowledgeGap: 'AZ names are account- and region-specific and must be looked up.',
    impact: 'Deploying to another region (or an account without that AZ) fails.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const hit of literalStrings(ctx.config)) {
      if (!AZ.test(hit.text)) continue;
      const address = blockAddress(hit.block);
      if (seen.has(address)) continue;
      seen.add(address);
      ctx.report({ block: hit.block, message: `\`${hit.attribute}\` hard-codes Availability Zone ${hit.text}.` });
    }
  },
};

import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { literalStrings } from './literal-strings.js';

/** A region inside an ARN (arn:aws:svc:REGION:) or a service endpoint/name (com.amazonaws.REGION., svc.REGION.amazonaws.com). */
const REGION_IN_ARN = /arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-gov)?-[a-z]+-\d):/;
const REGION_IN_ENDPOINT = /com\.amazonaws\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.|\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com/;

export const rule: Rule = {
  meta: {
    id: 'hardcoded-region',
    category: 'hardcoded-value',
    severity: 'low',
    fixClass: 'C',
    title: 'Region hard-coded in ARNs or service names',
    rootCause: 'Models write the example region into ARNs and endpoint names instead of reading it from the provider.',
    fix: 'Use `data.aws_region.current.name` (or the region variable) when building ARNs and service names.',
    fixExample: `service_name = "com.amazonaws.\${data.aws_region.current.name}.s3"`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/region',
    knowledgeGap: 'Region-specific strings must be derived from the deployment region.',
    impact: 'The stack breaks or points at the wrong region when deployed elsewhere.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const hit of literalStrings(ctx.config)) {
      const m = REGION_IN_ARN.exec(hit.text) ?? REGION_IN_ENDPOINT.exec(hit.text);
      if (!m) continue;
      const address = blockAddress(hit.block);
      if (seen.has(address)) continue;
      seen.add(address);
      ctx.report({ block: hit.block, message: `\`${hit.attribute}\` hard-codes region ${m[1] ?? m[2]} ("${hit.text.slice(0, 80)}").` });
    }
  },
};

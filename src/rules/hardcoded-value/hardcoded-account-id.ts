import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { literalStrings } from './literal-strings.js';

/** A 12-digit account id in the account field of an ARN. */
const ACCOUNT_IN_ARN = /arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/;

export const rule: Rule = {
  meta: {
    id: 'hardcoded-account-id',
    category: 'hardcoded-value',
    severity: 'low',
    fixClass: 'C',
    title: 'Account id hard-coded in ARNs',
    rootCause: 'Models paste example ARNs with a literal account id instead of reading the caller identity.',
    fix: 'Use `data.aws_caller_identity.current.account_id` in ARNs.',
    fixExample: `Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/caller_identity',
    knowledgeGap: 'Account ids in ARNs must come from the deploying account.',
    impact: 'Policies and references point at another (or a non-existent) account.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const hit of literalStrings(ctx.config)) {
      const m = ACCOUNT_IN_ARN.exec(hit.text);
      // Public Lambda layers (Lambda Insights, Powertools) live in AWS-owned accounts: that id is not ours.
      if (!m || hit.text.includes(':layer:')) continue;
      const address = blockAddress(hit.block);
      if (seen.has(address)) continue;
      seen.add(address);
      ctx.report({ block: hit.block, message: `\`${hit.attribute}\` hard-codes account id ${m[1]}.` });
    }
  },
};

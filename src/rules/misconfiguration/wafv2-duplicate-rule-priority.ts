import type { Rule } from '../types.js';
import { attrExpr, nestedBlocks, resources, staticNumber } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'wafv2-duplicate-rule-priority',
    category: 'misconfiguration',
    severity: 'high',
    fixClass: 'B',
    title: 'WAF rules share a priority',
    rootCause: 'Models copy managed-rule blocks and keep the example priority, so two rules in one web ACL get the same number.',
    fix: 'Give every rule in the web ACL (or rule group) a distinct priority, in evaluation order.',
    fixExample: `rule {
  name     = "AWSManagedRulesCommonRuleSet"
  priority = 1
  # ...
}
rule {
  name     = "rate-limit"
  priority = 2
  # ...
}`,
    docs: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-processing-order.html',
    knowledgeGap: 'WAFv2 rule priorities must be unique within a web ACL.',
    impact: 'The WAF API rejects the web ACL, failing the deployment.',
  },
  check(ctx) {
    for (const acl of [...resources(ctx.config, 'aws_wafv2_web_acl'), ...resources(ctx.config, 'aws_wafv2_rule_group')]) {
      const seen = new Map<number, number>();
      for (const r of nestedBlocks(acl, 'rule', false)) {
        const p = staticNumber(attrExpr(r, 'priority'));
        if (p !== undefined) seen.set(p, (seen.get(p) ?? 0) + 1);
      }
      const dups = [...seen].filter(([, n]) => n > 1).map(([p]) => p).sort((a, b) => a - b);
      if (!dups.length) continue;
      ctx.report({ block: acl, message: `Rule priorit${dups.length > 1 ? 'ies' : 'y'} ${dups.join(', ')} used by more than one rule.` });
    }
  },
};

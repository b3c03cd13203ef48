import type { Rule } from '../types.js';
import type { Expr } from '../../model/types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';

/** Standards whose ARN carries the region: `arn:aws:securityhub:<region>::standards/<path>`. */
const REGIONAL_STANDARDS = new Set([
  'aws-foundational-security-best-practices/v/1.0.0',
  'cis-aws-foundations-benchmark/v/1.4.0',
  'cis-aws-foundations-benchmark/v/3.0.0',
  'cis-aws-foundations-benchmark/v/5.0.0',
  'pci-dss/v/3.2.1',
  'pci-dss/v/4.0.1',
  'nist-800-53/v/5.0.0',
  'nist-800-171/v/2.0.0',
  'aws-resource-tagging-standard/v/1.0.0',
  'service-managed-aws-control-tower/v/1.0.0',
]);

/** The one standard still addressed by a region-less ruleset ARN. */
const GLOBAL_RULESETS = new Set(['cis-aws-foundations-benchmark/v/1.2.0']);

const ARN = /^arn:[^:]+:securityhub:([^:]*):[^:]*:(standards|ruleset)\/(.+)$/;

/** The ARN text with interpolations shown as `${…}` (so a templated region still parses). */
function arnText(e: Expr): string | undefined {
  if (e.kind !== 'template') return undefined;
  return e.parts.map((p) => (p.kind === 'literal' ? String(p.value ?? '') : '${…}')).join('');
}

export function standardsArnProblem(arn: string): string | undefined {
  const m = ARN.exec(arn);
  if (!m) return arn.startsWith('arn:') ? 'is not a Security Hub standards ARN' : undefined;
  const [, region, kind, path] = m as unknown as [string, string, string, string];
  if (kind === 'ruleset') {
    if (!GLOBAL_RULESETS.has(path)) return `uses the ruleset/ form, which exists only for CIS 1.2.0 (arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0)`;
    if (region !== '') return 'puts a region into the CIS 1.2.0 ruleset ARN, which has none';
    return undefined;
  }
  if (GLOBAL_RULESETS.has(path)) return 'names CIS 1.2.0 under standards/, but that standard is arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0';
  if (!REGIONAL_STANDARDS.has(path)) return `names an unknown standard "${path}"`;
  if (region === '') return 'omits the region, which standards/ ARNs require';
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'securityhub-standards-arn-invalid',
    category: 'misconfiguration',
    severity: 'high',
    fixClass: 'A',
    // BatchEnableStandards rejects the ARN: the subscription never exists, whatever the check's measured precision.
    applyFailure: true,
    title: 'Security Hub standards subscription with a malformed standards ARN',
    rootCause:
      'Models mix the two Security Hub ARN forms (the region-less `ruleset/` ARN of CIS 1.2.0 and the regional `standards/` ARNs) and invent standard paths or versions.',
    fix: 'Use the exact standards ARN, with the region: `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`.',
    fixExample: `resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:\${data.aws_region.current.name}::standards/aws-foundational-security-best-practices/v/1.0.0"
  depends_on    = [aws_securityhub_account.main]
}`,
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/standards-reference.html',
    knowledgeGap: 'Security Hub standards ARNs have two exact forms that must be copied, not reconstructed.',
    impact: 'Apply fails: the subscription is rejected (InvalidInputException).',
  },
  check(ctx) {
    for (const sub of resources(ctx.config, 'aws_securityhub_standards_subscription')) {
      const e = attrExpr(sub, 'standards_arn');
      if (!e) continue;
      const arn = resolvedString(ctx.config, e) ?? arnText(e);
      if (!arn) continue;
      const problem = standardsArnProblem(arn);
      if (!problem) continue;
      ctx.report({ block: sub, message: `${blockAddress(sub)}: standards_arn "${arn}" ${problem}.` });
    }
  },
};

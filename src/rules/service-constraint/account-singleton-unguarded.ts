import type { Rule } from '../types.js';
import { blockAddress, resources } from '../../model/query.js';
import { isGuarded } from '../util/variables.js';

/**
 * Resources AWS allows once per account and region, whose create call fails (instead of adopting the existing
 * one) when the account already has it. Shared test and training accounts usually do: reviewers of the dev corpus
 * document the Config recorder and the GuardDuty detector failing this way. Only types with a failing create are
 * listed; account settings that are a plain put (password policy, EBS default encryption, S3 account public access
 * block) are not.
 */
const ACCOUNT_SINGLETONS: Record<string, { what: string; error: string }> = {
  aws_config_configuration_recorder: { what: 'AWS Config configuration recorder', error: 'MaxNumberOfConfigurationRecordersExceededException' },
  aws_config_delivery_channel: { what: 'AWS Config delivery channel', error: 'MaxNumberOfDeliveryChannelsExceededException' },
  aws_guardduty_detector: { what: 'GuardDuty detector', error: 'BadRequestException: a detector already exists for the current account' },
  aws_securityhub_account: { what: 'Security Hub subscription', error: 'ResourceConflictException: the account is already subscribed to Security Hub' },
  aws_macie2_account: { what: 'Macie enablement', error: 'ConflictException: Macie is already enabled' },
  aws_organizations_organization: { what: 'AWS Organizations organization', error: 'AlreadyInOrganizationException' },
};

export const rule: Rule = {
  meta: {
    id: 'account-singleton-unguarded',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    title: 'Account-wide singleton created unconditionally',
    rootCause:
      'Models create account-level services (Config recorder and delivery channel, GuardDuty detector, Security Hub, Macie) as if the account were empty; AWS allows one per account and region, and shared accounts usually have one already.',
    fix: 'Guard the singleton with an enable flag (`count = var.enable_guardduty ? 1 : 0`) or read the existing one with a data source, and reference it through `one(...)` or an index.',
    fixExample: `variable "create_guardduty_detector" {
  type    = bool
  default = false
}

resource "aws_guardduty_detector" "main" {
  count  = var.create_guardduty_detector ? 1 : 0
  enable = true
}`,
    fixExampleTs: `const detectorCount = new TerraformVariable(this, 'create_guardduty_detector', { type: 'bool', default: false });
new GuarddutyDetector(this, 'main', {
  count: Fn.conditional(detectorCount.booleanValue, 1, 0),
  enable: true,
});`,
    docs: 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
    knowledgeGap: 'Account- and region-level singletons (Config recorder, GuardDuty detector, Security Hub) and how to deploy them into shared accounts.',
    impact: 'Apply fails in any account that already has the service enabled; the rest of the stack is left half-created.',
    // The create fails in any account that has the service (reviewers document it even where the matcher of the
    // precision table cannot tie their prose to the type); where the ideal keeps it too, the reviewer accepted it.
    applyFailure: true,
  },
  check(ctx) {
    for (const r of resources(ctx.config)) {
      const singleton = ACCOUNT_SINGLETONS[r.labels[0] ?? ''];
      if (!singleton || isGuarded(r)) continue;
      ctx.report({
        block: r,
        resource: blockAddress(r),
        message: `${blockAddress(r)} creates the account's ${singleton.what} unconditionally; AWS allows one per account and region, so apply fails with ${singleton.error} where one already exists.`,
      });
    }
  },
};

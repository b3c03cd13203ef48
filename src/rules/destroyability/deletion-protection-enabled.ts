import type { Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticBool, staticString } from '../../model/query.js';

/** Attribute that turns deletion protection on, per resource type. */
const PROTECTION: Record<string, string> = {
  aws_db_instance: 'deletion_protection',
  aws_rds_cluster: 'deletion_protection',
  aws_docdb_cluster: 'deletion_protection',
  aws_neptune_cluster: 'deletion_protection',
  aws_rds_global_cluster: 'deletion_protection',
  aws_lb: 'enable_deletion_protection',
  aws_alb: 'enable_deletion_protection',
  aws_dynamodb_table: 'deletion_protection_enabled',
  aws_cognito_user_pool: 'deletion_protection',
  aws_qldb_ledger: 'deletion_protection',
};

/** True when every branch of the value enables protection (a conditional with one "off" branch is a choice). */
function enables(e: Expr | undefined, type: string): boolean {
  if (!e) return false;
  if (e.kind === 'conditional') return enables(e.then, type) && enables(e.else, type);
  if (type === 'aws_cognito_user_pool') return staticString(e) === 'ACTIVE';
  return staticBool(e) === true;
}

export const rule: Rule = {
  meta: {
    id: 'deletion-protection-enabled',
    category: 'destroyability',
    severity: 'high',
    fixClass: 'B',
    title: 'Deletion protection enabled',
    rootCause: 'The model turns on production safeguards (deletion protection) in a stack that CI must destroy after testing.',
    fix: 'Leave deletion protection off (or drive it from a variable that defaults to false).',
    fixExample: 'resource "aws_lb" "main" {\n  enable_deletion_protection = false\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
    knowledgeGap: 'Destroyability: test stacks must be destroyable without manual steps',
    impact: 'terraform destroy fails until someone disables protection by hand.',
    // Reviewers list it where their ideal changed the block (dev corpus: 1 of 19 code-only findings named a
    // documented failure).
    failureNeedsIdealChange: true,
    // "Deletion protection on.", "with **deletion protection enabled**": the task's own requirement (read against
    // the code: a failure for following it was judged wrong).
    promptRequires: /deletion[ _-]protection(?:[ _]enabled)?\W{0,3}\s*(?:is\s+|must be\s+|should be\s+|=\s*|to\s+)?(?:on|enabled|true)\b/i,
  },
  check(ctx) {
    if (!ctx.conventions.destroyable) return;
    for (const [type, attribute] of Object.entries(PROTECTION)) {
      for (const r of resources(ctx.config, type)) {
        const e = attrExpr(r, attribute);
        // QLDB ledgers are protected unless told otherwise.
        const on = type === 'aws_qldb_ledger' ? !e || enables(e, type) : enables(e, type);
        if (!on) continue;
        ctx.report({ block: r, resource: blockAddress(r), message: `${blockAddress(r)} has ${attribute} enabled; destroy will fail.` });
      }
    }
  },
};

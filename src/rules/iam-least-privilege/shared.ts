/** Which policy statements are identity-policy grants (the subject of wildcard checks). */
import type { Block, Configuration } from '../../model/types.js';
import { allPolicyStatements, type PolicyStatement } from '../util/policy.js';

/** Resource types whose policy is an identity policy (attached to a principal). */
const IDENTITY_POLICY_TYPES = new Set([
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
  'aws_iam_role',
]);

export interface Grant {
  block: Block;
  statement: PolicyStatement;
}

/** Allow statements of identity policies (statements with a Principal are resource or trust policies). */
export function identityGrants(config: Configuration): Grant[] {
  return allPolicyStatements(config)
    .filter(({ block, attribute, statement }) => {
      if (statement.effect !== 'Allow' || statement.principals.length) return false;
      if (block.kind === 'data') return true;
      if (block.labels[0] === 'aws_iam_role') return attribute === 'inline_policy';
      return IDENTITY_POLICY_TYPES.has(block.labels[0] ?? '') && attribute === 'policy';
    })
    .map(({ block, statement }) => ({ block, statement }));
}

/** Group items by block, keeping first-seen order. */
export function byBlock<T extends { block: Block }>(items: T[]): Map<Block, T[]> {
  const m = new Map<Block, T[]>();
  for (const i of items) {
    const list = m.get(i.block) ?? [];
    list.push(i);
    m.set(i.block, list);
  }
  return m;
}

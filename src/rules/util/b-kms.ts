/** KMS key policies: from the key's `policy` argument or a separate aws_kms_key_policy resource. */
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, resources } from '../../model/query.js';
import { policyStatements, type PolicyStatement } from './policy.js';
import { expressionReferences } from './b-refs.js';

export interface KeyPolicy {
  /** False when the key has no explicit policy (the default policy: account root only). */
  explicit: boolean;
  /** False when a policy is set but could not be read; rules stay silent then. */
  readable: boolean;
  statements: PolicyStatement[];
}

export function keyPolicy(config: Configuration, key: Block): KeyPolicy {
  // A looked-up key (`data "aws_kms_key"`) has a policy this configuration never shows.
  if (key.kind === 'data') return { explicit: false, readable: false, statements: [] };
  const exprs = [attrExpr(key, 'policy')];
  for (const kp of resources(config, 'aws_kms_key_policy')) {
    if (expressionReferences(attrExpr(kp, 'key_id'), key)) exprs.push(attrExpr(kp, 'policy'));
  }
  const present = exprs.filter((e) => e !== undefined);
  if (!present.length) return { explicit: false, readable: true, statements: [] };
  const statements = present.flatMap((e) => policyStatements(e, config));
  return { explicit: true, readable: statements.length > 0, statements };
}

/** Whether a statement names a service principal matching the test (identifiers may be rendered expressions). */
export function hasServicePrincipal(st: PolicyStatement, test: (id: string) => boolean): boolean {
  return st.principals.some((p) => p.type === 'Service' && p.identifiers.some(test));
}

/**
 * Whether an expression may evaluate to null. Terraform rejects a value for a computed-only attribute only when the
 * value is non-null ("Can't configure a value for ...: its value will be decided automatically"), so modules pass
 * optional inputs straight through (`service_ipv6_cidr = var.cluster_service_ipv6_cidr`, default null) and plan fine.
 * Only expressions that certainly produce a value are worth a finding. Static reading, no evaluation.
 */
import type { Expr } from '../model/types.js';
import { referenceTarget } from '../model/query.js';

/** Functions whose result is null when their input or fallback is (try(x, null), lookup(m, k, null), one([])). */
const NULL_PASSING = new Set(['try', 'lookup', 'one', 'element', 'coalesce', 'can']);

export function mayBeNull(e: Expr): boolean {
  switch (e.kind) {
    case 'literal':
      return e.value === null;
    case 'template':
    case 'tuple':
    case 'object':
    case 'for':
    case 'operation':
      return false;
    case 'reference': {
      if (e.parts[0] === 'count' && e.parts[1] === 'index') return false;
      // Attributes of resources, data sources and modules are values the configuration produces; inputs
      // (var, local), iteration values (each, dynamic iterators) and self may be null.
      const target = referenceTarget(e.parts);
      return !(target && !target.startsWith('var.') && !target.startsWith('local.'));
    }
    case 'call':
      return NULL_PASSING.has(e.name) ? e.args.some(mayBeNull) || e.name === 'one' || e.name === 'element' : false;
    case 'conditional':
      return mayBeNull(e.then) || mayBeNull(e.else);
    case 'access':
    case 'opaque':
      return true;
  }
}

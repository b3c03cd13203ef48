import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { allAttributes, blockAddress, referencesIn, referenceTarget } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'reference-cycle',
    category: 'dependency',
    severity: 'critical',
    fixClass: 'A',
    // `terraform plan` stops with "Cycle: ...": listed whatever the check's measured precision unless the ideal
    // keeps the cycle.
    applyFailure: true,
    title: 'Circular dependency between resources',
    rootCause:
      'Models write mutually referencing resources the way they describe them (security groups that allow each other inline, a log group named after a cluster that depends on it); Terraform cannot order a cycle.',
    fix: 'Break the cycle: move mutual security group rules into separate `aws_security_group_rule` / `aws_vpc_security_group_ingress_rule` resources, or build one side\'s value from a shared local instead of the other resource.',
    fixExample: `resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.app.id
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/resources/behavior#resource-dependencies',
    knowledgeGap: 'Terraform resource graphs must be acyclic; mutual references need separate rule resources.',
    impact: '`terraform plan` fails with "Error: Cycle", blocking every deployment.',
  },
  check(ctx) {
    // Modules are left out: Terraform orders their outputs one by one, so module-level cycles are legal.
    const nodes = ctx.config.blocks.filter((b) => b.kind === 'resource' || b.kind === 'data');
    // Addresses declared twice (the same name in several module folders) are different resources: leave them out.
    const counts = new Map<string, number>();
    for (const b of nodes) counts.set(blockAddress(b), (counts.get(blockAddress(b)) ?? 0) + 1);
    const byAddress = new Map<string, Block>(nodes.filter((b) => counts.get(blockAddress(b)) === 1).map((b) => [blockAddress(b), b]));
    const edges = new Map<string, Set<string>>();
    for (const b of byAddress.values()) {
      const from = blockAddress(b);
      const out = new Set<string>();
      for (const { path, attribute } of allAttributes(b)) {
        // `lifecycle { ignore_changes = [...] }` names attributes, not resources.
        if (path[0] === 'lifecycle') continue;
        for (const ref of referencesIn(attribute.expr)) {
          const target = referenceTarget(ref.parts);
          if (target && target !== from && byAddress.has(target)) out.add(target);
        }
      }
      edges.set(from, out);
    }
    const reported = new Set<string>();
    for (const cycle of findCycles(edges)) {
      const key = [...cycle].sort().join('|');
      if (reported.has(key)) continue;
      reported.add(key);
      const first = byAddress.get(cycle[0]!)!;
      ctx.report({ block: first, message: `These resources reference each other in a cycle Terraform cannot order: ${[...cycle, cycle[0]].join(' → ')}.` });
    }
  },
};

/** Elementary cycles found by depth-first search from each node in address order (one cycle per back edge). */
function findCycles(edges: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of [...(edges.get(n) ?? [])].sort()) {
      const s = state.get(m);
      if (s === 1) cycles.push(stack.slice(stack.indexOf(m)));
      else if (s === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of [...edges.keys()].sort()) if (!state.has(n)) visit(n);
  return cycles;
}

import type { Rule } from '../types.js';
import { blocksOfKind } from '../../model/query.js';
import { dirname, isCdktfConfig } from '../util/files.js';
import { boundedSuggester } from '../util/variables.js';
import { localModuleCalls, moduleDirs } from '../util/modules.js';

/** `module.x.out`, `module.x[0].out`, `module.x["k"].out`, `module.x[*].out` → `out`. */
const OUTPUT_OF = /^module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.([A-Za-z_][\w-]*)/;

export const rule: Rule = {
  meta: {
    id: 'module-output-undeclared',
    category: 'reference',
    severity: 'critical',
    fixClass: 'C',
    title: 'Reference to an output the child module does not declare',
    rootCause: 'The model reads a value from a child module under a name the module never exports as an output.',
    fix: 'Declare the output in the child module, or reference one of the outputs it declares.',
    fixExample: '# modules/vpc/outputs.tf\noutput "private_subnet_ids" {\n  value = aws_subnet.private[*].id\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/modules/syntax#accessing-module-output-values',
    knowledgeGap: 'Module interfaces: only declared outputs are visible to the caller',
    impact: 'terraform validate fails: "Unsupported attribute: This object does not have an attribute named ...".',
  },
  check(ctx) {
    const suggest = boundedSuggester();
    const { config } = ctx;
    if (isCdktfConfig(config)) return;
    const present = moduleDirs(config);
    // Child folder of each call, by caller folder and module name.
    const childOf = new Map<string, { dir: string; source: string }>();
    for (const call of localModuleCalls(config)) {
      if (call.childDir === call.callerDir || !present.has(call.childDir)) continue;
      childOf.set(`${call.callerDir}\u0000${call.block.labels[0] ?? ''}`, { dir: call.childDir, source: call.source });
    }
    if (childOf.size === 0) return;
    const outputsIn = new Map<string, Set<string>>();
    for (const o of blocksOfKind(config, 'output')) {
      const dir = dirname(o.span.file);
      outputsIn.set(dir, (outputsIn.get(dir) ?? new Set()).add(o.labels[0] ?? ''));
    }
    const seen = new Set<string>();
    for (const ref of config.references) {
      if (!ref.target.startsWith('module.') || !ref.span) continue;
      const callerDir = dirname(ref.span.file);
      const child = childOf.get(`${callerDir}\u0000${ref.target.slice('module.'.length)}`);
      if (child === undefined) continue;
      const output = OUTPUT_OF.exec(ref.text.replace(/\s+/g, ''))?.[1];
      if (output === undefined) continue;
      const outputs = outputsIn.get(child.dir) ?? new Set<string>();
      if (outputs.has(output)) continue;
      const key = `${callerDir}\u0000${ref.target}.${output}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const suggestion = suggest(output, outputs);
      ctx.report({
        span: ref.span,
        resource: `${ref.target}.${output}`,
        message:
          `${ref.from} references \`${ref.target}.${output}\`, but the module ${child.source} declares no output \`${output}\`` +
          (suggestion ? `; did you mean \`${ref.target}.${suggestion}\`?` : '.'),
      });
    }
  },
};

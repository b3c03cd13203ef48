import type { Rule } from '../types.js';
import { resources } from '../../model/query.js';
import { basename, isHclConfig, tfFiles } from '../util/files.js';

/** Below this many resources one file is a reasonable layout. */
const MIN_RESOURCES = 15;

/** Prompts that ask for one file make a single-file stack the requirement, not a failure. */
const ASKS_SINGLE_FILE = /\b(single|one)\s+(terraform\s+|hcl\s+|\.tf\s+)?file\b|\bin\s+(a\s+)?single\s+\S*\.tf\b|\btap_stack\.tf\b|\bmain\.tf\s+only\b/i;

export const rule: Rule = {
  meta: {
    id: 'single-file-stack',
    category: 'file-layout',
    severity: 'low',
    fixClass: 'B',
    title: 'Whole stack in one file',
    rootCause: 'The model emits one large file instead of splitting variables, resources by service, and outputs.',
    fix: 'Split the configuration: variables.tf, outputs.tf, locals.tf and one file per service area.',
    fixExample: '# lib/variables.tf, lib/outputs.tf, lib/network.tf, lib/compute.tf, ...',
    docs: 'https://developer.hashicorp.com/terraform/language/modules/develop/structure',
    knowledgeGap: 'Terraform file organization for larger stacks',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    if (ctx.task.prompt && ASKS_SINGLE_FILE.test(ctx.task.prompt)) return;
    const files = tfFiles(ctx.config).filter((f) => basename(f.path) !== ctx.conventions.providerFile);
    if (files.length !== 1) return;
    const all = resources(ctx.config);
    if (all.length < MIN_RESOURCES) return;
    const file = files[0]!;
    ctx.report({
      span: { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: `file:${file.path}`,
      message: `All ${all.length} resources are in ${basename(file.path)}; split the stack by concern.`,
    });
  },
};

import type { Rule } from '../types.js';
import { blocksOfKind } from '../../model/query.js';
import { dirname, isCdktfConfig } from '../util/files.js';
import { boundedSuggester, hasDefault, variableName } from '../util/variables.js';
import { localModuleCalls, moduleDirs, MODULE_META_ARGUMENTS } from '../util/modules.js';

/** The title of the finding for a called folder that declares no variable: the folder itself is incomplete. */
export const MODULE_WITHOUT_VARIABLES_TITLE = 'Module folder without its variables file';

export const rule: Rule = {
  meta: {
    id: 'module-input-mismatch',
    category: 'reference',
    severity: 'critical',
    fixClass: 'C',
    title: 'Module call misses a required input or passes an undeclared one',
    rootCause: 'The model writes the child module and its call separately and lets their variable names drift apart.',
    fix: "Pass every variable the child module declares without a default, under the child's names, and nothing else.",
    fixExample: 'module "ec2" {\n  source        = "./modules/ec2"\n  instance_type = var.instance_type\n  subnet_id     = aws_subnet.private.id\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/modules/syntax#calling-a-child-module',
    knowledgeGap: 'Module interfaces: the caller passes exactly the variables the child declares',
    impact: 'terraform validate fails: "Missing required argument" or "Unsupported argument" in the module block.',
  },
  check(ctx) {
    const suggest = boundedSuggester();
    const { config } = ctx;
    if (isCdktfConfig(config)) return;
    const present = moduleDirs(config);
    const variables = blocksOfKind(config, 'variable');
    for (const call of localModuleCalls(config)) {
      // A child folder the response does not contain is judged elsewhere (missing file), never guessed at here.
      if (call.childDir === call.callerDir || !present.has(call.childDir)) continue;
      const declared = variables.filter((v) => dirname(v.span.file) === call.childDir);
      const names = new Set(declared.map(variableName));
      const passed = new Set(call.block.attributes.map((a) => a.name));
      const name = call.block.labels[0] ?? '';
      // A child folder without any variable: its variables file is missing, one root cause for every input passed.
      const inputs = call.block.attributes.filter((a) => !MODULE_META_ARGUMENTS.has(a.name));
      if (!declared.length && inputs.length) {
        ctx.report({
          block: call.block,
          resource: `module.${name}`,
          title: MODULE_WITHOUT_VARIABLES_TITLE,
          message: `module.${name} passes ${inputs.length} input(s) (${inputs.slice(0, 4).map((a) => `\`${a.name}\``).join(', ')}${inputs.length > 4 ? ', …' : ''}), but the module ${call.source} declares no variable at all: its variables file is missing.`,
        });
        continue;
      }
      const missing = declared.filter((v) => !hasDefault(v) && !passed.has(variableName(v))).map(variableName);
      if (missing.length > 0) {
        ctx.report({
          block: call.block,
          resource: `module.${name}`,
          message: `module.${name} does not pass ${missing.map((m) => `\`${m}\``).join(', ')}, which the module ${call.source} declares without a default.`,
        });
      }
      for (const a of call.block.attributes) {
        if (MODULE_META_ARGUMENTS.has(a.name) || names.has(a.name)) continue;
        const suggestion = suggest(a.name, names);
        ctx.report({
          span: a.span,
          resource: `module.${name}.${a.name}`,
          message: `module.${name} passes \`${a.name}\`, which the module ${call.source} does not declare as a variable` + (suggestion ? `; did you mean \`${suggestion}\`?` : '.'),
        });
      }
    }
  },
};

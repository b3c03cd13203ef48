import type { Rule } from '../types.js';
import { isCdktfConfig, isUnnamedCodeFile } from '../util/files.js';
import { localModuleCalls, moduleDirs } from '../util/modules.js';

export const rule: Rule = {
  meta: {
    id: 'module-source-missing',
    category: 'reference',
    severity: 'critical',
    fixClass: 'B',
    // `terraform init` stops on the first module folder it cannot read.
    applyFailure: true,
    title: 'Module call to a local folder the response does not contain',
    rootCause:
      'The model designs a modular layout (`source = "./modules/rds"`), writes the root module and one or two child modules, and never delivers the others.',
    fix: 'Deliver every module folder the configuration calls (its main.tf, variables.tf and outputs.tf), or declare those resources in the root module.',
    fixExample: '# lib/modules/rds/variables.tf, main.tf and outputs.tf, then:\nmodule "rds" {\n  source     = "./modules/rds"\n  subnet_ids = module.vpc.private_subnet_ids\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/modules/sources#local-paths',
    knowledgeGap: 'A local module source is a folder of the configuration: every called folder must be delivered.',
    impact: '`terraform init` fails: "Unreadable module directory" (no such file or directory); nothing deploys.',
  },
  check(ctx) {
    const { config } = ctx;
    if (isCdktfConfig(config)) return;
    // Code the extractor could not place may be the missing folder's files: nothing is claimed then.
    if (config.files.some((f) => isUnnamedCodeFile(f.path))) return;
    const present = moduleDirs(config);
    for (const call of localModuleCalls(config)) {
      if (call.childDir === call.callerDir || present.has(call.childDir)) continue;
      const name = call.block.labels[0] ?? '';
      ctx.report({
        block: call.block,
        resource: `module.${name}`,
        message: `module.${name} loads ${call.source}, but the response contains no file of that folder: terraform init fails (Unreadable module directory).`,
      });
    }
  },
};

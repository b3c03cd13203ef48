import type { Rule } from '../types.js';
import { basename } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'suffix-fixed-in-tfvars',
    category: 'naming',
    severity: 'medium',
    fixClass: 'B',
    // A tfvars value is a sample the pipeline overrides: read against the code in four readings, never judged a real
    // defect (per-environment tfvars the prompt asks for, README-derived values). Listed among observations.
    defaultTier: 'observation',
    title: 'Environment suffix fixed in a tfvars file',
    rootCause: 'The model treats the suffix like an environment name and writes one value ("dev") into committed tfvars files.',
    fix: 'Leave the suffix out of committed tfvars; supply it per deployment (`-var environment_suffix=pr123` or `TF_VAR_environment_suffix`).',
    fixExample: '# dev.tfvars\nenvironment = "dev"\n# environment_suffix comes from the pipeline: TF_VAR_environment_suffix',
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables#variables-on-the-command-line',
    knowledgeGap: 'Per-deployment unique suffixes vs. per-environment settings',
    impact: 'Parallel deployments to the same environment (PR branches) collide on resource names.',
  },
  check(ctx) {
    const name = ctx.conventions.suffixVariable;
    const assignment = new RegExp(`^\\s*${name}\\s*=\\s*"([^"$]*)"`);
    for (const file of ctx.config.files) {
      if (!file.path.endsWith('.tfvars')) continue;
      const lines = file.content.split('\n');
      lines.forEach((line, i) => {
        const m = assignment.exec(line);
        if (!m) return;
        ctx.report({
          span: { file: file.path, line: i + 1, column: 1, endLine: i + 1, endColumn: line.length + 1 },
          resource: `file:${file.path}`,
          message: `${basename(file.path)} fixes ${name} to "${m[1]}": every deployment from this file gets the same names.`,
        });
      });
    }
  },
};

import type { Rule } from '../types.js';
import type { Configuration } from '../../model/types.js';
import { blockAddress } from '../../model/query.js';
import { looksLikeExternalReference, requiredVariables, tfvarsBlocks, variableName } from '../util/variables.js';
import { isCdktfConfig } from '../util/files.js';

/** Names the response's .tfvars files assign (the front-end's block of a file's top-level attributes). */
function tfvarsAssignments(config: Configuration): Set<string> {
  return new Set(tfvarsBlocks(config).flatMap((b) => b.attributes.map((a) => a.name)));
}

export const rule: Rule = {
  meta: {
    id: 'variable-without-default',
    category: 'required-input',
    severity: 'high',
    fixClass: 'B',
    title: 'Input variable without a default',
    rootCause: 'The model treats domain names, e-mails, ARNs and ids as inputs an operator will type, but the pipeline deploys unattended.',
    fix: 'Give every input a default that deploys (or null/"" with the dependent feature guarded by a flag); create referenced resources in the stack.',
    fixExample: 'variable "alarm_email" {\n  type    = string\n  default = null\n}\n\nresource "aws_sns_topic_subscription" "email" {\n  count     = var.alarm_email == null ? 0 : 1\n  topic_arn = aws_sns_topic.alarms.arn\n  protocol  = "email"\n  endpoint  = var.alarm_email\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables#default-values',
    knowledgeGap: 'CI/CD requirements: every input needs a default for automated deployment',
    impact: 'terraform plan/apply stops to ask for a value; the automated deployment cannot start.',
  },
  check(ctx) {
    if (isCdktfConfig(ctx.config)) return;
    const supplied = tfvarsAssignments(ctx.config);
    for (const v of requiredVariables(ctx.config)) {
      const name = variableName(v);
      // A value the response's own tfvars files give (per-environment files the deploy passes with -var-file)
      // is supplied, not asked for.
      if (supplied.has(name)) continue;
      // The pipeline supplies the suffix itself (TF_VAR_environment_suffix); many accepted ideals declare it without default.
      if (name === ctx.conventions.suffixVariable) continue;
      const external = looksLikeExternalReference(name);
      ctx.report({
        block: v,
        resource: blockAddress(v),
        severity: external ? 'critical' : undefined,
        message: external
          ? `var.${name} has no default and names a pre-existing resource; an unattended deploy cannot supply it.`
          : `var.${name} has no default; an unattended deploy stops to ask for it.`,
      });
    }
  },
};

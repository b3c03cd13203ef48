/** Pipeline stage: runs the whole rule catalog on the model response. */
import type { Stage } from '../contracts/pipeline.js';
import { ALL_RULES } from './index.js';
import { runRules } from './engine.js';
import { applyRuleSettings } from './config.js';
import { appendAll } from '../io/arrays.js';

export const rulesStage: Stage = {
  name: 'rules',
  run(ctx) {
    if (!ctx.model) return;
    const rules = ctx.options.ruleSettings ? applyRuleSettings(ALL_RULES, ctx.options.ruleSettings) : ALL_RULES;
    const warnings: string[] = [];
    const findings = runRules(rules, ctx.model, ctx.task, ctx.options.conventions, warnings, ctx.ideal ?? undefined);
    appendAll(ctx.findings, findings);
    appendAll(ctx.warnings, warnings);
    if (ctx.ideal) {
      // Only the rules that fired on the model: the judge asks whether the ideal still has each finding.
      const fired = new Set(findings.map((f) => f.ruleId));
      ctx.idealFindings = runRules(
        rules.filter((r) => fired.has(r.meta.id)),
        ctx.ideal,
        ctx.task,
        ctx.options.conventions,
      );
    }
  },
};

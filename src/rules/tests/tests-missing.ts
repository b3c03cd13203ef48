import type { Rule } from '../types.js';
import { isPipelineTask, judgingModel, listingHasTests, responseTestFiles } from './test-files.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'tests-missing',
    category: 'tests',
    severity: 'medium',
    fixClass: 'C',
    title: 'No unit or integration tests',
    rootCause: 'Models answer with infrastructure code and stop; the pipeline also expects unit tests of the stack and integration tests against deployed outputs.',
    fix: 'Add unit tests (test/*.unit.test.ts or tests/unit) for the stack and handlers, and integration tests reading cfn-outputs/flat-outputs.json.',
    docs: 'https://developer.hashicorp.com/terraform/language/tests',
    knowledgeGap: 'Production IaC ships with unit and integration tests.',
    impact: 'Regressions in the stack and handlers go unnoticed until deployment.',
  },
  check(ctx) {
    if (!isPipelineTask(ctx)) return;
    if (responseTestFiles(ctx).length) return;
    if (!judgingModel(ctx) && listingHasTests(ctx)) return;
    const first = ctx.config.files[0];
    // Almost every generated response lacks tests; the gap weighs more when the task asks for them.
    const asked = promptMentions(ctx, /unit tests?|integration tests?|test coverage|tests? suite/);
    ctx.report({
      severity: asked ? 'medium' : 'low',
      span: first ? { file: first.path, line: 1, column: 1, endLine: 1, endColumn: 1 } : undefined,
      resource: 'tests',
      message: asked ? 'The task asks for tests, but the response contains no unit or integration test files.' : 'The response contains no unit or integration test files.',
    });
  },
};

import type { Rule } from '../types.js';
import { handlerCodeFiles } from '../util/b-code.js';
import { responseTestFiles } from './test-files.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-code-untested',
    category: 'tests',
    severity: 'low',
    fixClass: 'C',
    title: 'Lambda handler without tests',
    rootCause: 'Models test the infrastructure definition but not the handler code shipped with it.',
    fix: 'Add unit tests that import the handler module and exercise its code paths with mocked AWS clients.',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/testing-guide.html',
    knowledgeGap: 'Lambda handler code needs its own unit tests.',
    impact: 'Handler bugs surface only at run time.',
  },
  check(ctx) {
    const tests = responseTestFiles(ctx);
    if (!tests.length) return; // tests-missing covers a response without tests
    const handlers = handlerCodeFiles(ctx.config, ctx.task).filter((f) => !f.path.includes('#'));
    const testText = tests.map((t) => t.content).join('\n');
    for (const h of handlers) {
      const base = (h.path.split('/').pop() ?? '').replace(/\.[^.]+$/, '');
      if (!base || base === 'index' || base === '__init__') continue;
      if (testText.includes(base)) continue;
      ctx.report({
        span: { file: h.path, line: 1, column: 1, endLine: 1, endColumn: 1 },
        resource: h.path,
        message: `No test refers to the handler module ${base} (${h.path}).`,
      });
    }
  },
};

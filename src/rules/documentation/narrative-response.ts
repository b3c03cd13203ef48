import type { Rule } from '../types.js';
import { CODE_ONLY_PROSE_WORDS, proseWords } from './measure.js';

const REFERENCE_MAX_WORDS = CODE_ONLY_PROSE_WORDS;
const MODEL_MIN_WORDS = 150;

export const rule: Rule = {
  meta: {
    id: 'narrative-response',
    category: 'documentation',
    severity: 'low',
    fixClass: 'C',
    title: 'Code wrapped in narrative the reference does without',
    rootCause: 'The model explains, recaps or "fixes" at length around the code, while the accepted answer is the code itself.',
    fix: 'Deliver the files with at most a short note; keep explanations as comments next to the code they explain.',
    fixExample: '## lib/tap_stack.tf\n\n```hcl\n# ... the configuration ...\n```',
    docs: 'https://developer.hashicorp.com/terraform/language/style',
    knowledgeGap: 'Answer format: deliver code, not a narrative around it',
  },
  check(ctx) {
    // A comparison: only with the reference at hand, and only for the model response.
    if (!ctx.ideal || !ctx.task.model?.markdown || !ctx.task.ideal?.markdown) return;
    const model = proseWords(ctx.task.model.markdown);
    const reference = proseWords(ctx.task.ideal.markdown);
    if (model < MODEL_MIN_WORDS || reference > REFERENCE_MAX_WORDS) return;
    const doc = ctx.task.model.origin;
    ctx.report({
      span: { file: doc, line: 1, column: 1, endLine: 1, endColumn: 1 },
      resource: `file:${doc}`,
      message: `The response has ${model} words of prose around its code; the reference answer has ${reference}: the explanation is noise the task did not need.`,
    });
  },
};

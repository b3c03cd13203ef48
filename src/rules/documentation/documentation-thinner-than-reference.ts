import type { Rule } from '../types.js';
import { documentationFiles, proseWords } from './measure.js';

/** The reference must document something substantial before a gap means anything. */
const REFERENCE_MIN_WORDS = 250;
/** The response explains less than this share of what the reference explains. */
const MAX_SHARE = 0.4;

export const rule: Rule = {
  meta: {
    id: 'documentation-thinner-than-reference',
    category: 'documentation',
    severity: 'low',
    fixClass: 'C',
    title: 'Less documentation than the reference',
    rootCause: 'The model stops at the code and leaves out what the reference explains: architecture, deployment steps, inputs and outputs, limitations.',
    fix: 'Document the deployment (prerequisites, commands, inputs), the architecture and the known limitations, as the reference does (a README or a section of the answer).',
    fixExample: '## Deployment\n\n1. `terraform init`\n2. `terraform apply -var environment_suffix=pr123`\n\n## Limitations\n\n- ...',
    docs: 'https://developer.hashicorp.com/terraform/language/modules/develop/structure',
    knowledgeGap: 'Documenting infrastructure: deployment, inputs/outputs, architecture',
  },
  check(ctx) {
    if (!ctx.ideal || !ctx.task.ideal) return;
    const modelDocs = documentationFiles(ctx.task.model);
    const referenceDocs = documentationFiles(ctx.task.ideal);
    const doc = ctx.task.model?.origin ?? ctx.config.files[0]?.path ?? '';
    const at = { file: doc, line: 1, column: 1, endLine: 1, endColumn: 1 };
    if (referenceDocs.length && !modelDocs.length) {
      ctx.report({
        span: at,
        resource: `file:${doc}`,
        message: `The reference ships ${referenceDocs.map((f) => f.path).join(', ')}; the response has no documentation file.`,
      });
      return;
    }
    const reference = proseWords(ctx.task.ideal.markdown);
    const model = proseWords(ctx.task.model?.markdown);
    if (reference < REFERENCE_MIN_WORDS || model >= MAX_SHARE * reference) return;
    ctx.report({
      span: at,
      resource: `file:${doc}`,
      message: `The response explains its infrastructure in ${model} words of prose; the reference in ${reference} (deployment, architecture, limitations are left undocumented).`,
    });
  },
};

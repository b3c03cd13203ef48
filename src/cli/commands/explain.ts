/** `iacjudge explain <id>`: one rule's documentation, generated from its meta. */
import type { RegisterCommand } from './index.js';
import type { RuleMeta } from '../../contracts/check.js';
import { UsageError } from '../../contracts/errors.js';
import { ruleMetas } from '../../report/metas.js';
import { categoryInfo } from '../../taxonomy/categories.js';
import { closestName } from '../../rules/util/variables.js';

const FIX_CLASS: Record<string, string> = {
  A: 'A (significant: security, architecture, missing capability)',
  B: 'B (moderate: configuration, conventions, deployability)',
  C: 'C (minor: syntax, naming, small corrections)',
};

/** When the check's findings reach the failure tier: whether it needs the task's prompt to count as a failure. */
function tierText(m: RuleMeta): string {
  const base = baseTierText(m);
  return m.promptRequires ? `observation where a sentence of the task's prompt asks for what it flags (/${m.promptRequires.source}/); otherwise ${base}` : base;
}

function baseTierText(m: RuleMeta): string {
  if (m.blocker) return 'failure (blocks deployment)';
  if (m.applyFailure) return "failure (init or apply fails), unless the reviewer's ideal has the same finding";
  if (m.listedOnCode) return "failure when the model's code shows it, unless the reviewer's ideal has the same finding";
  if (m.defaultTier === 'observation') return 'observation (a best practice; a failure only when another check establishes the same problem)';
  if (m.promptGate) {
    return `failure when the task's prompt matches /${m.promptGate.source}/${m.idealGate ? ' (or the ideal adds what it checks)' : ''}, else observation; on a plain folder (no prompt) it fires as a failure candidate`;
  }
  return 'failure candidate (ranked by the judge; runs on plain folders without a prompt)';
}

export function renderExplanation(m: RuleMeta): string {
  const lines = [
    `${m.id} — ${m.title}`,
    '',
    `Category:   ${m.category} (${categoryInfo(m.category).description})`,
    `Severity:   ${m.severity}`,
    `Fix class:  ${FIX_CLASS[m.fixClass] ?? m.fixClass}`,
    `Tier:       ${tierText(m)}`,
    '',
    'Root cause',
    `  ${m.rootCause}`,
    '',
    'Fix',
    `  ${m.fix}`,
  ];
  if (m.fixExample) lines.push('', 'Example', ...m.fixExample.split('\n').map((l) => `  ${l}`));
  if (m.impact) lines.push('', 'Impact', `  ${m.impact}`);
  lines.push('', `Knowledge gap: ${m.knowledgeGap}`, `Docs: ${m.docs}`);
  return lines.join('\n') + '\n';
}

export const register: RegisterCommand = (program) => {
  program
    .command('explain')
    .description('show the documentation of one rule')
    .argument('<id>', 'rule id (see `iacjudge rules`)')
    .action((id: string) => {
      const metas = ruleMetas();
      const m = metas.get(id);
      if (!m) {
        const hint = closestName(id, metas.keys());
        throw new UsageError(`unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''} (run \`iacjudge rules\` for the list)`);
      }
      process.stdout.write(renderExplanation(m));
    });
};

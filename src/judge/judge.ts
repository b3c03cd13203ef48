/** Merge → group by root cause → significance → tier and rank. */
import type { Finding } from '../findings/types.js';
import type { Task } from '../ingest/types.js';
import type { Configuration } from '../model/types.js';
import { mergeFindings } from '../findings/merge.js';
import { SEVERITY_RANK } from '../taxonomy/categories.js';

export interface JudgeInput {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
}

export function judgeFindings(findings: Finding[], _input: JudgeInput): Finding[] {
  const merged = mergeFindings(findings);
  merged.forEach((f, i) => {
    f.rank = i + 1;
    f.tier = SEVERITY_RANK[f.severity] <= SEVERITY_RANK.high ? 'failure' : 'observation';
  });
  return merged;
}

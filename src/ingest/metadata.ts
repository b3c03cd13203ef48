/**
 * Parses metadata.json defensively: any JSON problem or wrongly typed field becomes a warning and the field is
 * dropped (or coerced when the intent is unambiguous), so a bad metadata file never stops the analysis.
 */
import { jsonErrorMessage } from '../io/read.js';
import type { ExtractionWarning, TaskMetadata } from '../contracts/task.js';

const STRING_FIELDS = ['platform', 'language', 'complexity', 'subtask', 'background'] as const;
const STRING_ARRAY_FIELDS = ['aws_services', 'subject_labels'] as const;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

export function parseMetadata(text: string, file: string, warnings: ExtractionWarning[]): TaskMetadata | null {
  const warn = (message: string): void => {
    warnings.push({ kind: 'metadata', file, message: `${file}: ${message}` });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    warn(`not valid JSON (${jsonErrorMessage(err)}); metadata ignored`);
    return null;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    warn(`expected a JSON object, found ${typeName(raw)}; metadata ignored`);
    return null;
  }
  const meta: TaskMetadata = { ...(raw as Record<string, unknown>) };

  for (const key of STRING_FIELDS) {
    const v = meta[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') {
      warn(`\`${key}\` should be a string, found ${typeName(v)}; ignored`);
      delete meta[key];
    }
  }
  for (const key of STRING_ARRAY_FIELDS) {
    const v: unknown = meta[key];
    if (v === undefined) continue;
    if (typeof v === 'string') {
      warn(`\`${key}\` should be an array of strings, found a string; split on commas`);
      meta[key] = v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    } else if (!Array.isArray(v)) {
      warn(`\`${key}\` should be an array of strings, found ${typeName(v)}; ignored`);
      delete meta[key];
    } else if (v.some((x) => typeof x !== 'string')) {
      warn(`\`${key}\` should contain only strings; other entries dropped`);
      meta[key] = v.filter((x): x is string => typeof x === 'string');
    }
  }
  const tq: unknown = meta.training_quality;
  if (tq !== undefined && tq !== null && (typeof tq !== 'number' || !Number.isFinite(tq))) {
    const asNumber = typeof tq === 'string' && tq.trim() !== '' ? Number(tq) : NaN;
    if (Number.isFinite(asNumber)) {
      warn('`training_quality` should be a number, found a string; converted');
      meta.training_quality = asNumber;
    } else {
      warn(`\`training_quality\` should be a number, found ${typeName(tq)}; ignored`);
      meta.training_quality = null;
    }
  }
  return meta;
}

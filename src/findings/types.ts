/** Findings: the unit of output. Shape is the public JSON contract of DEVELOPERS.md (plus additive fields). */
import type { CategoryId, Evidence, FixClass, Severity } from '../taxonomy/categories.js';

export interface FindingLocation {
  file: string;
  line: number;
}

export interface Snippet {
  file: string;
  line: number;
  language: string;
  code: string;
}

export interface Finding {
  ruleId: string;
  category: CategoryId;
  severity: Severity;
  evidence: Evidence[];
  fixClass: FixClass;
  title: string;
  message: string;
  location: FindingLocation;
  resource?: string;
  /** Additive fields used by the report. */
  modelSnippet?: Snippet;
  idealSnippet?: Snippet;
  /** Log lines that show this failure. */
  logExcerpt?: string;
}

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

/** Where a failure is tier-listed: what a reviewer would list, or a compact observation. */
export type Tier = 'failure' | 'observation';

/** One place a grouped failure occurs (a failure may span many resources with one root cause). */
export interface Occurrence {
  resource?: string;
  location: FindingLocation;
  /** The occurrence's own message when it differs from the group's lead message. */
  message?: string;
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
  /**
   * Set by the judge stage (src/judge): `failure` is what a reviewer would list, `observation` the rest;
   * `rank` 1 is the most significant finding of the task; `occurrences` lists every place of a grouped failure
   * (absent when the failure occurs once).
   */
  tier?: Tier;
  rank?: number;
  occurrences?: Occurrence[];
  /**
   * Places of a grouped failure left out of `occurrences` by the output bound (pipeline/bounds.ts); the failure
   * occurs `occurrences.length + occurrencesOmitted` times. Absent when nothing was left out.
   */
  occurrencesOmitted?: number;
  /** Additive fields used by the report. */
  modelSnippet?: Snippet;
  idealSnippet?: Snippet;
  /** Log lines that show this failure. */
  logExcerpt?: string;
}

/** How many places a finding occurs: its listed occurrences and those the output bound left out; 1 when ungrouped. */
export function occurrenceCount(f: Pick<Finding, 'occurrences' | 'occurrencesOmitted'>): number {
  return Math.max(1, (f.occurrences?.length ?? 0) + (f.occurrencesOmitted ?? 0));
}

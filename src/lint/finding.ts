import type { ActiveSeverity } from '../rules/catalog.js';

/** One problem at one place: the unit every reporter and the JSON contract speak. */
export interface Finding {
  /** Relative to the working directory, `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  ruleId: string;
  severity: ActiveSeverity;
  message: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || compareInFile(a, b);
}

/**
 * The order of findings within one file. Files keep theirs sorted (the cache
 * stores them so), which makes the final sort of a run one pass: the sort
 * finds the runs already in order.
 */
export function compareInFile(a: Omit<Finding, 'file'>, b: Omit<Finding, 'file'>): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

import { compareFindings, type Finding } from '../finding.js';
import { summarize, type Summary } from './summary.js';

/** One entry of `messages` in the JSON output contract (CONTENT-SPEC.md "Output contract"). */
export interface JsonMessage {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Finding['severity'];
  message: string;
}

export interface JsonReport {
  messages: JsonMessage[];
  summary: Summary;
}

/** The contract object: exactly these keys, in this order, messages sorted by file/line/column. */
export function toJsonReport(findings: readonly Finding[], files: readonly string[] | number): JsonReport {
  const messages = [...findings].sort(compareFindings).map(
    ({ file, line, column, ruleId, severity, message }): JsonMessage => ({ file, line, column, ruleId, severity, message }),
  );
  const { files: fileCount, errors, warnings, infos } = summarize(findings, files);
  return { messages, summary: { files: fileCount, errors, warnings, infos } };
}

/** `pagecare lint --format json`: the contract object pretty-printed with two spaces and a trailing newline. */
export function formatJson(findings: readonly Finding[], files: readonly string[] | number): string {
  return `${JSON.stringify(toJsonReport(findings, files), null, 2)}\n`;
}

import { inPieces } from '../../fs/in-pieces.js';
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

/**
 * `pagecare lint --format json`: the contract object pretty-printed with two spaces and a
 * trailing newline, in pieces of about a megabyte, a message at a time, to be written as it
 * comes: as one string, 40,000 findings were 12 MB, twice that once a message held a curly
 * quote, and a UTF-8 copy more to write it, the largest thing a warm lint of 10,000 pages held.
 */
export function formatJsonInPieces(findings: readonly Finding[], files: readonly string[] | number): Iterable<string> {
  const sorted = [...findings].sort(compareFindings);
  // summarize gives the contract's keys in the contract's order.
  const summary = summarize(findings, files);
  return inPieces(
    (function* () {
      // What JSON.stringify(report, null, 2) prints, each message indented to its depth.
      yield sorted.length === 0 ? '{\n  "messages": [],\n' : '{\n  "messages": [\n';
      for (let i = 0; i < sorted.length; i++) yield `${messageText(sorted[i]!)}${i < sorted.length - 1 ? ',' : ''}\n`;
      if (sorted.length > 0) yield '  ],\n';
      yield `  "summary": ${JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ')}\n}\n`;
    })(),
  );
}

/** One message as JSON.stringify(report, null, 2) prints it in `messages`, written out: stringifying each object and indenting it cost twice as long. */
function messageText({ file, line, column, ruleId, severity, message }: Finding): string {
  const value = JSON.stringify;
  return `    {\n      "file": ${value(file)},\n      "line": ${value(line)},\n      "column": ${value(column)},\n      "ruleId": ${value(ruleId)},\n      "severity": ${value(severity)},\n      "message": ${value(message)}\n    }`;
}

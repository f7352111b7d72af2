import type { Finding } from '../finding.js';
import { formatGithub } from './github.js';
import { formatJsonInPieces } from './json.js';
import { formatSarifInPieces } from './sarif.js';
import { formatStylish } from './stylish.js';

export { githubStepSummary } from './github.js';
export { summarize, type Summary } from './summary.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatInput {
  findings: readonly Finding[];
  /** Files checked (root-relative or cwd-relative paths), or just their number. */
  files: readonly string[] | number;
  /** pagecare's version, for SARIF tool.driver.version. */
  version: string;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** SARIF tool.driver.informationUri (optional). */
  informationUri?: string;
}

/** Render findings in one of the output formats; the result ends with a newline unless empty (github, clean run). */
export function formatFindings(format: Format, input: FormatInput): string {
  return [...formatFindingsInPieces(format, input)].join('');
}

/** formatFindings as pieces to write one after another: the JSON and SARIF reports, the largest, are never one string. */
export function formatFindingsInPieces(format: Format, { findings, files, version, color, informationUri }: FormatInput): Iterable<string> {
  switch (format) {
    case 'stylish':
      return [formatStylish(findings, files, { color })];
    case 'json':
      return formatJsonInPieces(findings, files);
    case 'github':
      return [formatGithub(findings)];
    case 'sarif':
      return formatSarifInPieces(findings, informationUri === undefined ? { version } : { version, informationUri });
  }
}

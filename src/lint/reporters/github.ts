import { compareFindings, type Finding } from '../finding.js';
import { plural, type Summary } from './summary.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escape workflow-command data (the message): `%`, `\r`, `\n`. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow-command property value: as data, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One GitHub Actions annotation command (`::error …::message`) for a finding. */
export function githubAnnotation(finding: Finding): string {
  const properties: [string, string | number | undefined][] = [
    ['file', finding.file],
    ['line', finding.line],
    ['col', finding.column],
    ['endLine', finding.endLine],
    ['endColumn', finding.endColumn],
    ['title', `pagecare ${finding.ruleId}`],
  ];
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMAND[finding.severity]} ${props}::${escapeData(finding.message)}`;
}

/** `pagecare lint --format github`: one workflow command per finding, one per line, trailing newline (empty when clean). */
export function formatGithub(findings: readonly Finding[]): string {
  return [...findings]
    .sort(compareFindings)
    .map((finding) => `${githubAnnotation(finding)}\n`)
    .join('');
}

/** Escape text for a GFM table cell: `|` (also inside code spans) and line breaks. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}

export interface StepSummaryOptions {
  /** Most findings to list (GitHub caps a step summary at 1 MiB); the rest are counted. Default 1000. */
  maxRows?: number;
}

/**
 * Markdown for `$GITHUB_STEP_SUMMARY`: a heading, a counts table, then a table of findings
 * (location, severity, rule, message). Ends with a newline; the CLI appends it to the file.
 */
export function githubStepSummary(findings: readonly Finding[], summary: Summary, options: StepSummaryOptions = {}): string {
  const maxRows = options.maxRows ?? 1000;
  const lines = [
    '## pagecare lint',
    '',
    '| Files | Errors | Warnings | Infos |',
    '| ---: | ---: | ---: | ---: |',
    `| ${summary.files} | ${summary.errors} | ${summary.warnings} | ${summary.infos} |`,
    '',
  ];
  if (findings.length === 0) {
    lines.push(`✔ ${plural(summary.files, 'file')} checked, no problems.`, '');
    return lines.join('\n');
  }
  const sorted = [...findings].sort(compareFindings);
  lines.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
  for (const f of sorted.slice(0, maxRows)) {
    lines.push(`| ${cell(`${f.file}:${f.line}`)} | ${f.severity} | ${cell(f.ruleId)} | ${cell(f.message)} |`);
  }
  lines.push('');
  if (sorted.length > maxRows) {
    lines.push(`… and ${plural(sorted.length - maxRows, 'more finding')} not listed.`, '');
  }
  return lines.join('\n');
}

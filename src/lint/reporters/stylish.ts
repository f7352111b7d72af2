import pc from 'picocolors';
import { compareFindings, type Finding } from '../finding.js';
import { plural, summarize } from './summary.js';

export interface StylishOptions {
  /** Emit ANSI colours (the CLI decides from isTTY, NO_COLOR and FORCE_COLOR). */
  color: boolean;
}

const width = (text: string): number => [...text].length;
const padEnd = (text: string, to: number): string => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number): string => ' '.repeat(Math.max(0, to - width(text))) + text;

/**
 * ESLint-"stylish"-like terminal output: findings grouped by file under an (underlined) file
 * header, one aligned row `  line:col  severity  message  rule-id` each, then a summary line.
 * Always ends with a newline; contains no ANSI escapes unless `color` is true.
 */
export function formatStylish(findings: readonly Finding[], files: readonly string[] | number, options: StylishOptions): string {
  const c = pc.createColors(options.color);
  const summary = summarize(findings, files);
  if (findings.length === 0) {
    return `${c.green(`✔ ${plural(summary.files, 'file')} checked, no problems`)}\n`;
  }

  const groups = new Map<string, Finding[]>();
  for (const finding of [...findings].sort(compareFindings)) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }

  const severityColor = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const blocks: string[] = [];
  for (const [file, group] of groups) {
    const lineWidth = Math.max(...group.map((f) => String(f.line).length));
    const columnWidth = Math.max(...group.map((f) => String(f.column).length));
    const severityWidth = Math.max(...group.map((f) => f.severity.length));
    const messages = group.map((f) => oneLine(f.message));
    const messageWidth = Math.max(...messages.map(width));
    const rows = group.map((f, i) => {
      const position = c.dim(`${padStart(String(f.line), lineWidth)}:${padEnd(String(f.column), columnWidth)}`);
      const severity = severityColor[f.severity](padEnd(f.severity, severityWidth));
      const message = padEnd(messages[i] ?? '', messageWidth);
      return `  ${position}  ${severity}  ${message}  ${c.dim(f.ruleId)}`;
    });
    blocks.push([c.underline(file), ...rows].join('\n'));
  }

  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}`;
  const line = `✖ ${plural(findings.length, 'problem')} (${counts})`;
  const paint = summary.errors > 0 ? c.red : summary.warnings > 0 ? c.yellow : c.blue;
  return `${blocks.join('\n\n')}\n\n${c.bold(paint(line))}\n`;
}

/** A message on one line: lines trimmed and joined with a space (a split, not a backtracking regex). */
function oneLine(message: string): string {
  if (!message.includes('\n')) return message.trimEnd();
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

import type { FixRun } from './run-fix.js';

/** What `pagecare fix` did (or, on a dry run, would do), file by file, and what is left for a person. */
export function formatFixSummary(run: FixRun): string {
  const checked = `${run.files.length} ${plural(run.files.length, 'file')}`;
  if (run.results.length === 0) return `Nothing to fix in ${checked}.\n`;
  const lines: string[] = [];
  for (const result of run.results) {
    lines.push(run.show(result.path));
    for (const fix of result.fixes) lines.push(`  ${fix.line}  ${fix.description}  ${fix.rule}`);
  }
  const count = run.results.reduce((sum, result) => sum + result.fixes.length, 0);
  const what = `${count} ${plural(count, 'problem')} in ${run.results.length} of ${checked}`;
  lines.push(run.written ? `Fixed ${what}.` : `Would fix ${what} (dry run: nothing written).`);
  if (run.left.length > 0) {
    lines.push('', 'Left for a person (not safe to fix automatically):');
    for (const finding of run.left) lines.push(`  ${finding.file}:${finding.line}  ${finding.message}  ${finding.ruleId}`);
  }
  return `${lines.join('\n')}\n`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

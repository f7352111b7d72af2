import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { lint } from '../lint/engine.js';
import type { LintContext } from '../lint/context.js';
import type { FileMetrics } from '../lint/file-metrics.js';
import type { Finding } from '../lint/finding.js';
import { formatFindingsInPieces } from '../lint/reporters/index.js';
import { summarize, type Summary } from '../lint/reporters/summary.js';
import type { FindingCounts } from '../review/plan.js';
import { VERSION } from '../version.js';

export interface LintStep {
  summary: Summary;
  /** Findings by root-relative page path (every linted page present, possibly with none). */
  byPath: Map<string, Finding[]>;
  /** What lint measured, by root-relative path (reading ages for the reports). */
  metrics: Map<string, FileMetrics>;
  written: string[];
}

/** Lint the content and, unless dry, write reports/lint.json and reports/lint.sarif. */
export async function lintStep(cwd: string, context: LintContext, reportsDir: string, dryRun: boolean): Promise<LintStep> {
  // A dry run touches nothing, the cache included.
  const result = await lint({ cwd, context, cache: !dryRun });
  const root = context.config.root;
  const key = (file: string) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
  const byPath = new Map<string, Finding[]>(result.files.map((file) => [key(file), []]));
  for (const finding of result.findings) {
    const list = byPath.get(key(finding.file)) ?? [];
    list.push(finding);
    byPath.set(key(finding.file), list);
  }
  const written: string[] = [];
  if (!dryRun) {
    await mkdir(reportsDir, { recursive: true });
    const input = { findings: result.findings, files: result.files, version: VERSION, color: false };
    for (const [name, format] of [['lint.json', 'json'], ['lint.sarif', 'sarif']] as const) {
      // Atomic like every other report: a run killed here leaves the previous file whole.
      await writeFileAtomic(path.join(reportsDir, name), formatFindingsInPieces(format, input));
      written.push(path.join(reportsDir, name));
    }
  }
  return { summary: summarize(result.findings, result.files), byPath, metrics: result.metrics, written };
}

export function countFindings(byPath: ReadonlyMap<string, readonly Finding[]>): Map<string, FindingCounts> {
  return new Map(
    [...byPath].map(([file, findings]) => [
      file,
      {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        infos: findings.filter((f) => f.severity === 'info').length,
      },
    ]),
  );
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';
import { UsageError } from '../config/config-error.js';
import { relativeTo } from '../content/repo-path.js';
import remarkPresetPagecare from '../rules/index.js';
import type { LintContext } from './context.js';
import { compareFindings, type Finding } from './finding.js';
import { lintFile } from './lint-file.js';
import { loadContext } from './load-context.js';

export interface LintOptions {
  cwd: string;
  configPath?: string | undefined;
  today?: string | undefined;
  /** Files, folders or globs; empty means every page and glossary entry the config names. */
  paths?: string[];
  /** A context already built for this run (config, index, today), so it is built once. */
  context?: LintContext;
}

export interface LintResult {
  context: LintContext;
  findings: Finding[];
  /** Files checked, as reported (relative to cwd). */
  files: string[];
}

/** Lint a content repository: build the shared index once, then each file with one parse. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const context = options.context ?? (await loadContext(options));
  const root = context.config.root;
  const targets = options.paths?.length ? await expandPaths(options.cwd, options.paths) : context.index.data.content.map((f) => path.join(root, f));
  const processor = unified().use(remarkParse).use(remarkPresetPagecare, { context }).freeze();

  const findings: Finding[] = editorsFindings(context, options.cwd);
  const files: string[] = [];
  for (const absolute of targets) {
    const reportPath = relativeTo(options.cwd, absolute);
    files.push(reportPath);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      findings.push({ file: reportPath, line: 1, column: 1, ruleId: 'file-encoding', severity: 'error', message: `Cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable Markdown file` });
      continue;
    }
    findings.push(...(await lintFile(processor, bytes, { path: absolute, cwd: options.cwd, reportPath })));
  }
  findings.sort(compareFindings);
  return { context, findings, files };
}

/** Problems in editors.yml are findings too: a broken roster must not stop the run. */
function editorsFindings(context: LintContext, cwd: string): Finding[] {
  if (context.config.severities['owner-unknown'] === 'off') return [];
  const file = relativeTo(cwd, path.join(context.config.root, context.index.data.editorsFile));
  return context.index.data.editorsProblems.map((problem) => ({
    file,
    line: problem.line,
    column: problem.column,
    ruleId: 'owner-unknown',
    severity: 'error' as const,
    message: problem.message,
  }));
}

async function expandPaths(cwd: string, paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    let matches: string[];
    if (info?.isDirectory()) matches = await glob('**/*.md', { cwd: absolute, absolute: true, ignore: ['**/node_modules/**'] });
    else if (info?.isFile()) matches = [absolute];
    else matches = await glob(given, { cwd, absolute: true, ignore: ['**/node_modules/**'] });
    if (matches.length === 0) throw new UsageError(`No such file, folder or match: ${given}, expected a path to a Markdown page`);
    for (const match of matches) found.add(path.resolve(match));
  }
  return [...found].sort();
}

import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { relativeTo } from '../content/repo-path.js';
import { lint } from '../lint/engine.js';
import type { Finding } from '../lint/finding.js';
import { loadContext } from '../lint/load-context.js';
import { fixRepository, selectFiles, writeFixedFiles, type FileFix } from './fix-files.js';
import { FIX_RULES } from './safe-fixes.js';

export interface FixRunOptions {
  cwd: string;
  configPath?: string | undefined;
  today?: string | undefined;
  /** Files, folders or globs relative to `cwd`; empty means every page and glossary entry. */
  paths: readonly string[];
  /** Work out the fixes but write nothing. */
  dryRun: boolean;
}

export interface FixRun {
  /** The files looked at, root-relative. */
  files: string[];
  /** The files that change, with their fixes. */
  results: FileFix[];
  written: boolean;
  /** Findings of the fixable rules still in the fixed files: slips a person must put right. */
  left: Finding[];
  /** A root-relative path as the user sees it (relative to `cwd`). */
  show: (file: string) => string;
}

/** `pagecare fix`: select, fix, write atomically, then re-lint what changed to list what is left. */
export async function runFix(options: FixRunOptions): Promise<FixRun> {
  const config = loadConfig({ cwd: options.cwd, configPath: options.configPath });
  const files = await selectFiles(config, options.cwd, options.paths);
  const results = await fixRepository(config, files);
  const show = (file: string) => relativeTo(options.cwd, path.join(config.root, file));
  if (options.dryRun || results.length === 0) return { files, results, written: false, left: [], show };

  // Before writing, so a bad today fails with nothing half done (the index does not hold what fixes change).
  const context = await loadContext({ cwd: options.cwd, config, today: options.today });
  await writeFixedFiles(config.root, results);
  const { findings } = await lint({ cwd: options.cwd, context, paths: results.map((result) => path.join(config.root, result.path)) });
  const left = findings.filter((finding) => (FIX_RULES as readonly string[]).includes(finding.ruleId));
  return { files, results, written: true, left, show };
}

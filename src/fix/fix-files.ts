import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { UsageError } from '../config/config-error.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { discoverContent, isGlossaryPath } from '../content/discover.js';
import { isInside, relativeTo } from '../content/repo-path.js';
import { FIX_RULES, fixContent, type Fix } from './safe-fixes.js';

export interface FileFix {
  /** Root-relative, `/` separators. */
  path: string;
  before: string;
  after: string;
  fixes: Fix[];
}

/** Strict, and keeping a byte-order mark so it is written back. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The safe fixes for the given pages and glossary entries (root-relative;
 * default: all the config names), without writing anything: only the files
 * that change are returned. Rules turned off in the config are not fixed.
 * A file that cannot be read as UTF-8 text is skipped: `lint` reports it.
 */
export async function fixRepository(config: ResolvedConfig, files?: readonly string[]): Promise<FileFix[]> {
  const rules = FIX_RULES.filter((rule) => config.severities[rule] !== 'off');
  if (rules.length === 0) return [];
  const results: FileFix[] = [];
  for (const file of files ?? (await discoverContent(config))) {
    const before = await readText(path.join(config.root, file));
    if (before === undefined) continue;
    const { text: after, fixes } = fixContent(before, { kind: isGlossaryPath(config, file) ? 'glossary' : 'page', rules });
    if (after !== before) results.push({ path: file, before, after, fixes });
  }
  return results;
}

/**
 * The governed files that `paths` (files, folders or globs, relative to
 * `cwd`) select, root-relative and sorted; all of them when `paths` is empty.
 * Only pages and glossary entries are ever fixed, so a path that selects
 * none of them is a usage error.
 */
export async function selectFiles(config: ResolvedConfig, cwd: string, paths: readonly string[]): Promise<string[]> {
  const governed = await discoverContent(config);
  if (paths.length === 0) return governed;
  const known = new Set(governed);
  const selected = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    let matches: string[];
    if (info?.isDirectory()) {
      matches = isInside(absolute, config.root)
        ? governed
        : isInside(config.root, absolute)
          ? governed.filter((file) => isInside(absolute, path.join(config.root, file)))
          : [];
    } else if (info?.isFile()) {
      matches = [relativeTo(config.root, absolute)].filter((file) => known.has(file));
    } else {
      const found = await glob(given, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      matches = found.map((file) => relativeTo(config.root, file)).filter((file) => known.has(file));
    }
    if (matches.length === 0) throw new UsageError(`No page or glossary entry at ${given}, expected a path to content the config governs`);
    for (const match of matches) selected.add(match);
  }
  return [...selected].sort();
}

/**
 * Write each fixed file in place, atomically (a temp file beside it, renamed
 * over it, keeping its mode), and only when every file still holds what was
 * fixed: an edit made meanwhile is never overwritten.
 */
export async function writeFixedFiles(root: string, results: readonly FileFix[]): Promise<void> {
  for (const result of results) {
    if ((await readText(path.join(root, result.path))) !== result.before) {
      throw new UsageError(`${result.path} changed while it was being fixed; nothing was written, run pagecare fix again`);
    }
  }
  for (const result of results) await replaceFile(path.join(root, result.path), result.after);
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return UTF8.decode(await readFile(file));
  } catch {
    return undefined;
  }
}

async function replaceFile(file: string, text: string): Promise<void> {
  const { mode } = await stat(file);
  await writeFileAtomic(file, text, { mode: mode & 0o777 });
}

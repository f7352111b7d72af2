import { statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { findRoot } from '../config/load-config.js';
import type { LintContext } from '../lint/context.js';
import { loadContext } from '../lint/load-context.js';
import { resolveToday } from '../time/today.js';

export interface StandaloneOptions {
  /** The repository to lint in; default: found from each file's own folder. */
  cwd?: string;
  config?: string;
  today?: string;
}

/** How often, at most, a loaded context is checked against the files it was built from. */
const CHECK_EVERY_MS = 2_000;
/** Headings of other pages are read lazily and kept: a context older than this is rebuilt anyway. */
const RELOAD_AFTER_MS = 60_000;

interface Loaded {
  context: Promise<LintContext>;
  loadedAt: number;
  checkedAt: number;
  /** The files and folders the context came from, listed once per load, and their times then. */
  watched: string[];
  stamp: string;
}

/**
 * The context for one file when the preset runs outside `pagecare lint` (the
 * remark CLI, an editor's language server): the repository is found from the
 * file's own path, not the process's folder, since editors start servers
 * anywhere. Config and index are loaded once per repository, config file and
 * day and shared by every file, and rebuilt when the config, editors.yml, a
 * glossary entry or the set of files changes, so a long-lived server never
 * lints against a stale glossary or yesterday's date.
 */
export function standaloneContext(options: StandaloneOptions): (file: VFile) => Promise<LintContext> {
  const roots = new Map<string, string>();
  return (file) => {
    // An explicit config file names the repository itself (relative to `cwd` or the process's folder).
    const folder = options.cwd ?? (options.config || !file.path ? process.cwd() : path.dirname(path.resolve(file.cwd, file.path)));
    let root = roots.get(folder);
    if (root === undefined) roots.set(folder, (root = options.config ? path.resolve(folder) : findRoot(folder)));
    return contextFor(root, options);
  };
}

const loaded = new Map<string, Loaded>();

function contextFor(root: string, options: StandaloneOptions): Promise<LintContext> {
  const key = JSON.stringify([root, options.config ?? null, options.today ?? null]);
  const now = Date.now();
  let entry = loaded.get(key);
  if (entry && now - entry.checkedAt >= CHECK_EVERY_MS) {
    entry.checkedAt = now;
    if (now - entry.loadedAt >= RELOAD_AFTER_MS) entry = undefined;
    else {
      const kept = entry;
      // A failed load (a broken config) is retried at the next check, not kept for ever.
      kept.context = kept.context.then(
        (context) => (isCurrent(context, kept, options) ? context : load(kept, root, options)),
        () => load(kept, root, options),
      );
    }
  }
  if (!entry) {
    const fresh: Loaded = { context: Promise.resolve(undefined as never), loadedAt: now, checkedAt: now, watched: [], stamp: '' };
    fresh.context = load(fresh, root, options);
    loaded.set(key, fresh);
    entry = fresh;
  }
  return entry.context;
}

async function load(entry: Loaded, root: string, options: StandaloneOptions): Promise<LintContext> {
  const context = await loadContext({ cwd: root, configPath: options.config, today: options.today });
  entry.loadedAt = Date.now();
  entry.watched = watchedPaths(context);
  entry.stamp = stampOf(entry.watched);
  return context;
}

/** Still the same day in the content's time zone, and none of the files the context came from changed. */
function isCurrent(context: LintContext, entry: Loaded, options: StandaloneOptions): boolean {
  const today = resolveToday({ explicit: options.today, timeZone: context.config.config.timezone });
  return today.equals(context.today) && stampOf(entry.watched) === entry.stamp;
}

/**
 * What the shared context was built from: the config, editors.yml, every
 * glossary entry, and every folder holding content (a page or entry added,
 * removed or renamed changes its folder's time).
 */
function watchedPaths(context: LintContext): string[] {
  const { config, index } = context;
  const folders = new Set<string>([path.join(config.root, config.config.content.root), path.join(config.root, config.config.content.glossary)]);
  for (const file of index.data.files) folders.add(path.dirname(path.join(config.root, file)));
  return [
    ...(config.file ? [config.file] : []),
    path.join(config.root, index.data.editorsFile),
    ...Object.values(index.data.glossary).map((entry) => path.join(config.root, entry.file)),
    ...folders,
  ];
}

/** The paths' modification times: a few hundred stat calls, no reads. */
function stampOf(paths: readonly string[]): string {
  return paths
    .map((file) => {
      try {
        return statSync(file).mtimeMs;
      } catch {
        return -1;
      }
    })
    .join(' ');
}

import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { glob } from 'tinyglobby';
import { UsageError } from '../config/config-error.js';
import { relativeTo } from '../content/repo-path.js';
import type { LintContext } from './context.js';
import { compareFindings, type Finding } from './finding.js';
import { LintCache, type FileStamp } from './lint-cache.js';
import { lintFile } from './lint-file.js';
import { loadContext } from './load-context.js';
import { selectShard, type Shard } from './shard.js';
import { canUseWorkers, WorkerPool } from './worker-pool.js';
import { createProcessor, type WorkerInit } from './worker-protocol.js';

export interface LintOptions {
  cwd: string;
  configPath?: string | undefined;
  today?: string | undefined;
  /** Files, folders or globs; empty means every page and glossary entry the config names. */
  paths?: string[];
  /** Root-relative files chosen by the caller (`--changed`), used instead of `paths`. */
  files?: readonly string[];
  /** Lint only this part of the files (`--shard 2/4`), for a matrix of CI jobs. */
  shard?: Shard | undefined;
  /** A context already built for this run (config, index, today), so it is built once. */
  context?: LintContext;
  /** Reuse results from `.pagecare-cache/` while nothing they depend on changed. */
  cache?: boolean;
  /** Worker threads (default: one per core for larger runs; 1 lints in this thread). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface LintResult {
  context: LintContext;
  findings: Finding[];
  /** Files checked, as reported (relative to cwd). */
  files: string[];
  /** How many results came from the cache. */
  cached: number;
}

/** Below this many files to parse, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 64;

/**
 * Lint a content repository: build the shared index once, then each file
 * with one parse, on worker threads for larger runs, reusing cached results
 * whose inputs are unchanged. Findings come out sorted, so the output is the
 * same whatever the number of workers.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const context = options.context ?? (await loadContext(options));
  const root = context.config.root;
  let targets = options.files
    ? options.files.map((file) => path.join(root, file))
    : options.paths?.length
      ? await expandPaths(options.cwd, options.paths)
      : context.index.data.content.map((file) => path.join(root, file));
  if (options.shard) targets = selectShard(targets.map((file) => relativeTo(root, file)), options.shard).map((file) => path.join(root, file));

  const cache = options.cache ? await LintCache.open(context.config) : undefined;
  const size = Math.max(1, options.workers ?? availableParallelism());
  // Threads start on the first file that needs parsing: a warm run needs none.
  const threaded = size > 1 && targets.length >= WORKER_THRESHOLD && canUseWorkers();
  let pool: WorkerPool | undefined;
  let processor: ReturnType<typeof createProcessor> | undefined;
  const parse = (absolute: string, bytes: Uint8Array) => {
    if (threaded) return (pool ??= new WorkerPool(size, workerInit(context, options.cwd))).lint(absolute, bytes);
    return lintFile((processor ??= createProcessor(context)), context.index, bytes, { path: absolute, cwd: options.cwd });
  };

  const perFile: Finding[][] = new Array(targets.length);
  let done = 0;
  let cached = 0;
  // First every untouched file's hash from its size and time, so checking one page's links
  // to others needs no reads; then the pages themselves.
  const stamps = targets.map((absolute) => (cache ? knownStamp(cache, context, relativeTo(root, absolute), absolute) : undefined));
  const lintOne = async (absolute: string, slot: number) => {
    const relative = relativeTo(root, absolute);
    const file = relativeTo(options.cwd, absolute);
    let bytes: Uint8Array | undefined;
    let stamp: FileStamp;
    let hash = '';
    try {
      const known = stamps[slot];
      const info = known ? undefined : statSync(absolute);
      stamp = known?.stamp ?? { size: info!.size, mtimeMs: info!.mtimeMs };
      if (known?.hash) hash = known.hash;
      else {
        bytes = readFileSync(absolute);
        if (cache) hash = LintCache.hash(bytes);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      perFile[slot] = [{ file, line: 1, column: 1, ruleId: 'file-encoding', severity: 'error', message: `Cannot read file (${code}), expected a readable Markdown file` }];
      return;
    }
    if (cache) context.index.knowHash(relative, hash);
    let result = cache?.lookup(relative, hash, context.index, context.today);
    if (result) cached++;
    else {
      bytes ??= readFileSync(absolute);
      result = await parse(absolute, bytes);
      cache?.store(relative, hash, stamp, result);
    }
    perFile[slot] = result.findings.map((finding) => ({ file, ...finding }));
    options.onProgress?.(++done, targets.length);
  };

  try {
    // In this thread one file at a time (the index records one file's dependencies at once);
    // with workers, enough in flight to keep them all busy.
    let next = 0;
    const lanes = threaded ? size * 2 : 1;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < targets.length) {
          const slot = next++;
          await lintOne(targets[slot]!, slot);
        }
      }),
    );
  } finally {
    await pool?.close();
  }
  await cache?.save(new Set(context.index.data.content));

  // editors.yml belongs to no shard: report it from the first one only, so a merge counts it once.
  const roster = !options.shard || options.shard.index === 1 ? editorsFindings(context, options.cwd) : [];
  const findings = [...roster, ...perFile.flat()].sort(compareFindings);
  return { context, findings, files: targets.map((file) => relativeTo(options.cwd, file)), cached };
}

/** A file's size and time, and its hash when the cache vouches for it (told to the index for link checks). */
function knownStamp(cache: LintCache, context: LintContext, relative: string, absolute: string): { stamp: FileStamp; hash: string | undefined } | undefined {
  try {
    const info = statSync(absolute);
    const stamp = { size: info.size, mtimeMs: info.mtimeMs };
    const hash = cache.knownHash(relative, stamp);
    if (hash) context.index.knowHash(relative, hash);
    return { stamp, hash };
  } catch {
    return undefined;
  }
}

function workerInit(context: LintContext, cwd: string): WorkerInit {
  const { config } = context;
  return { root: config.root, cwd, configFile: config.file, config: config.config, today: context.today.toString(), index: context.index.data };
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

import { lstatSync, realpathSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { glob } from 'tinyglobby';
import { UsageError } from '../config/config-error.js';
import { isInside, relativeTo } from '../content/repo-path.js';
import { ReadBuffer } from '../fs/read-buffer.js';
import { readStart } from '../fs/read-start.js';
import { ScratchFile } from '../fs/scratch-file.js';
import type { LintContext } from './context.js';
import type { FileMetrics } from './file-metrics.js';
import { compareFindings, type Finding } from './finding.js';
import { LintCache, type FileStamp, type RunInputs } from './lint-cache.js';
import { fileTooComplex, frontMatterPart, lintFile, type FileFinding, type FileResult, type LintProcessor } from './lint-file.js';
import { formatSize, lintLimits, type LintLimits } from './limits.js';
import { loadContext } from './load-context.js';
import { selectShard, type Shard } from './shard.js';
import { needsBudget, screen } from './screen.js';
import { AHEAD, canUseWorkers, WorkerPool, type WorkerOutcome } from './worker-pool.js';
import { unspill, type SpilledResult } from './wire-result.js';
import type { WorkerInit } from './worker-protocol.js';

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
  /** Heap limit of each worker thread in MB (default: Node's); a file that needs more is a finding. */
  workerHeapMb?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface LintResult {
  context: LintContext;
  findings: Finding[];
  /** Files checked, as reported (relative to cwd). */
  files: string[];
  /** How many results came from the cache (without a parse). */
  cached: number;
  /** How many of those had their glossary links checked again (the glossary changed under them). */
  rechecked: number;
  /** What was measured for the reports, by root-relative path, for every file read and parsed (fresh or cached). */
  metrics: Map<string, FileMetrics>;
  /** What every file's cached result rests on, when every file has one (src/lint/run-record.ts). */
  inputs?: RunInputs | undefined;
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
  const targets = await lintTargets(options, context);

  const cache = options.cache ? await LintCache.open(context.config) : undefined;
  const limits = lintLimits(context.config.config);
  const size = Math.max(1, options.workers ?? availableParallelism());
  // Threads start on the first file that needs parsing: a warm run needs none.
  const threaded = size > 1 && targets.length >= WORKER_THRESHOLD && canUseWorkers();
  let pool: WorkerPool | undefined;
  let processor: LintProcessor | undefined;
  /**
   * Workers write their results to scratch files, one each, and the results are read back once
   * the workers are gone: kept on this thread as they came in, they were its largest keep in a
   * cold run, growing with the repository, and receiving them kept its young generation at its
   * largest (32 MB) while the workers needed theirs.
   */
  const spills: ScratchFile[] = [];
  const spill = () => {
    const file = ScratchFile.create(tmpdir(), 'pagecare-results');
    if (file) spills.push(file);
    return file;
  };
  /** Results still in a scratch file, by slot, with what storing them needs. */
  const later: Array<{ slot: number; relative: string; hash: string; stamp: FileStamp; spilled: SpilledResult }> = [];
  /**
   * Every file on a worker, under the time budget, in a threaded run. In this thread otherwise,
   * except a file whose screen shows a shape the parser is slow on: that one goes to a single
   * worker, so the budget holds in small runs too without a thread's start-up for every run.
   */
  const parse = async (absolute: string, bytes: Uint8Array): Promise<WorkerOutcome> => {
    const workers = () =>
      (pool ??= new WorkerPool(threaded ? size : 1, workerInit(context, options.cwd), { timeBudgetMs: limits.timeBudgetMs, heapMb: options.workerHeapMb }, spill));
    if (threaded) return workers().lint(absolute, bytes);
    const found = screen(bytes);
    if (needsBudget(bytes, found) && canUseWorkers()) return workers().lint(absolute, bytes);
    // The parser and rules load on the first file that needs them: a warm run never does.
    processor ??= (await import('./worker-protocol.js')).createProcessor(context);
    return { result: await lintFile(processor, context.index, bytes, { path: absolute, cwd: options.cwd, screen: found }) };
  };

  /** A file over `lint.maxFileSize`: not read whole, only its front matter checked. */
  const tooLarge = async (absolute: string, bytes: number): Promise<FileFinding[]> => {
    const refusal = fileTooComplex(
      `File is ${formatSize(bytes)}, over the ${formatSize(limits.maxFileSize)} limit (\`lint.maxFileSize\`), so only its front matter was checked; expected a smaller page (split it) or a higher limit`,
    );
    const part = frontMatterPart(frontMatterText(absolute));
    if (!part) return [refusal];
    const outcome = await parse(absolute, new TextEncoder().encode(part.text));
    if ('fault' in outcome) return [refusal, faultFinding(outcome, limits)];
    const result = 'result' in outcome ? outcome.result : unspill(outcome.spilled);
    return [refusal, ...result.findings.filter((finding) => finding.line <= part.endLine)];
  };

  /** A fresh result kept: in the cache, its metrics for the reports; its findings. */
  const keep = (relative: string, hash: string, stamp: FileStamp, result: FileResult): FileFinding[] => {
    cache?.store(relative, hash, stamp, result, context.today);
    vouched++;
    metrics.set(relative, result.metrics);
    return result.findings;
  };

  /**
   * One file's findings: from the cache, from a parse, or why it could not be checked; undefined
   * while they are in a scratch file. Its bytes are read into `buffer`, which is the caller's again
   * once this returns.
   */
  const check = async (absolute: string, relative: string, slot: number, buffer: ReadBuffer): Promise<FileFinding[] | undefined> => {
    const known = stamps[slot];
    const stamp = known?.stamp ?? regularFile(root, absolute);
    if (typeof stamp === 'string') return [unreadable(stamp)];
    if (stamp.size > limits.maxFileSize) return tooLarge(absolute, stamp.size);
    let bytes: Uint8Array | undefined;
    let hash = known?.hash ?? '';
    try {
      if (!known?.hash) {
        bytes = buffer.read(absolute);
        if (cache) hash = LintCache.hash(bytes);
      }
      if (cache) {
        context.index.knowHash(relative, hash);
        const findings = cache.lookup(relative, hash, context);
        if (findings) {
          cached++;
          vouched++;
          metrics.set(relative, cache.reuse(relative, stamp));
          return findings;
        }
      }
      bytes ??= buffer.read(absolute);
    } catch (error) {
      return [unreadable((error as NodeJS.ErrnoException).code ?? 'error')];
    }
    const outcome = await parse(absolute, bytes);
    if ('fault' in outcome) return [faultFinding(outcome, limits)]; // not cached: it depends on the machine
    if ('spilled' in outcome) {
      later.push({ slot, relative, hash, stamp, spilled: outcome.spilled });
      return undefined;
    }
    return keep(relative, hash, stamp, outcome.result);
  };

  const perFile: Finding[][] = new Array(targets.length);
  /** Files whose findings are their cache entry's (a hit or a result just stored): not one unreadable, too large or stopped. */
  let vouched = 0;
  const metrics = new Map<string, FileMetrics>();
  let done = 0;
  let cached = 0;
  // First every untouched file's hash from its size and time, so checking one page's links
  // to others needs no reads; then the pages themselves.
  // Each file's path from the root (the cache's and index's key) and as reported, worked out once.
  const relatives = targets.map((absolute) => relativeTo(root, absolute));
  const shown = options.cwd === root ? relatives : targets.map((absolute) => relativeTo(options.cwd, absolute));
  // A cache with no results knows no hash: each file is then looked at as it is read, beside the workers, not all before them.
  const stored = cache?.holdsResults() ? cache : undefined;
  const stamps = targets.map((absolute, slot) => (stored ? knownStamp(stored, context, relatives[slot]!, absolute) : undefined));
  const place = (slot: number, findings: FileFinding[]) => {
    const file = shown[slot]!;
    perFile[slot] = findings.map((finding) => ({ file, ...finding }));
  };
  const lintOne = async (absolute: string, slot: number, buffer: ReadBuffer) => {
    const findings = await check(absolute, relatives[slot]!, slot, buffer);
    if (findings) place(slot, findings);
    options.onProgress?.(++done, targets.length);
  };

  try {
    try {
      // In this thread one file at a time (the index records one file's dependencies at once);
      // with workers, enough in flight that each has a file queued behind the one it is on, and one more is ready.
      let next = 0;
      const lanes = threaded ? size * (AHEAD + 2) : 1;
      await Promise.all(
        Array.from({ length: lanes }, async () => {
          // Each lane reads its files into one buffer, free again once a file's outcome is in.
          const buffer = new ReadBuffer();
          while (next < targets.length) {
            const slot = next++;
            await lintOne(targets[slot]!, slot, buffer);
          }
        }),
      );
    } finally {
      await pool?.close();
    }
    // In file order, so the cache is written the same whatever order the workers finished in.
    later.sort((a, b) => a.slot - b.slot);
    for (const { slot, relative, hash, stamp, spilled } of later) place(slot, keep(relative, hash, stamp, unspill(spilled)));
  } catch (error) {
    // The run stops with results missing: nothing is saved, and what the cache spilled so far is let go.
    cache?.discard();
    throw error;
  } finally {
    for (const file of spills) file.close();
  }
  await cache?.save(new Set(context.index.data.content));
  const inputs = cache && vouched === targets.length ? cache.inputsOf(relatives) : undefined;

  // editors.yml belongs to no shard: report it from the first one only, so a merge counts it once.
  const roster = !options.shard || options.shard.index === 1 ? editorsFindings(context, options.cwd) : [];
  const findings = [...roster, ...perFile.flat()].sort(compareFindings);
  return { context, findings, files: shown, cached, rechecked: cache?.rechecked ?? 0, metrics, inputs };
}

/** The files a run lints, in order: those chosen (`--changed`), given, or every page and glossary entry; then its shard's part. */
export async function lintTargets(options: Pick<LintOptions, 'cwd' | 'paths' | 'files' | 'shard'>, context: LintContext): Promise<string[]> {
  const root = context.config.root;
  const targets = options.files
    ? options.files.map((file) => path.join(root, file))
    : options.paths?.length
      ? await expandPaths(options.cwd, options.paths)
      : context.index.data.content.map((file) => path.join(root, file));
  return options.shard ? selectShard(targets.map((file) => relativeTo(root, file)), options.shard).map((file) => path.join(root, file)) : targets;
}

/** A file's size and time, and its hash when the cache vouches for it (told to the index for link checks). */
function knownStamp(cache: LintCache, context: LintContext, relative: string, absolute: string): { stamp: FileStamp; hash: string | undefined } | undefined {
  try {
    const info = lstatSync(absolute);
    // Anything but a plain file (a link, a pipe) takes the careful path in `regularFile`.
    if (!info.isFile()) return undefined;
    const stamp = { size: info.size, mtimeMs: info.mtimeMs };
    const hash = cache.knownHash(relative, stamp);
    if (hash) context.index.knowHash(relative, hash);
    return { stamp, hash };
  } catch {
    return undefined;
  }
}

/**
 * A file's size and time when it is a plain file in the repository, else why it is not read:
 * a pipe or device would block the run or never end, and a symbolic link out of the
 * repository would let a page read any file on the machine.
 */
function regularFile(root: string, absolute: string): FileStamp | string {
  try {
    let info = lstatSync(absolute);
    if (info.isSymbolicLink()) {
      if (!isInside(root, realpathSync(absolute))) return 'a symbolic link out of the repository';
      info = statSync(absolute);
    }
    if (!info.isFile()) return 'not a regular file';
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'error';
  }
}

function unreadable(reason: string): FileFinding {
  return { line: 1, column: 1, ruleId: 'file-encoding', severity: 'error', message: `Cannot read file (${reason}), expected a readable Markdown file in the repository` };
}

/** Enough of a file's start to hold any sensible front matter. */
const FRONT_MATTER_BYTES = 64 * 1024;

function frontMatterText(absolute: string): string {
  try {
    return new TextDecoder().decode(readStart(absolute, FRONT_MATTER_BYTES));
  } catch {
    return '';
  }
}

function faultFinding(outcome: Extract<WorkerOutcome, { fault: unknown }>, limits: LintLimits): FileFinding {
  return outcome.fault === 'timeout'
    ? fileTooComplex(
        `Checking this file took longer than the ${limits.timeBudgetMs / 1000} s budget (\`lint.timeBudget\`), so it was stopped; expected Markdown without very deep nesting or long runs of unclosed brackets, emphasis or HTML`,
      )
    : fileTooComplex(`Checking this file stopped the checker (${outcome.reason}), expected a smaller page without very deep nesting or long runs of unclosed markup`);
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

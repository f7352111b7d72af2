import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asciiJson } from '../fs/ascii-json.js';
import { readStart } from '../fs/read-start.js';
import { tempBeside } from '../fs/write-atomic.js';
import type { Summary } from './reporters/summary.js';
import type { LintContext } from './context.js';
import { cacheKey, CACHE_DIR, type RunInputs } from './lint-cache.js';

const FORMAT = 1;
const FILE = 'last-run';

/** Everything besides the files and the index that decides a report's bytes. */
export interface RunRequest {
  cwd: string;
  format: string;
  quiet: boolean;
  color: boolean;
  shard: string | undefined;
}

/** A recorded report to write again, with what the command's exit and step summary need. */
export interface Replay {
  output: Buffer;
  summary: Summary;
  stepSummary: string | undefined;
}

/** What decides a report besides the files: the record's first fields, read and compared on their own. */
interface Identity {
  format: number;
  today: string;
  request: string;
  roster: string;
  key: string;
}

interface Header extends Identity, RunInputs {
  summary: Summary;
  stepSummary: string | undefined;
}

function identity(context: LintContext, request: RunRequest): Identity {
  const root = context.config.root;
  return { format: FORMAT, today: context.today.toString(), request: requestText(root, request), roster: rosterText(context), key: cacheKey(context.config) };
}

/** How a header with this identity starts: its fields come first, so another day, request or config is a miss without reading the rest. */
function headerStart(identity: Identity): string {
  return `${asciiJson(identity).slice(0, -1)},`;
}

/**
 * The last run's report, when every file it linted (`relatives`, root-relative, in order) has the
 * size and time it had then and every dependency its results named resolves as it did: every cached
 * result would then be served as it is, so the report would be these bytes again. Checked without
 * opening lint.json, whose tens of megabytes of findings a run with nothing changed never needs.
 */
export function replayRun(context: LintContext, relatives: readonly string[], request: RunRequest): Replay | undefined {
  const root = context.config.root;
  const file = path.join(root, CACHE_DIR, FILE);
  const start = headerStart(identity(context, request));
  let bytes: Buffer;
  try {
    // The record holds the whole report (17 MB of JSON at 10,000 pages): read only once its identity matches.
    if (readStart(file, start.length).toString('latin1') !== start) return undefined;
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(10);
  if (end < 0) return undefined;
  let header: Header;
  try {
    // Written as ASCII JSON: read byte for character.
    header = JSON.parse(bytes.toString('latin1', 0, end)) as Header;
  } catch {
    return undefined;
  }
  if (
    !Array.isArray(header.files) ||
    !Array.isArray(header.pairs) ||
    header.files.length !== relatives.length
  ) {
    return undefined;
  }
  for (let i = 0; i < relatives.length; i++) {
    const [relative, size, mtimeMs] = header.files[i]!;
    if (relative !== relatives[i] || !sameStamp(path.join(root, relative), size, mtimeMs)) return undefined;
  }
  // Page hashes stand for their headings in `h:` fingerprints: told, not read again.
  for (const [relative, , , hash] of header.files) context.index.knowHash(relative, hash);
  for (const [dependency, fingerprint] of header.pairs) if (context.index.fingerprint(dependency) !== fingerprint) return undefined;
  return { output: bytes.subarray(end + 1), summary: header.summary, stepSummary: header.stepSummary };
}

function sameStamp(file: string, size: number, mtimeMs: number): boolean {
  try {
    const info = lstatSync(file);
    return info.isFile() && info.size === size && info.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Records a run's report as it is written (see `replayRun`): a header line of what it rests on, then
 * the report's bytes, in a temporary file renamed into place only once the whole report went
 * through. A record that cannot be written is only a slower next run.
 */
export class RunRecorder {
  private complete = false;

  private constructor(
    private readonly file: string,
    private readonly temp: string,
    private fd: number | undefined,
  ) {}

  static start(context: LintContext, inputs: RunInputs, request: RunRequest, summary: Summary, stepSummary: string | undefined): RunRecorder | undefined {
    const file = path.join(context.config.root, CACHE_DIR, FILE);
    const temp = tempBeside(file);
    // The identity first (headerStart): its key is the one the cache stored these results under.
    const header: Header = { ...identity(context, request), summary, stepSummary, ...inputs };
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const recorder = new RunRecorder(file, temp, openSync(temp, 'wx'));
      recorder.append(Buffer.from(`${asciiJson(header)}\n`, 'latin1'));
      return recorder.fd === undefined ? undefined : recorder;
    } catch {
      return undefined;
    }
  }

  /** The report's pieces as bytes, each written to the record too before it is passed on. */
  *tee(pieces: Iterable<string>): Generator<Buffer> {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      this.append(bytes);
      yield bytes;
    }
    this.complete = true;
  }

  /** Put the record in place if the whole report went through it, else drop it. */
  finish(): void {
    const fd = this.fd;
    this.fd = undefined;
    try {
      if (fd === undefined) return;
      closeSync(fd);
      if (this.complete) renameSync(this.temp, this.file);
    } catch {
      // Left to the removal below.
    } finally {
      rmSync(this.temp, { force: true });
    }
  }

  private append(bytes: Buffer): void {
    if (this.fd === undefined) return;
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    } catch {
      closeSync(this.fd);
      this.fd = undefined;
      rmSync(this.temp, { force: true });
    }
  }
}

function requestText(root: string, request: RunRequest): string {
  return JSON.stringify({ root, ...request });
}

/** What the report says about editors.yml itself (the engine's roster findings). */
function rosterText(context: LintContext): string {
  return JSON.stringify([context.index.data.editorsFile, context.index.data.editorsProblems]);
}

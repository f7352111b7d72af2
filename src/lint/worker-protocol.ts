import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Config } from '../config/schema.js';
import type { IndexData } from '../content/content-index.js';
import type { Piece } from '../fs/scratch-file.js';
import remarkPresetPagecare from '../rules/index.js';
import type { LintContext } from './context.js';
import type { LintProcessor } from './lint-file.js';
import type { WireResult } from './wire-result.js';

/** What a worker needs to rebuild the run's context: plain, structured-cloneable data. */
export interface WorkerInit {
  root: string;
  cwd: string;
  configFile: string | undefined;
  config: Config;
  today: string;
  index: IndexData;
  /** A scratch file's descriptor (src/fs/scratch-file.ts) to write results to rather than send them; absent when there is none. */
  spill?: number | undefined;
}

/** One file for a worker; a worker holds one at a time. */
export interface WorkerTask {
  path: string;
  bytes: Uint8Array;
}

/** `ready` once the context is rebuilt; then one reply per task: the result, where it was written, or why there is none. */
export type WorkerReply = { ready: true } | { result: WireResult } | { spilled: Piece } | { error: string };

/** remark-parse plus the pagecare preset, frozen once per thread and reused for every file. */
export function createProcessor(context: LintContext): LintProcessor {
  return unified().use(remarkParse).use(remarkPresetPagecare, { context }).freeze();
}

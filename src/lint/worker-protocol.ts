import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Config } from '../config/schema.js';
import type { IndexData } from '../content/content-index.js';
import remarkPresetPagecare from '../rules/index.js';
import type { LintContext } from './context.js';
import type { FileResult, LintProcessor } from './lint-file.js';

/** What a worker needs to rebuild the run's context: plain, structured-cloneable data. */
export interface WorkerInit {
  root: string;
  cwd: string;
  configFile: string | undefined;
  config: Config;
  today: string;
  index: IndexData;
}

export interface WorkerTask {
  id: number;
  path: string;
  bytes: Uint8Array;
}

export type WorkerReply = { id: number; result: FileResult } | { id: number; error: string };

/** remark-parse plus the pagecare preset, frozen once per thread and reused for every file. */
export function createProcessor(context: LintContext): LintProcessor {
  return unified().use(remarkParse).use(remarkPresetPagecare, { context }).freeze();
}

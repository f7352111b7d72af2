import { statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/load-config.js';
import type { FileMetrics } from '../lint/file-metrics.js';
import { LintCache } from '../lint/lint-cache.js';

/**
 * What the last `pagecare lint` (or `run`) measured for each file, for the
 * files still as they were then (the same size and modification time), read
 * from the lint cache without reading or hashing a page: `review` stays as
 * cheap as reading front matter. A file changed since, or never linted with
 * the cache, is left out, and the reports show it as not measured. The cache
 * is only read, never written.
 */
export async function cachedMetrics(config: ResolvedConfig, files: readonly string[]): Promise<Map<string, FileMetrics>> {
  const cache = await LintCache.open(config);
  const found = new Map<string, FileMetrics>();
  for (const file of files) {
    // Followed like lint follows a link inside the repository; lint stores nothing for one that leaves it.
    const info = statSync(path.join(config.root, file), { throwIfNoEntry: false });
    const metrics = info?.isFile() ? cache.knownMetrics(file, { size: info.size, mtimeMs: info.mtimeMs }) : undefined;
    if (metrics) found.set(file, metrics);
  }
  return found;
}

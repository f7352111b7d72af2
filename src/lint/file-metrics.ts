import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { readingAge } from '../content/reading-age.js';

/** What lint measures about a file besides its findings, for the review reports. */
export interface FileMetrics {
  /**
   * SMOG reading age (src/content/reading-age.ts); null when the file was read
   * but is not scored (a page under 10 sentences, a glossary entry); absent
   * when it was not measured.
   */
  readingAge?: number | null;
}

/**
 * A linted file's metrics, from the tree the rules just walked: the reading
 * age is remembered per tree, so with `readability` on this costs nothing
 * more. With both prose rules off nothing has split the sentences, and a lint
 * that asked for neither stays near the cost of its parse: not measured.
 */
export function measureFile(tree: Root, file: VFile): FileMetrics {
  const prepared = file.data.pagecare;
  if (!prepared) return {};
  const { severities } = prepared.context.config;
  if (severities.readability === 'off' && severities['sentence-length'] === 'off') return {};
  if (prepared.kind !== 'page') return { readingAge: null };
  return { readingAge: readingAge(tree)?.age ?? null };
}

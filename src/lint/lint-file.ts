import type { Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { ContentIndex, Dependency } from '../content/content-index.js';
import type { Finding } from './finding.js';

export type LintProcessor = Processor<Root, undefined, undefined, undefined, undefined>;

/** A finding before it is placed in a file (the cache and workers keep findings this way). */
export type FileFinding = Omit<Finding, 'file'>;

export interface FileResult {
  findings: FileFinding[];
  /** What the findings depend on elsewhere in the repository, with each one's fingerprint then. */
  dependencies: Array<[Dependency, string]>;
  /** Last day the findings hold as they are (date rules); null when they hold until the file changes. */
  validUntil: string | null;
}

/**
 * Lint one file's bytes with a frozen processor: one parse, every rule on
 * that tree, noting what the findings depend on for the cache.
 */
export async function lintFile(
  processor: LintProcessor,
  index: ContentIndex,
  bytes: Uint8Array,
  options: { path: string; cwd: string },
): Promise<FileResult> {
  // Decode once; invalid UTF-8 becomes U+FFFD, which `file-encoding` reports, rather than a failure.
  const file = new VFile({ path: options.path, cwd: options.cwd, value: new TextDecoder().decode(bytes) });
  const dependencies = new Set<Dependency>();
  index.recordInto(dependencies);
  try {
    const tree = processor.parse(file);
    await processor.run(tree, file);
  } catch (error) {
    file.message(`Cannot check this file (${(error as Error).message}), expected Markdown pagecare can parse`, {
      place: { line: 1, column: 1 },
      ruleId: 'file-encoding',
      source: 'pagecare',
    }).fatal = true;
  } finally {
    index.recordInto(undefined);
  }
  const findings = file.messages.map(
    (message): FileFinding => ({
      line: message.line ?? 1,
      column: message.column ?? 1,
      ...(message.place && 'end' in message.place && message.place.end.line
        ? { endLine: message.place.end.line, endColumn: message.place.end.column }
        : {}),
      ruleId: message.ruleId ?? 'internal',
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      message: message.reason,
    }),
  );
  return {
    findings,
    dependencies: [...dependencies].sort().map((dependency) => [dependency, index.fingerprint(dependency)]),
    validUntil: file.data.pagecare?.clock.validUntil?.toString() ?? null,
  };
}

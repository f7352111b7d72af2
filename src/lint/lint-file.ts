import type { Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Finding } from './finding.js';

/** Lint one file's bytes with a frozen processor: one parse, every rule on that tree. */
export type LintProcessor = Processor<Root, undefined, undefined, undefined, undefined>;

export async function lintFile(
  processor: LintProcessor,
  bytes: Uint8Array,
  options: { path: string; cwd: string; reportPath: string },
): Promise<Finding[]> {
  // Decode once; invalid UTF-8 becomes U+FFFD, which `file-encoding` reports, rather than a failure.
  const file = new VFile({ path: options.path, cwd: options.cwd, value: new TextDecoder().decode(bytes) });
  try {
    const tree = processor.parse(file);
    await processor.run(tree, file);
  } catch (error) {
    file.message(`Cannot check this file (${(error as Error).message}), expected Markdown pagecare can parse`, {
      place: { line: 1, column: 1 },
      ruleId: 'file-encoding',
      source: 'pagecare',
    }).fatal = true;
  }
  return file.messages.map((message) => ({
    file: options.reportPath,
    line: message.line ?? 1,
    column: message.column ?? 1,
    ...(message.place && 'end' in message.place && message.place.end.line
      ? { endLine: message.place.end.line, endColumn: message.place.end.column }
      : {}),
    ruleId: message.ruleId ?? 'internal',
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
  }));
}

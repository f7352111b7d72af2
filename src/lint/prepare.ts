import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { isGlossaryPath } from '../content/discover.js';
import { parseFrontMatter } from '../content/front-matter.js';
import { relativeTo } from '../content/repo-path.js';
import type { LintContext } from './context.js';

/** Gives every file its context, kind and parsed front matter before the rules run. */
export function prepareFile(context: LintContext, file: VFile): void {
  const value = file.value;
  let text: string;
  let invalidUtf8At: number | undefined;
  if (typeof value === 'string') text = value;
  else {
    text = new TextDecoder().decode(value);
    invalidUtf8At = firstInvalidUtf8(value);
  }
  const relative = relativeTo(context.config.root, path.resolve(file.cwd, file.path));
  const frontMatter = parseFrontMatter(text);
  const data = frontMatter.data;
  file.data.pagecare = {
    context,
    kind: isGlossaryPath(context.config, relative) ? 'glossary' : 'page',
    path: relative,
    frontMatter,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined,
    ...(invalidUtf8At === undefined ? {} : { invalidUtf8At }),
  };
}

/** Offset of the first byte that is not part of valid UTF-8, if any. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Bisect for the offending offset: decoding prefixes is cheap next to a parse.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 4) {
      const mid = (good + bad) >> 1;
      if (isValidPrefix(bytes.subarray(0, mid))) good = mid;
      else bad = mid;
    }
    return good;
  }
}

function isValidPrefix(bytes: Uint8Array): boolean {
  try {
    // `stream: true` tolerates a sequence cut at the end of the prefix.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export type PrepareTransformer = (tree: Root, file: VFile) => Promise<void>;

import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileFix } from './fix-files.js';

/**
 * The fixes as one unified diff (`a/` and `b/` paths, as `git apply` and
 * `patch -p1` take them), each file shown by `show` (default its own path).
 */
export function formatFixDiff(results: readonly FileFix[], show: (file: string) => string = (file) => file): string {
  return results
    .map((result) => {
      const name = show(result.path);
      return createTwoFilesPatch(`a/${name}`, `b/${name}`, result.before, result.after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
    })
    .join('');
}

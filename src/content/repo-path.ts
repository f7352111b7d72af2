import path from 'node:path';

/** Repository-relative path with `/` separators, the form every report uses. */
export function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

export function relativeTo(root: string, file: string): string {
  // The common case, a file below the root, without path.relative's normalising.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (file.startsWith(prefix) && !file.includes(`${path.sep}..`) && !file.includes(`${path.sep}.${path.sep}`)) {
    return toPosix(file.slice(prefix.length));
  }
  return toPosix(path.relative(root, file));
}

/** True when `target` stays inside `root` (no `..` escape, no other drive). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `text` without trailing `char`s. A loop, not `/x+$/`: that pattern retries
 * from every position and is quadratic on a long run that does not end the text.
 */
export function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}

/**
 * `path.posix.relative` from a folder (its segments) to a file, both
 * root-relative and normalised as the index holds them: the same answer
 * without resolving either against the working directory, which is most of
 * its cost when every file in a large repository is asked about.
 */
export function relativePath(from: readonly string[], file: string): string {
  const parts = file.split('/');
  let shared = 0;
  while (shared < from.length && shared < parts.length - 1 && from[shared] === parts[shared]) shared++;
  return [...Array<string>(from.length - shared).fill('..'), ...parts.slice(shared)].join('/');
}

import path from 'node:path';
import { nearest, nearestOf } from './nearest.js';
import { relativePath, trimEnd } from './repo-path.js';

/**
 * The existing file nearest to a broken link's target, written the way the
 * link was (relative to the page, with `./` or `../`, `.md` left off if it
 * was). Pages are candidates for a link without an extension or ending in
 * `.md`; otherwise every file is. Every file of the repository is a
 * candidate, so they are taken a folder at a time: the way from the page to a
 * folder is worked out once for all its files, and a file's path is written
 * out only when its length could make it the nearest. Writing out every path
 * for each broken link grew with pages times broken links: 12 s of each
 * worker's 412 s in a cold lint of 100,000 pages.
 */
export function nearestPath(target: string, here: string, files: ReadonlySet<string>): string | undefined {
  const extension = path.posix.extname(target);
  const bare = extension === '';
  const pagesOnly = bare || extension === '.md';
  const written = trimEnd(target.startsWith('.') ? target : `./${target}`, '/');
  const from = here === '.' ? [] : here.split('/');
  // A page linted from outside the repository (`../elsewhere/page.md`) is the rare case for the general answer.
  if (path.posix.isAbsolute(here) || from.some((part) => part === '' || part === '.' || part === '..')) {
    const shown = (file: string) => asWritten(path.posix.relative(here, file), bare);
    return nearest(written, [...files].filter((file) => !pagesOnly || file.endsWith('.md')).map(shown));
  }
  const candidates = function* (): Generator<Candidate> {
    for (const [folder, names] of byFolder(files)) {
      // The way to every file of the folder: relativePath to one of them, less its name.
      const way = relativePath(from, folder === '' ? 'x' : `${folder}/x`).slice(0, -1);
      const wayLength = way.toLowerCase().length;
      for (const name of names) {
        if (pagesOnly && !name.name.endsWith('.md')) continue;
        yield { way, wayLength, name };
      }
    }
  };
  return nearestOf(written, candidates(), (candidate) => shownLength(candidate, bare), ({ way, name }) => asWritten(way + name.name, bare));
}

/** A file's path from the page as a link would say it: `./` before a path that does not start with `.`; a bare link's without `.md`, a folder's `index.md` as the folder. */
function asWritten(relative: string, bare: boolean): string {
  const shown = bare ? relative.replace(/(?:^|\/)index\.md$/, '').replace(/\.md$/, '') || '.' : relative;
  return shown.startsWith('.') ? shown : `./${shown}`;
}

interface Name {
  name: string;
  /** Length of the name lower-cased. */
  length: number;
}

interface Candidate {
  /** From the page to the folder, ending in `/` unless empty. */
  way: string;
  /** Length of `way` lower-cased. */
  wayLength: number;
  name: Name;
}

/**
 * The length of `asWritten(way + name, bare).toLowerCase()`, from the parts'
 * lower-cased lengths (lower-casing changes a length a character at a time,
 * `İ` to two): exact, so no candidate that could win is skipped.
 */
function shownLength({ way, wayLength, name }: Candidate, bare: boolean): number {
  if (!bare) return withDot(way + name.name, wayLength + name.length);
  // A folder's index page is the folder: `way` without its `/`; any other page loses its `.md`.
  const index = name.name === 'index.md';
  const kept = index ? way.slice(0, -1) : way + name.name;
  let length = index ? Math.max(0, wayLength - 1) : wayLength + name.length - 3;
  // Then a `.md` the rest ends in goes too (a folder named `x.md`): the one `.md` a page's name loses, or this.
  if (index && kept.endsWith('.md')) length -= 3;
  // Nothing left is the page's own folder, `.`.
  return length === 0 ? 1 : withDot(kept, length);
}

/** The length with `./` added when the path (starting as `start` does) does not start with `.`. */
function withDot(start: string, length: number): number {
  return start.startsWith('.') ? length : length + 2;
}

/** The repository's files by folder (`''` for the root), made once for each file list. */
const folders = new WeakMap<ReadonlySet<string>, Map<string, Name[]>>();

function byFolder(files: ReadonlySet<string>): Map<string, Name[]> {
  let grouped = folders.get(files);
  if (!grouped) {
    grouped = new Map();
    for (const file of files) {
      const cut = file.lastIndexOf('/');
      const folder = cut === -1 ? '' : file.slice(0, cut);
      const name = file.slice(cut + 1);
      let names = grouped.get(folder);
      if (!names) grouped.set(folder, (names = []));
      names.push({ name, length: name.toLowerCase().length });
    }
    folders.set(files, grouped);
  }
  return grouped;
}

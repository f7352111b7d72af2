import path from 'node:path';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { expect, test } from 'vitest';
import { nearest } from '../../src/content/nearest.js';
import { nearestPath } from '../../src/content/nearest-path.js';
import { relativePath } from '../../src/content/repo-path.js';

/** Root-relative paths as the index holds them: normalised, `/`-separated, from a small alphabet so they share folders. */
const segment = fc.constantFrom('a', 'b', 'pages', 'glossary', 'x.md', 'index.md', 'a.md', 'Ça', 'b c');
const folder = fc.array(segment, { maxLength: 4 }).map((parts) => (parts.length === 0 ? '.' : parts.join('/')));
const file = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));

test('relativePath gives what path.posix.relative gives, for any folder and file of the index', () => {
  fc.assert(
    fc.property(folder, file, (here, target) => {
      // A file cannot also be a folder the page sits in.
      fc.pre(here !== target && !`${here}/`.startsWith(`${target}/`));
      const from = here === '.' ? [] : here.split('/');
      expect(relativePath(from, target)).toBe(path.posix.relative(here, target));
    }),
    { numRuns: 5_000 },
  );
});

/** `nearest` as it was before it skipped candidates by length: every candidate measured. */
function measuredAll(value: string, candidates: string[]): string | undefined {
  const needle = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(2, Math.floor(Math.max(needle.length, best.length) / 4)) ? best : undefined;
}

test('nearest skips only candidates that could not win: the same answer as measuring every one', () => {
  // Short strings over a few letters (with İ, which lower-cases to two characters) so near ties are common.
  const word = fc.array(fc.constantFrom('a', 'b', 'A', '/', '.', 'İ'), { maxLength: 8 }).map((chars) => chars.join(''));
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 12 }), (value, candidates) => {
      expect(nearest(value, candidates)).toBe(measuredAll(value, candidates));
    }),
    { numRuns: 10_000 },
  );
});

/** nearestPath as it was written before it took files a folder at a time: every file's path made and measured. */
function nearestPathPlain(target: string, here: string, files: Iterable<string>): string | undefined {
  const extension = path.posix.extname(target);
  const bare = extension === '';
  const from = here === '.' ? [] : here.split('/');
  const inside = !path.posix.isAbsolute(here) && from.every((part) => part !== '' && part !== '.' && part !== '..');
  const candidates: string[] = [];
  for (const file of files) {
    if ((bare || extension === '.md') && !file.endsWith('.md')) continue;
    let relative = inside ? relativePath(from, file) : path.posix.relative(here, file);
    if (bare) relative = relative.replace(/(?:^|\/)index\.md$/, '').replace(/\.md$/, '') || '.';
    candidates.push(relative.startsWith('.') ? relative : `./${relative}`);
  }
  const written = target.startsWith('.') ? target : `./${target}`;
  return measuredAll(written.replace(/\/+$/, ''), candidates);
}

test('nearestPath gives the plain answer: every file made into its path from the page and measured', () => {
  // Names that lose `.md`, folders named like pages, a folder's index page, `İ` (two characters lower-cased), dotfiles.
  const name = fc.constantFrom('a.md', 'b.md', 'ab.md', 'index.md', 'x.md.md', '.md', 'İa.md', 'a.png', '.hidden', 'Ab.MD');
  const folderPart = fc.constantFrom('a', 'b', 'x.md', '.md', 'İ', 'pages');
  const repoFile = fc.tuple(fc.array(folderPart, { maxLength: 3 }), name).map(([folders, file]) => [...folders, file].join('/'));
  const pageFolder = fc.array(folderPart, { maxLength: 3 }).map((parts) => (parts.length === 0 ? '.' : parts.join('/')));
  const linkTarget = fc.tuple(fc.constantFrom('', './', '../', '../../'), fc.array(fc.constantFrom('a', 'b', 'x.md', 'İ'), { maxLength: 2 }), fc.constantFrom('a', 'ab', 'a.md', 'index', 'a.png', 'x.md', ''), fc.constantFrom('', '/'))
    .map(([up, parts, last, slash]) => `${up}${[...parts, last].filter((part) => part !== '').join('/')}${slash}`);
  fc.assert(
    fc.property(linkTarget, fc.oneof(pageFolder, fc.constant('../elsewhere')), fc.uniqueArray(repoFile, { maxLength: 14 }), (target, here, files) => {
      fc.pre(target !== '');
      expect(nearestPath(target, here, new Set(files))).toBe(nearestPathPlain(target, here, files));
    }),
    { numRuns: 10_000 },
  );
});

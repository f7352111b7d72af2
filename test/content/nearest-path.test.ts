import path from 'node:path';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { expect, test } from 'vitest';
import { nearest } from '../../src/content/nearest.js';
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

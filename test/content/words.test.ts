import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../../src/content/words.js';

// The plain definition: runs of letters (code point by code point), lower-cased, at most 40 long.
const plainWords = (text: string) => [...text.matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((w) => w.length <= 40).map((w) => w.toLowerCase());

describe('words', () => {
  it('matches the plain definition on ASCII, which takes the character loop', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    const edges = fc.array(fc.constantFrom('a', 'Z', '@', '[', '`', '{', ' ', '-', '1', 'x'.repeat(40), 'y'.repeat(41)), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(ascii, edges), (text) => {
        expect(words(text), JSON.stringify(text)).toEqual(plainWords(text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('matches the plain definition beyond ASCII', () => {
    const piece = fc.constantFrom('a', 'B', 'é', 'É', 'ß', 'İ', '𝐀', '\u{1F600}', ' ', '’', '1', 'q'.repeat(39));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (text) => {
        expect(words(text), JSON.stringify(text)).toEqual(plainWords(text));
      }),
      { numRuns: 5_000 },
    );
  });
});

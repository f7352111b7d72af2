import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syllable } from 'syllable';
import { endsInAbbreviation, isOneSentence, wordCounts } from '../../src/content/sentences.js';
import { hashStep } from '../../src/content/words.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const segments = (text: string) => [...segmenter.segment(text)].length;

/** Characters ICU may end a sentence at, among ordinary ones. */
const TERMINATORS = ['.', '!', '?', '\u3002', '\u203c', '\u2024', '\u0589', '\u061f', '\u0964', '\r', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c'];

describe('isOneSentence', () => {
  it('is true only for text the segmenter returns whole', () => {
    const unit = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'B', 'word', 'Dr', 'e', '3', ' ', ' ', ',', ';', ':', '-', '\u2013', '(', ')', '"', "'", '\u2019', '\u201d', '\u00a0', '/', 'é', '\u4e00') },
      { weight: 2, arbitrary: fc.constantFrom(...TERMINATORS) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        if (isOneSentence(text)) expect(segments(text), JSON.stringify(text)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes the fast path for headings, bullets and one-sentence paragraphs', () => {
    for (const text of ['Side effects of chemotherapy', 'Ask your doctor (or nurse) about it.', 'Is it safe?', 'You may feel tired: rest when you can!', 'They said \u201cyes.\u201d ', '50% of people \u2013 about 1 in 2 \u2013 get it']) {
      expect(isOneSentence(text), text).toBe(true);
      expect(segments(text), text).toBe(1);
    }
    for (const text of ['One. Two.', 'Dr. Smith', 'Why? Because.', 'Line\u2028break']) expect(isOneSentence(text), text).toBe(false);
  });

  it('never holds a character the segmenter can end a sentence at', { timeout: 60_000 }, () => {
    // Every code point, in the context where a terminator would end a sentence: after a word, before a space and a capital.
    const escaped: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const text = `Word${char} Next word ${char} Third Go${char}Up`;
      if (isOneSentence(text) && segments(text) > 1) escaped.push(code.toString(16));
    }
    expect(escaped).toEqual([]);
  });
});

describe('wordCounts', () => {
  const WORD = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;
  // The plain definition: the pattern's words, and those of three syllables or more (lower-cased; digits never).
  const plain = (text: string) => {
    const found = text.match(WORD);
    if (!found) return undefined;
    const long = found.filter((word) => !/^[\d'\u2019-]+$/.test(word) && syllable(word.toLowerCase()) >= 3);
    return { words: found.length, polysyllables: long.length };
  };
  const text = fc
    .array(fc.constantFrom('a', 'Z', '9', "'", '-', ' ', '.', '\u2019', '\u00e9', 'x-', "n't", '--', "''", 'Hospital', 'hospital', 'MEDICINE', 'operation', 'iia', 'Ia'), { maxLength: 25 })
    .map((p) => p.join(''));

  it('counts the words the Unicode pattern finds, and their long ones, ASCII or not', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 30 })), (sample) => {
        expect(wordCounts(sample), JSON.stringify(sample)).toEqual(plain(sample));
      }),
      { numRuns: 20_000 },
    );
  });

  it('tells apart words whose lower-cased hashes collide', () => {
    // `ioan` and `ioc0` share a hash (a - c = -2 and n - 0 = 62 = 2 · 31), and only `ioan` is long (3 syllables).
    const hash = (word: string) => [...word.toLowerCase()].reduce((h, c) => hashStep(h, c.charCodeAt(0)), 0);
    expect(hash('ioan')).toBe(hash('IOC0'));
    expect(syllable('ioan')).toBeGreaterThanOrEqual(3);
    expect(syllable('ioc0')).toBeLessThan(3);
    // Whichever is remembered first under the shared hash, each gets its own answer.
    for (const sample of ['ioan IOC0 ioan', 'IOC0 ioan IOC0']) expect(wordCounts(sample), sample).toEqual({ words: 3, polysyllables: sample.startsWith('ioan') ? 2 : 1 });
  });
});

describe('endsInAbbreviation', () => {
  // The plain definition it reads back from the end.
  const PATTERN = /(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St)|\b(?:[eE]\.[gG]|[iI]\.[eE]|vs|approx))\.["'\u2019\u201d)]*\s*$/;
  const piece = fc.constantFrom('Dr', 'Mr', 'Mrs', 'Ms', 'Prof', 'St', 'e.g', 'E.G', 'i.e', 'vs', 'approx', 'x', '_', '9', 'é', '.', '.', ' ', '\t', '\u00a0', '\n', '"', "'", '\u2019', '\u201d', ')', ']', 'see ');

  it('agrees with the pattern anchored at the end', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), fc.string({ maxLength: 20 })), (text) => {
        expect(endsInAbbreviation(text), JSON.stringify(text)).toBe(PATTERN.test(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

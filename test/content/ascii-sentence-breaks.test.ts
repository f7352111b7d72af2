import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiSentenceStarts } from '../../src/content/ascii-sentence-breaks.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuStarts = (text: string) => [...segmenter.segment(text)].map((s) => s.index);

// Every class the rules tell apart, weighted towards the ones that decide a break.
const piece = fc.constantFrom('a', 'b', 'Z', 'Q', '7', '.', '.', '!', '?', '"', "'", '(', ')', '[', ']', '{', '}', ',', '-', ':', ';', ' ', ' ', '\t', '#', '/', '&', 'etc', 'Dr', 'e.g', '3.5', 'U.S');
const asciiText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });

describe('asciiSentenceStarts', () => {
  it('agrees with Intl.Segmenter on text built from every sentence-break class', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(asciiSentenceStarts(text), JSON.stringify(text)).toEqual(icuStarts(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Intl.Segmenter on any printable ASCII with tabs', () => {
    fc.assert(
      fc.property(printable, (text) => {
        expect(asciiSentenceStarts(text), JSON.stringify(text)).toEqual(icuStarts(text));
      }),
      { numRuns: 10_000 },
    );
  });

  it('agrees on prose', () => {
    const prose = 'Your doctor (Dr. Patel) will see you. Is it cancer? Maybe! The scan, e.g. a CT scan, takes 3.5 hours. See www.nhs.uk. then wait. "Really?" she asked. OK.';
    expect(asciiSentenceStarts(prose)).toEqual(icuStarts(prose));
  });

  it('leaves line breaks, controls and anything not ASCII to the segmenter', () => {
    for (const text of ['a.\nB', 'a.\rB', 'caf\u00e9. Ok', 'a\u0001b', 'smart \u201cquotes\u201d. Yes']) expect(asciiSentenceStarts(text)).toBeUndefined();
  });
});

import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { MIN_SENTENCES, readingAge } from '../../src/content/reading-age.js';
import { sentences } from '../../src/content/sentences.js';

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown);
const texts = (markdown: string) => sentences(parse(markdown)).map((s) => s.text);

describe('sentences, counted the NHS way', () => {
  it('reads each heading and list item as a sentence of its own', () => {
    expect(texts('# Going home\n\nRest. Walk a little\n\n- a fever\n- pain\n  > that gets worse\n')).toEqual([
      'Going home',
      'Rest.',
      'Walk a little',
      'a fever',
      'pain',
      'that gets worse',
    ]);
  });

  it('joins lines of a paragraph, keeps title abbreviations and e.g. inside a sentence, and reads link text but not code, HTML or images', () => {
    const found = sentences(
      parse('---\ntitle: x\n---\n\nDr. Smith sees you\nin clinic, e.g. on Monday. Then\nyou go [home](./home.md).\n\n<!-- a comment. -->\n\n```\ncode. more code.\n```\n\n![An image. Of two sentences.](x.png) Bye.\n'),
    );
    expect(found.map((s) => [s.line, s.text, s.words])).toEqual([
      [5, 'Dr. Smith sees you in clinic, e.g. on Monday.', 10],
      [6, 'Then you go home.', 4],
      [15, 'Bye.', 1],
    ]);
  });
});

describe('readingAge', () => {
  it('is SMOG grade + 5 from the polysyllable and sentence counts', () => {
    // 12 sentences; the long words are counted by the syllable library, not by hand.
    const lines = [
      'Your operation is in hospital.',
      'You go home after a day or two.',
      'Rest when you are tired.',
      'Eat small meals.',
      'Drink lots of water.',
      'Your family can visit.',
      'Call us if you feel unwell.',
      'Take your medicine each morning.',
      'Walk a little every day.',
      'You may feel sore.',
      'This is normal.',
      'Ask us anything.',
    ];
    const words = lines.join(' ').match(/[\p{L}]+/gu)!;
    const polysyllables = words.filter((w) => syllable(w) >= 3).length;
    expect(polysyllables).toBeGreaterThan(2);
    const grade = 1.043 * Math.sqrt((polysyllables * 30) / lines.length) + 3.1291;
    expect(readingAge(parse(lines.join('\n\n')))).toEqual({
      age: Math.round(grade + 5),
      grade: expect.closeTo(grade, 10),
      sentences: lines.length,
      words: words.length,
      polysyllables,
    });
  });

  it(`gives no age for fewer than ${MIN_SENTENCES} sentences, and never counts digits as long words`, () => {
    expect(readingAge(parse('Neuroendocrine carcinomas. Multidisciplinary evaluation.'))).toBeUndefined();
    const digits = Array.from({ length: MIN_SENTENCES }, () => 'Call 1234567 at 2025.').join(' ');
    expect(readingAge(parse(digits))).toMatchObject({ polysyllables: 0, sentences: MIN_SENTENCES });
  });
});

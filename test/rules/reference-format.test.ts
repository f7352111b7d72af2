import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { bodyVocabulary, referenceFormatSlips, type ReferenceEntry } from '../../src/rules/reference-format.js';

const vocabulary = new Set(['neuroendocrine', 'tumour', 'tumours', 'small', 'bowel', 'guidance', 'health', 'care']);
const slips = (refs: Array<Record<string, unknown>>, words: Set<string> = vocabulary) =>
  referenceFormatSlips(
    refs.map((reference, index): ReferenceEntry => ({ index, reference })),
    words,
    2026,
  );
const one = (reference: Record<string, unknown>) => slips([reference]).map((s) => `${s.field}: ${s.message}`);

describe('reference-format helpers', () => {
  it('finds lowercase glued words from the vocabulary only', () => {
    expect(one({ title: 'Treating neuroendocrinetumours' })).toEqual([
      'title: Unexpected `neuroendocrinetumours` in `title`, expected `neuroendocrine tumours` (words glued together)',
    ]);
    // Unknown halves, compound prefixes/suffixes and known words stay quiet.
    expect(one({ title: 'Gastroenteropancreatic healthcare in smallbowels' })).toEqual([
      'title: Unexpected `smallbowels` in `title`, expected `small bowels` (words glued together)',
    ]);
    expect(one({ title: 'Neuroendocrine tumours' })).toEqual([]);
  });

  it('lets another reference field vouch for a word, but never the field itself', () => {
    const refs = [{ title: 'Treating neuroendocrinetumours' }, { journal: 'Neuroendocrinetumours' }];
    expect(slips(refs).map((s) => s.index)).toEqual([]);
    expect(slips([{ title: 'neuroendocrinetumours and neuroendocrinetumours' }]).length).toBe(2);
  });

  it('leaves names and brand casing alone', () => {
    expect(one({ title: 'PubMed and YouTube for McDonald and MacDonald', authors: 'D MacDonald and others' })).toEqual([]);
    expect(one({ title: 'Outcomes in the 1990s' })).toEqual([]);
  });

  it('accepts good page forms and corrects bad ones', () => {
    for (const pages of ['844–860', 'e13306', 85, 'S12', 'e12–e18']) expect(one({ pages })).toEqual([]);
    const expected: Record<string, string> = { '1 - 14': '1–14', '125 – 138': '125–138', '138–125': '125–138', '844–60': '844–860', '12-19': '12–19', 'pp. 5–9': '5–9', '12 to 19': '12–19' };
    for (const [pages, fixed] of Object.entries(expected)) {
      expect(one({ pages })[0], pages).toContain(`expected \`${fixed}\``);
    }
  });

  it('checks year, DOI, PMID and URL', () => {
    expect(one({ year: 2026, doi: '10.1016/j.annonc.2020.03.304', pmid: 32272208, url: 'https://www.nice.org.uk/guidance/ng12' })).toEqual([]);
    expect(one({ year: '2026' })).toEqual([]);
    expect(one({ year: 2027 })[0]).toContain('future');
    expect(one({ doi: 'doi:10.1159/000443170' })[0]).toContain('expected the bare DOI `10.1159/000443170`');
    expect(one({ pmid: '12 34' })[0]).toContain('1 to 8 digits');
    expect(one({ url: 'http://example.org/a' })[0]).toContain('`https://example.org/a`');
    expect(one({ url: 'https://' })[0]).toContain('full https:// address');
  });

  it('allows abbreviations and initials at the end of a field', () => {
    expect(one({ journal: 'J. Clin. Oncol.', publisher: 'Wiley Inc.', authors: 'Pavel M.' })).toEqual([]);
    expect(one({ authors: 'M Pavel et al.' })).toEqual([]);
  });

  it('reports mixed styles on the minority, and on the non-house style when tied', () => {
    const majority = slips([
      { authors: 'M. Pavel and others' },
      { authors: 'J. R. Howe and others' },
      { authors: 'F Panzuto et al' },
    ]);
    expect(majority.map((s) => [s.index, s.message.includes('with full stops') || s.message.includes('and others')])).toEqual([
      [2, true],
      [2, true],
    ]);
    const tie = slips([{ title: 'A - b', authors: 'M. Pavel' }, { title: 'C – d', authors: 'F Panzuto' }]);
    expect(tie.map((s) => `${s.index} ${s.field}`)).toEqual(['0 title', '0 authors']);
  });
});

describe('reference-format stays linear on adversarial input', () => {
  const size = 100_000;
  const patterns = [
    ' '.repeat(size),
    'a'.repeat(size),
    '1'.repeat(size),
    'aA'.repeat(size / 2),
    'A.'.repeat(size / 2),
    'A '.repeat(size / 2),
    ' -'.repeat(size / 2),
    ' – '.repeat(size / 3),
    ' ,'.repeat(size / 2),
    '\t\n'.repeat(size / 2),
    `1${' '.repeat(size)}-`,
    `10.1234/${'a'.repeat(size)} `,
    `https://${'a.'.repeat(size / 2)} `,
    'et al '.repeat(size / 6),
    'and others '.repeat(size / 11),
    '2023guidance '.repeat(size / 13),
    'neuroendocrinetumours '.repeat(size / 22),
    'abcdefghij '.repeat(size / 11),
    'Pavel M. '.repeat(size / 9),
    `${'1'.repeat(size / 2)}–${'1'.repeat(size / 2)}`,
    `pp.${' '.repeat(size)}`,
  ];

  it.each(patterns.map((p, i) => [i, p] as const))('pattern %i', (_i, text) => {
    const fields = ['title', 'authors', 'journal', 'publisher', 'volume', 'issue', 'pages', 'year', 'doi', 'pmid', 'url'];
    const reference = Object.fromEntries(fields.map((field) => [field, text]));
    const started = performance.now();
    const found = slips([reference, reference], new Set(['neuroendocrine', 'tumours', 'guidance']));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found.length).toBeLessThan(100);
    for (const slip of found) expect(slip.message.length).toBeLessThan(600);
  });
});

describe('bodyVocabulary', () => {
  // The plain definition: the body's runs of letters (code point by code point), lower-cased, 3 to 40 long.
  const plainWords = (source: string, start: number) =>
    new Set([...source.slice(start).toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((w) => w.length >= 3 && w.length <= 40));
  const piece = fc.constantFrom('a', 'b', 'c', 'ab', 'abc', 'cab', 'Ab', 'é', 'É', 'ß', 'İ', '𝐀', '\u{1F600}', ' ', '-', '.', '1', '’', '\u2014', 'æ');
  const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
  const tree = (start: number) => ({ type: 'root', children: start > 0 ? [{ type: 'yaml', value: '', position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: start } } }] : [] }) as unknown as Root;

  it('knows exactly the whole words of 3 letters or more after the front matter', () => {
    fc.assert(
      // `İ` before the body (it lower-cases to two code units) must not move where the body starts.
      fc.property(text, text, fc.array(text, { maxLength: 8 }), (front, body, asked) => {
        const source = `${front}${body}`;
        const start = front.length;
        const expected = plainWords(source, start);
        const known = bodyVocabulary(tree(start), source);
        const lower = source.toLowerCase();
        // Every word there, every piece of the text (front matter too), and words that are not there.
        const candidates = [...expected, ...asked.map((w) => w.toLowerCase())];
        for (let i = 0; i < lower.length; i++) for (let j = i + 3; j <= Math.min(lower.length, i + 6); j++) candidates.push(lower.slice(i, j));
        for (const word of candidates) expect(known.has(word), `${JSON.stringify(source)} from ${start}: ${JSON.stringify(word)}`).toBe(expected.has(word));
      }),
      { numRuns: 5_000 },
    );
  });

  it('confirms in the text a word whose hash another word shares', () => {
    // `caÿ` and `cbà` hash alike (97·31 + 255 = 98·31 + 224): only the text tells them apart.
    expect(bodyVocabulary(tree(0), 'caÿ').has('cbà')).toBe(false);
    for (const source of ['caÿ xcbà', 'caÿ cbàx', 'caÿ xcbàx']) expect(bodyVocabulary(tree(0), source).has('cbà'), source).toBe(false);
    expect(bodyVocabulary(tree(0), 'caÿ xcbà cbà').has('cbà')).toBe(true);
  });

  it('stays linear when words share a hash and hide inside longer ones', () => {
    const known = bodyVocabulary(tree(0), `${'xcbà caÿ '.repeat(20_000)}cbà`);
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) known.has('cbà');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(known.has('cbà')).toBe(true);
    expect(known.has('caÿ')).toBe(true);
    expect(known.has('xcb')).toBe(false);
  });
});

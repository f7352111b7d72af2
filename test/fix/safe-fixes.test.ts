import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { fixContent } from '../../src/fix/safe-fixes.js';
import { isoFromSpelling } from '../../src/time/calendar-date.js';

const front = (lines: string[], body = 'Body.\n') => `---\n${lines.join('\n')}\n---\n${body}`;
const ref = (fields: string[]) => fields.map((field, i) => `${i === 0 ? '  - ' : '    '}${field}`);
/** The lines that changed, as `before → after`. */
const changed = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [`${line.trim()} → ${b[i]!.trim()}`]));
};
const fixLines = (text: string) => {
  const result = fixContent(text);
  return changed(text, result.text);
};

describe('isoFromSpelling', () => {
  it('reads only unambiguous spellings of real days', () => {
    const same: Record<string, string> = {
      '18 Mar 2025': '2025-03-18',
      '18 March 2025': '2025-03-18',
      '18th March, 2025': '2025-03-18',
      '2025/03/18': '2025-03-18',
      '2025-3-8': '2025-03-08',
      '20250318': '2025-03-18',
      '18/03/2025': '2025-03-18',
      ' 2025-03-18 ': '2025-03-18',
    };
    for (const [value, iso] of Object.entries(same)) expect(isoFromSpelling(value), value).toBe(iso);
    // Already ISO, with a time (another zone, another day), impossible (no nearby day is guessed), ambiguous, or no date.
    for (const value of ['2025-03-18', '2025-03-18T23:30:00-05:00', '2025-02-30', '2025/02/30', '31 Feb 2025', '03/04/2025', 'March 2025', 'soon']) {
      expect(isoFromSpelling(value), value).toBeUndefined();
    }
  });
});

describe('fixContent: dates', () => {
  it('writes review dates and accessed dates as ISO, keeping comments, quotes and the rest', () => {
    const text = front([
      'title: A page # the title',
      'last_reviewed: 18 Mar 2025   # when Jo read it',
      "next_review: '2028/03/18'",
      'references:',
      ...ref(['type: web', 'title: NHS', 'url: https://www.nhs.uk', 'accessed: "18 March 2025"']),
    ]);
    const result = fixContent(text);
    expect(changed(text, result.text)).toEqual([
      'last_reviewed: 18 Mar 2025   # when Jo read it → last_reviewed: 2025-03-18   # when Jo read it',
      "next_review: '2028/03/18' → next_review: '2028-03-18'",
      'accessed: "18 March 2025" → accessed: "2025-03-18"',
    ]);
    expect(result.fixes).toEqual([
      { line: 3, rule: 'review-date-invalid', description: '`18 Mar 2025` → `2025-03-18` in `last_reviewed` (ISO 8601 date)' },
      { line: 4, rule: 'review-date-invalid', description: '`2028/03/18` → `2028-03-18` in `next_review` (ISO 8601 date)' },
      { line: 9, rule: 'review-date-invalid', description: '`18 March 2025` → `2025-03-18` in `references[0].accessed` (ISO 8601 date)' },
    ]);
  });

  it('turns a date YAML read as a number into an ISO string', () => {
    const result = fixContent(front(['last_reviewed: 20250318', 'next_review: 2028-03-18']));
    expect(result.text).toContain('last_reviewed: 2025-03-18\n');
    expect((parseFrontMatter(result.text).data as Record<string, unknown>).last_reviewed).toBe('2025-03-18');
  });

  it('leaves impossible and ambiguous dates for a person', () => {
    const text = front(['last_reviewed: 2025-02-30', 'next_review: 03/04/2028', 'references:', ...ref(['accessed: 31 Feb 2025'])]);
    expect(fixContent(text)).toEqual({ text, fixes: [] });
  });

  it('fixes the dates of glossary entries but not their references', () => {
    const text = front(['term: Colon', 'last_reviewed: 18 Mar 2025', 'references:', ...ref(['pages: 1 - 14'])]);
    const result = fixContent(text, { kind: 'glossary' });
    expect(result.fixes.map((fix) => fix.rule)).toEqual(['review-date-invalid']);
    expect(result.text).toContain('pages: 1 - 14');
  });
});

describe('fixContent: references', () => {
  it('writes page ranges as start–end, expanding an abbreviated end', () => {
    const text = front([
      'references:',
      ...ref(['pages: "1 - 14"']),
      ...ref(['pages: 125 – 138']),
      ...ref(['pages: 125-38']),
      ...ref(["pages: 'pp. 5 to 9'"]),
      ...ref(['pages: e12-e18']),
    ]);
    expect(fixLines(text)).toEqual([
      '- pages: "1 - 14" → - pages: "1–14"',
      '- pages: 125 – 138 → - pages: 125–138',
      '- pages: 125-38 → - pages: 125–138',
      "- pages: 'pp. 5 to 9' → - pages: '5–9'",
      '- pages: e12-e18 → - pages: e12–e18',
    ]);
  });

  it('never reorders a backwards range, and leaves page numbers and good ranges alone', () => {
    const text = front(['references:', ...ref(['pages: 138-125']), ...ref(['pages: 85']), ...ref(['pages: 844–860']), ...ref(['pages: see text'])]);
    expect(fixContent(text)).toEqual({ text, fixes: [] });
  });

  it('removes stray and doubled spaces in reference text fields', () => {
    const text = front([
      'references:',
      ...ref(['title: "  Small  bowel neuroendocrine tumours , a review "', 'journal: Annals  of Oncology', "publisher: 'Wiley ; Sons'", 'volume: " 31"']),
    ]);
    expect(fixLines(text)).toEqual([
      '- title: "  Small  bowel neuroendocrine tumours , a review " → - title: "Small bowel neuroendocrine tumours, a review"',
      'journal: Annals  of Oncology → journal: Annals of Oncology',
      "publisher: 'Wiley ; Sons' → publisher: 'Wiley; Sons'",
      'volume: " 31" → volume: "31"',
    ]);
  });

  it('writes initials in the majority style, without full stops on a tie', () => {
    const dottedMinority = front([
      'references:',
      ...ref(['authors: M. Pavel and others']),
      ...ref(['authors: F Panzuto and others']),
      ...ref(['authors: A T Scott and J R Howe']),
    ]);
    expect(fixLines(dottedMinority)).toEqual(['- authors: M. Pavel and others → - authors: M Pavel and others']);

    const plainMinority = front(['references:', ...ref(['authors: M. Pavel and others']), ...ref(['authors: J.R. Howe']), ...ref(['authors: A T Scott'])]);
    const result = fixContent(plainMinority);
    expect(changed(plainMinority, result.text)).toEqual(['- authors: A T Scott → - authors: A. T. Scott']);
    expect(result.fixes[0]!.description).toBe('`A T Scott` → `A. T. Scott` in `references[2].authors` (initials with full stops, as this page writes them)');

    const tie = front(['references:', ...ref(['authors: M. Pavel and B.K. Smith']), ...ref(['authors: F Panzuto'])]);
    expect(fixLines(tie)).toEqual(['- authors: M. Pavel and B.K. Smith → - authors: M Pavel and B K Smith']);

    const oneStyle = front(['references:', ...ref(['authors: M. Pavel']), ...ref(['authors: J.R. Howe'])]);
    expect(fixContent(oneStyle).fixes).toEqual([]);
  });

  it('does not unglue words: which split is right is for a person to say', () => {
    const text = front(['references:', ...ref(['title: ENETS 2023guidance for neuroendocrinetumours'])]);
    expect(fixContent(text).fixes).toEqual([]);
  });

  it('lists one fix for each slip when a value has several', () => {
    const text = front(['references:', ...ref(['authors: " M. Pavel  and others"']), ...ref(['authors: F Panzuto'])]);
    const result = fixContent(text);
    expect(changed(text, result.text)).toEqual(['- authors: " M. Pavel  and others" → - authors: "M Pavel and others"']);
    expect(result.fixes.map((fix) => fix.description)).toEqual([
      '` M. Pavel  and others` → `M. Pavel and others` in `references[0].authors` (stray or doubled spaces)',
      '`M. Pavel and others` → `M Pavel and others` in `references[0].authors` (initials without full stops, as this page writes them)',
    ]);
  });
});

describe('fixContent: how values are rewritten', () => {
  it('keeps CRLF line ends, a byte-order mark, flow mappings and the body as they were', () => {
    const body = 'Some  text  with 1 - 14 pages.\r\n';
    const text = `\uFEFF---\r\ntitle: x\r\nlast_reviewed: 18 Mar 2025\r\nreferences:\r\n  - {title: 'It''s  a title', pages: 125-38}\r\n---\r\n${body}`;
    const result = fixContent(text);
    expect(result.text).toBe(`\uFEFF---\r\ntitle: x\r\nlast_reviewed: 2025-03-18\r\nreferences:\r\n  - {title: 'It''s a title', pages: 125–138}\r\n---\r\n${body}`);
    expect(result.fixes.map((fix) => fix.line)).toEqual([3, 5, 5]);
  });

  it('quotes a plain value only when YAML would read it differently', () => {
    // A value that YAML would read as a number keeps its quotes, and a plain one is never changed in kind.
    const text = front(['references:', ...ref(["volume: '  12 '", 'title: Yes  or no'])]);
    const result = fixContent(text);
    expect(changed(text, result.text)).toEqual(["- volume: '  12 ' → - volume: '12'", 'title: Yes  or no → title: Yes or no']);
    const data = parseFrontMatter(result.text).data as { references: Array<Record<string, unknown>> };
    expect(data.references[0]).toEqual({ volume: '12', title: 'Yes or no' });
  });

  it('leaves block scalars alone', () => {
    const text = front(['references:', ...ref(['title: >-', '      Small  bowel tumours'])]);
    expect(fixContent(text)).toEqual({ text, fixes: [] });
  });

  it('changes nothing in a file whose front matter does not parse, or that has none', () => {
    for (const text of ['---\nlast_reviewed: 18 Mar 2025\ntitle: [\n---\n', '# No front matter, 18 Mar 2025\n', '---\nlast_reviewed: 18 Mar 2025\n']) {
      expect(fixContent(text)).toEqual({ text, fixes: [] });
    }
  });

  it('fixes only the rules asked for', () => {
    const text = front(['last_reviewed: 18 Mar 2025', 'references:', ...ref(['pages: 1 - 14'])]);
    expect(fixContent(text, { rules: ['reference-format'] }).fixes.map((fix) => fix.rule)).toEqual(['reference-format']);
    expect(fixContent(text, { rules: [] })).toEqual({ text, fixes: [] });
  });

  it('is idempotent: a fixed file has nothing left to fix', () => {
    const text = front([
      'last_reviewed: 18 Mar 2025',
      'references:',
      ...ref(['authors: M. Pavel  and others', 'pages: "1 - 14"', 'journal: "Annals of Oncology "']),
      ...ref(['authors: F Panzuto', 'pages: 125-38']),
      ...ref(['authors: A T Scott']),
    ]);
    const once = fixContent(text);
    expect(once.fixes.length).toBe(6);
    expect(fixContent(once.text)).toEqual({ text: once.text, fixes: [] });
  });
});

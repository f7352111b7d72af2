import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFrontMatter, readFrontMatterFields } from '../../src/content/front-matter.js';

const KEYS = new Set(['title', 'owner', 'reviewers', 'next_review']);

describe('readFrontMatterFields', () => {
  it('reads the wanted top-level fields and the same values a full parse gives', () => {
    const text = `---
title: "Treatment: an overview"   # a comment
owner: jsmith
reviewers:
- net-clinical
- content-lead
references:
  - title: Something
    year: 2020
next_review: 2028-03-18
---
Body
`;
    const full = parseFrontMatter(text).data as Record<string, unknown>;
    const some = readFrontMatterFields(text, KEYS);
    expect(some).toEqual({ title: full.title, owner: full.owner, reviewers: full.reviewers, next_review: full.next_review });
  });

  it('falls back to a full parse for what a line split cannot vouch for', () => {
    const anchors = '---\nowner: &o jsmith\nreviewers: [*o]\n---\n';
    expect(readFrontMatterFields(anchors, KEYS)).toEqual({ owner: 'jsmith', reviewers: ['jsmith'] });
    const flow = '---\n{ title: Flow, owner: jsmith }\n---\n';
    expect(readFrontMatterFields(flow, KEYS)).toEqual({ title: 'Flow', owner: 'jsmith' });
  });

  it('returns nothing without front matter, and undefined for YAML that does not parse', () => {
    expect(readFrontMatterFields('# Just a page\n', KEYS)).toBeUndefined();
    expect(readFrontMatterFields('---\ntitle: [unclosed\n---\n', KEYS)).toBeUndefined();
  });
});

describe('readFrontMatterFields against the YAML parser', () => {
  const handle = fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/);
  const awkward = fc.constantFrom('null', 'True', 'FALSE', '12', '0x1F', '1e5', '3.0', '2025-02-30', '~', '-x', 'a: b', 'a #c', "it's", 'say "hi"', '\\n', ' ', '', '[a, b]', '{a: 1}', '&x y', '*x', '!tag v', '|', '>', '%x', '@x', '`x`');
  const scalar = fc.oneof(handle, awkward, fc.string({ maxLength: 12 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  const quoted = fc.oneof(scalar, scalar.map((v) => `"${v}"`), scalar.map((v) => `'${v}'`));
  const field = fc.oneof(
    fc.tuple(fc.constantFrom('title', 'owner', 'next_review', 'other'), quoted).map(([k, v]) => `${k}: ${v}`),
    fc.tuple(fc.constantFrom('reviewers', 'other'), fc.array(quoted, { maxLength: 3 }), fc.constantFrom('', '  ')).map(([k, items, indent]) => [`${k}:`, ...items.map((i) => `${indent}- ${i}`)].join('\n')),
    fc.tuple(fc.constantFrom('reviewers', 'owner'), fc.array(quoted, { maxLength: 3 }), fc.constantFrom(', ', ',', ' , ')).map(([k, items, comma]) => `${k}: [${items.join(comma)}]`),
    fc.constantFrom('# comment', 'tags: [a, b]', 'reviewers: [a, ]', 'reviewers: []', 'reviewers: [ ]', 'reviewers: [a,, b]', 'title: long\n  wrapped', 'owner: jsmith # note'),
  );

  it('gives the wanted fields exactly as a full parse does', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 6 }), (fields) => {
        const text = `---\n${fields.join('\n')}\n---\nBody\n`;
        const full = parseFrontMatter(text);
        const some = readFrontMatterFields(text, KEYS);
        if (full.errors.length > 0 || !full.data || typeof full.data !== 'object') return;
        // A fallback to the whole block may give more fields; the wanted ones must be the same.
        const wanted = (data: Record<string, unknown>) => Object.fromEntries([...KEYS].filter((k) => Object.hasOwn(data, k)).map((k) => [k, data[k]]));
        expect(some && wanted(some)).toEqual(wanted(full.data as Record<string, unknown>));
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
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

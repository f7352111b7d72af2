import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { glossaryLinks } from '../../src/lint/links.js';

describe('glossaryLinks', () => {
  it("finds a page's glossary links once, in document order, without images or other links", () => {
    const tree = unified()
      .use(remarkParse)
      .parse('[Chemo](glossary:chemotherapy) and ![x](glossary:colon) and [a page](./a.md)\n\n[colon][c]\n\n[c]: glossary:colon#parts\n') as Root;
    const links = glossaryLinks(tree);
    expect(links.map((link) => [link.id, link.text, link.at.line])).toEqual([
      ['chemotherapy', 'Chemo', 1],
      ['colon', 'colon', 3],
    ]);
    // Five rules and the cache's link records ask: the second asker gets the same list, not a new walk.
    expect(glossaryLinks(tree)).toBe(links);
  });
});

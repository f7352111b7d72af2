import GithubSlugger from 'github-slugger';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { scanHeadingSlugs } from '../../src/content/headings.js';

/** The reference: slug every heading of the full mdast, as link-broken does for the page itself. */
function parsedSlugs(markdown: string): string[] {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  visit(fromMarkdown(markdown), 'heading', (node) => {
    slugs.push(slugger.slug(toString(node)));
  });
  return slugs;
}

describe('scanHeadingSlugs', () => {
  it('slugs ATX headings, with or without a closing sequence', () => {
    expect(scanHeadingSlugs('# Side effects\n\n## What to expect ##\n### Diet   ###  \n')).toEqual(['side-effects', 'what-to-expect', 'diet']);
  });

  it('keeps a `#` that is not a closing sequence', () => {
    expect(scanHeadingSlugs('## Foo#\n## C# basics\n')).toEqual(['foo', 'c-basics']);
  });

  it('ignores `#` without a space, seven hashes, escapes and indented code', () => {
    expect(scanHeadingSlugs('#hashtag\n\n####### seven\n\n\\# escaped\n\n    # code\n')).toEqual([]);
  });

  it('slugs setext headings, including multi-line ones', () => {
    expect(scanHeadingSlugs('Overview\n========\n\nAfter\ntreatment\n---\n')).toEqual(['overview', 'aftertreatment']);
  });

  it('does not take a thematic break or a list item for a setext heading', () => {
    expect(scanHeadingSlugs('***\n---\n\n- item\n---\n\nText\n\n---\n')).toEqual([]);
  });

  it('ignores headings inside fenced code, closed only by a matching fence', () => {
    const body = ['```md', '# Not a heading', '```js', '# Still code', '```', '~~~', '```', '# Code too', '~~~', '# Real'].join('\n');
    expect(scanHeadingSlugs(body)).toEqual(['real']);
  });

  it('ignores headings inside multi-line HTML comments', () => {
    expect(scanHeadingSlugs('<!-- pagecare-disable link-broken -->\n<!--\n# Hidden\n-->\n# Shown\n')).toEqual(['shown']);
  });

  it('uses the text of inline markup, as the parsed heading does', () => {
    expect(scanHeadingSlugs('## *Foo* [bar](x)\n')).toEqual(['foo-bar']);
    expect(scanHeadingSlugs('## `code` &amp; **more**\n')).toEqual(['code--more']);
    expect(scanHeadingSlugs('## 1. *Introduction*\n')).toEqual(['1-introduction']);
    expect(scanHeadingSlugs('Step\n10. *Tenth*\n---\n')).toEqual(['step10-tenth']);
  });

  it('numbers duplicate slugs -1, -2, …', () => {
    expect(scanHeadingSlugs('# Side effects\n## Side effects\nSide effects\n---\n')).toEqual(['side-effects', 'side-effects-1', 'side-effects-2']);
  });

  it('keeps non-ASCII letters and drops punctuation like GitHub', () => {
    expect(scanHeadingSlugs("## Café — what's next?\n")).toEqual(['café--whats-next']);
  });

  it('finds headings in block quotes and list items (by a full parse)', () => {
    expect(scanHeadingSlugs('> # Quoted\n\n- # Listed\n')).toEqual(['quoted', 'listed']);
  });

  it('handles CRLF line endings', () => {
    expect(scanHeadingSlugs('Title\r\n=====\r\n\r\n## Next ##\r\n')).toEqual(['title', 'next']);
  });

  it('agrees with a full parse on tricky combinations', () => {
    const lines = [
      '# Foo', '## Foo ##', '## *Foo* [bar](x)', 'Foo', 'Bar baz', '===', '---', '-', '***', '```', '```js', '~~~', '',
      '    code', '  ## two', '- item', '1. one', '10. ten', '  cont', '<!-- c -->', '<!--', '-->', '### ###', '#', '#x',
      '\t# tab', '  ---', '- # h', '> quote', '<div>', 'a &amp; b', '## foo \\##', '```foo`', '_ _ _', '  - nested',
    ];
    // A small deterministic generator (mulberry32) so failures reproduce.
    let seed = 42;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let i = 0; i < 600; i++) {
      const body = Array.from({ length: 1 + Math.floor(random() * 8) }, () => lines[Math.floor(random() * lines.length)]).join('\n');
      expect(scanHeadingSlugs(body), JSON.stringify(body)).toEqual(parsedSlugs(body));
    }
  });
});

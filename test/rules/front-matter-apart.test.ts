import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import remarkFrontMatterApart, { plainFrontMatter } from '../../src/rules/front-matter-apart.js';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
const apart = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkFrontMatterApart).freeze();

const repo = path.resolve(import.meta.dirname, '../..');
const pages = globSync(['content/**/*.md', 'test/**/*.md'], { cwd: repo }).map((file) => readFileSync(path.join(repo, file), 'utf8'));

const page = '---\ntitle: Bowel cancer\nowner: jsmith\n---\n# Bowel cancer\n\nSome text with [a link](glossary:colon).\n';
const shapes: string[] = [
  page,
  '---\n---\n# Empty front matter\n',
  '---\n\n---\nBlank line only\n',
  '---\n\n\n---\n',
  '---\na: 1\n---',
  '---\na: 1\n---\n',
  '---\na: 1\n---\n\n\n',
  '---\na: 1\n---\n---\nb: 2\n---\n',
  '---\na: 1\n---\n--- \ntext\n',
  '---\na: 1\n--- \n# closed by a fence with a trailing space\n',
  '---\na: 1\n----\n---\nbody\n',
  '---\na: 1\n---x\n---\nbody\n',
  '---\r\na: 1\r\n---\r\nbody\r\n',
  '---\na: 1\r\n---\nbody\n',
  '---\na: 1\n---\r\nbody\n',
  '---\na:\tb\n---\nbody\n',
  '---\na: "\0"\n---\nbody\n',
  '\uFEFF---\na: 1\n---\nbody\n',
  '---\na: 1\n',
  '--- \na: 1\n---\nbody\n',
  ' ---\na: 1\n---\nbody\n',
  '---\na: 1\n ---\n---\nbody\n',
  '---\na: 1\n---\n===\n',
  '---\na: 1\n---\nSetext\n===\n',
  '---\na: 1\n---\n    indented code\n',
  '---\na: 1\n---\n- list\n  - nested\n\n> quote\n\n```js\ncode\n```\n',
  '---\na: 1\n---\n[ref]: https://example.org\n\n[x][ref] and ![img](a.png)\n',
  '---\na: 1\n---\n\t# tabbed\n',
  '---\nkey: café ☕ 𝔘\n---\n# Ünïcode 𝔘 body\n',
  '---\na: 1\n---\n<!-- comment -->\n\n<div>\nhtml\n</div>\n',
];

function trees(text: string) {
  return { whole: JSON.stringify(whole.parse(text)), apart: JSON.stringify(apart.parse(text)) };
}

describe('front matter parsed apart from the body', () => {
  it('gives the tree of a whole-file parse for every page in the repository and its tests', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const text of pages) {
      const { whole: expected, apart: actual } = trees(text);
      expect(actual).toBe(expected);
    }
    // The fast path is taken, not just the fallback.
    expect(pages.filter((text) => plainFrontMatter(text)).length).toBeGreaterThan(pages.length / 2);
  });

  it.each(shapes.map((text) => [JSON.stringify(text).slice(0, 50), text]))('gives the same tree for %s', (_, text) => {
    const { whole: expected, apart: actual } = trees(text);
    expect(actual).toBe(expected);
  });

  it('splits plain front matter and leaves every other shape to the parser', () => {
    expect(plainFrontMatter(page)).toMatchObject({
      bodyLine: 5,
      bodyOffset: page.indexOf('# Bowel'),
      yaml: { value: 'title: Bowel cancer\nowner: jsmith', position: { end: { line: 4, column: 4, offset: page.indexOf('# Bowel') - 1 } } },
    });
    expect(plainFrontMatter('---\n---\nx')).toMatchObject({ bodyLine: 3, bodyOffset: 8, yaml: { value: '' } });
    for (const text of ['---\r\na: 1\r\n---\r\n', '---\na: 1\n--- \n', '---\na: 1\n', '\uFEFF---\na: 1\n---\n', '---\na: 1\n---\n---\n', '# no front matter\n']) {
      expect(plainFrontMatter(text)).toBeUndefined();
    }
  });

  it('is the same tree for generated text around any fence', () => {
    // Every short mix of fences, dashes, spaces, CRs and text after a plain opening.
    const parts = ['---', '--', '----', ' ', '\n', '\r\n', 'a', '\t', '#'];
    let checked = 0;
    let split = 0;
    const grow = (text: string, depth: number): void => {
      const { whole: expected, apart: actual } = trees(text);
      expect(actual, JSON.stringify(text)).toBe(expected);
      checked++;
      if (plainFrontMatter(text)) split++;
      if (depth === 0) return;
      for (const part of parts) grow(text + part, depth - 1);
    };
    grow('---\n', 4);
    expect(checked).toBeGreaterThan(5_000);
    expect(split).toBeGreaterThan(100);
  });
});

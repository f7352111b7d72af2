import type { Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formatScheduleMarkdown } from '../../src/reports/schedule-markdown.js';
import { JS_TITLE, MARKDOWN_TITLE, OPTIONS, plan, REPO, SCRIPT_TITLE } from './fixtures.js';

/** Parse the report back as GitHub would, so escaping is judged by the rendered result. */
function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

function rows(tree: Root, index: number): string[][] {
  const tables = tree.children.filter((node): node is Table => node.type === 'table');
  return tables[index]!.children.map((row) => row.children.map((cell) => toString(cell)));
}

describe('review-schedule.md', () => {
  const markdown = formatScheduleMarkdown(plan(), OPTIONS);
  const tree = parse(markdown);

  it('opens with the title, the date and the summary counts', () => {
    expect(markdown.startsWith('# Review schedule\n\nGenerated for **2026-06-01**.\n')).toBe(true);
    expect(rows(tree, 0)).toEqual([
      ['Status', 'Pages'],
      ['Overdue', '1'],
      ['Due soon', '3'],
      ['Upcoming', '1'],
      ['OK', '1'],
      ['Unscheduled', '1'],
    ]);
  });

  it('lists the schedule by due date with owner, status, date, days left and reading age', () => {
    expect(rows(tree, 1)).toEqual([
      ['Page', 'Owner', 'Status', 'Next review', 'Days left', 'Reading age'],
      ['Treatment for small bowel neuroendocrine cancer content/pages/net/treatment.md', 'jsmith', 'Overdue', '2026-05-20', '12 days overdue', '14'],
      [`${MARKDOWN_TITLE} content/pages/pipes.md`, 'apatel', 'Due soon', '2026-06-01', 'due today', '9'],
      ['Diet after surgery content/pages/diet.md', 'jsmith', 'Due soon', '2026-06-02', 'in 1 day', 'not measured'],
      [`${SCRIPT_TITLE} content/pages/radiotherapy.md`, 'apatel', 'Due soon', '2026-07-01', 'in 30 days', '12'],
      ['Chemotherapy content/glossary/chemotherapy.md', 'apatel', 'Upcoming', '2026-10-15', 'in 136 days', 'not scored'],
      [`${JS_TITLE} content/pages/stoma.md`, '(no owner)', 'OK', '2027-09-01', 'in 457 days', '9'],
    ]);
    const align = tree.children.filter((node): node is Table => node.type === 'table')[1]!.align;
    expect(align).toEqual(['left', 'left', 'left', 'left', 'right', 'right']);
  });

  it('says under the table what the reading ages mean and how they are measured', () => {
    expect(markdown).toContain(
      '\n\nReading age is the SMOG grade + 5, as the `readability` rule counts it. Not scored: under 10 sentences, or a glossary entry. Not measured: `pagecare lint` or `pagecare run` has not read the page since it last changed.\n',
    );
  });

  it('escapes pipes, Markdown and HTML in titles so they render as the literal text', () => {
    expect(markdown).toContain('Pipes \\| and \\*stars\\* \\[x\\](javascript:alert(1)) \\_under\\_');
    const kinds = new Set<string>();
    visit(tree, (node) => void kinds.add(node.type));
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('emphasis')).toBe(false);
  });

  it('links each page to the configured repository only', () => {
    const urls: string[] = [];
    visit(tree, 'link', (node) => void urls.push(node.url));
    expect(urls).toHaveLength(6);
    expect(urls[0]).toBe(`${REPO}/blob/main/content/pages/net/treatment.md`);
    for (const url of urls) expect(url.startsWith(`${REPO}/blob/main/`)).toBe(true);
  });

  it('has no links without a repository URL', () => {
    const bare = parse(formatScheduleMarkdown(plan(), { branch: 'main' }));
    let links = 0;
    visit(bare, 'link', () => void links++);
    expect(links).toBe(0);
  });

  it('lists unscheduled pages with their reasons', () => {
    expect(markdown).toContain('## Unscheduled\n\n- Old | page `content/pages/old.md` (owner jsmith): `next_review` is missing or not a real date\n');
  });

  it('shows the generation time when given', () => {
    expect(formatScheduleMarkdown(plan(), { ...OPTIONS, generatedAt: '2026-06-01T08:00:00Z' })).toContain(
      'Generated for **2026-06-01** at 2026-06-01T08:00:00Z.',
    );
  });
});

describe('review-schedule.md with nothing scheduled', () => {
  it('says so instead of an empty table', () => {
    const empty = { ...plan(), schedule: [], unscheduled: [] };
    expect(formatScheduleMarkdown(empty, OPTIONS)).toContain('## By due date\n\nNo page has a review date.\n');
  });
});

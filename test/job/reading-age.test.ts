import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runJob } from '../../src/job/run-job.js';
import { page } from '../helpers/temp-repo.js';
import { cli } from './cli.js';
import { jobRepo, TODAY } from './fixture.js';

/** Twelve sentences of one-syllable words: SMOG's floor, reading age 8. */
const PLAIN = Array.from({ length: 12 }, (_, i) => `You can rest at home on day ${i + 1}.`).join('\n\n');

const EXTRA = {
  'content/pages/plain.md': page({ title: 'Resting at home', next_review: '2027-01-10' }, `${PLAIN}\n`),
};

function schedule(root: string): Map<string, number | null> {
  const json = JSON.parse(readFileSync(path.join(root, 'reports', 'review-schedule.json'), 'utf8')) as {
    pages: Array<{ path: string; readingAge: number | null }>;
  };
  return new Map(json.pages.map((entry) => [entry.path, entry.readingAge]));
}

/** The Markdown report's row for a page, cells trimmed. */
function markdownRow(root: string, file: string): string[] {
  const markdown = readFileSync(path.join(root, 'reports', 'review-schedule.md'), 'utf8');
  const line = markdown.split('\n').find((row) => row.includes(`\`${file}\``))!;
  return line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

const cacheFile = (root: string) => path.join(root, '.pagecare-cache', 'lint.json');

describe('reading ages in the review reports', () => {
  test('pagecare run measures every page in its own lint and puts the ages in the reports', async () => {
    const root = jobRepo(EXTRA);
    await runJob({ cwd: root, today: TODAY, steps: { lint: true, reports: true, remind: false }, dryRun: false, env: {} });
    const ages = schedule(root);
    expect(ages.get('content/pages/plain.md')).toBe(8);
    // One-sentence pages and the glossary entry are measured but not scored.
    expect(ages.get('content/pages/soon.md')).toBeNull();
    expect(ages.get('content/glossary/chemotherapy.md')).toBeNull();
    expect(markdownRow(root, 'content/pages/plain.md').at(-1)).toBe('8');
    expect(markdownRow(root, 'content/pages/soon.md').at(-1)).toBe('not scored');
    const html = readFileSync(path.join(root, 'reports', 'review-schedule.html'), 'utf8');
    expect(html).toMatch(/<tr data-owner="o:jsmith" data-status="ok" data-reading-age="8">.*?plain\.md<\/code><\/th>.*?<td class="num">8<\/td><\/tr>/);
  });

  test('pagecare review reads them from the last lint for unchanged pages, only reading the cache; changed pages are not measured', async () => {
    const root = jobRepo(EXTRA);
    const never = await cli(['review', '--today', TODAY], { cwd: root });
    expect(never.status).toBe(0);
    expect(schedule(root).get('content/pages/plain.md')).toBeNull();
    expect(markdownRow(root, 'content/pages/plain.md').at(-1)).toBe('not measured');

    const linted = await cli(['lint', '--today', TODAY], { cwd: root });
    expect(linted.stderr).toBe('');
    const cache = readFileSync(cacheFile(root), 'utf8');

    const review = await cli(['review', '--today', TODAY], { cwd: root });
    expect(review.status).toBe(0);
    expect(schedule(root).get('content/pages/plain.md')).toBe(8);
    expect(markdownRow(root, 'content/pages/plain.md').at(-1)).toBe('8');
    expect(markdownRow(root, 'content/pages/soon.md').at(-1)).toBe('not scored');
    expect(readFileSync(cacheFile(root), 'utf8')).toBe(cache);

    // Edited after the lint: its old age would be a guess, so it is not shown.
    const plain = path.join(root, 'content/pages/plain.md');
    writeFileSync(plain, `${readFileSync(plain, 'utf8')}\nMultidisciplinary neuroendocrine evaluation.\n`);
    await cli(['review', '--today', TODAY], { cwd: root });
    expect(schedule(root).get('content/pages/plain.md')).toBeNull();
    expect(markdownRow(root, 'content/pages/plain.md').at(-1)).toBe('not measured');
    expect(markdownRow(root, 'content/pages/soon.md').at(-1)).toBe('not scored');
  });
});

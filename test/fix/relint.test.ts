import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { fixRepository, writeFixedFiles, type FileFix } from '../../src/fix/fix-files.js';
import { lint } from '../../src/lint/engine.js';
import type { Finding } from '../../src/lint/finding.js';
import { makeRepo, page } from '../helpers/temp-repo.js';

const TODAY = '2026-06-01';
const fixture = path.resolve(import.meta.dirname, '../fixtures/seed-slips');
const project = path.resolve(import.meta.dirname, '../..');

interface Relinted {
  root: string;
  before: Finding[];
  after: Finding[];
  results: FileFix[];
}

/** Lint, fix and write, lint again: the markdownlint way of proving a fix. */
async function relint(root: string): Promise<Relinted> {
  const before = (await lint({ cwd: root, today: TODAY })).findings;
  const results = await fixRepository(loadConfig({ cwd: root }));
  await writeFixedFiles(root, results);
  const after = (await lint({ cwd: root, today: TODAY })).findings;
  return { root, before, after, results };
}

/**
 * Every fix put right a finding reported at its line by its rule; afterwards
 * exactly those findings are gone and nothing else changed: no new finding,
 * no finding moved or reworded.
 */
function expectProved({ before, after, results }: Relinted): void {
  const fixedAt = new Set(results.flatMap((result) => result.fixes.map((fix) => `${result.path}:${fix.line}:${fix.rule}`)));
  const at = (finding: Finding) => `${finding.file}:${finding.line}:${finding.ruleId}`;
  for (const key of fixedAt) expect(before.map(at), `a finding for the fix at ${key}`).toContain(key);
  expect(after).toEqual(before.filter((finding) => !fixedAt.has(at(finding))));
}

const refs = (...items: string[][]) => `\n${items.map((fields) => fields.map((field, i) => `${i === 0 ? '  - ' : '    '}${field}`).join('\n')).join('\n')}`;
const guideline = (...extra: string[]) => ['type: guideline', 'title: ESMO guidelines for neuroendocrine neoplasms', 'journal: Annals of Oncology', 'year: 2020', ...extra];
const article = (title: string, authors: string) => ['type: article', `title: ${title}`, `authors: ${authors}`, 'journal: Journal of Neuroendocrinology', 'year: 2023'];

/** One slip a page, the form the fix writes, and the line the slip is on. */
const SCENARIOS: Array<[string, Record<string, string>, string]> = [
  ['a day-month-year review date', { last_reviewed: '18 Mar 2025' }, 'last_reviewed: 2025-03-18'],
  ['a long month name', { next_review: '"18 March 2028"' }, 'next_review: "2028-03-18"'],
  ['slashes', { last_reviewed: '2025/03/18' }, 'last_reviewed: 2025-03-18'],
  ['a date YAML reads as a number', { next_review: '20280318' }, 'next_review: 2028-03-18'],
  ['a web reference accessed date', { references: refs(['type: web', 'title: Neuroendocrine tumours', 'url: https://www.nhs.uk/conditions/neuroendocrine-tumours/', 'accessed: 18 Mar 2026']) }, 'accessed: 2026-03-18'],
  ['a spaced hyphen page range', { references: refs([...guideline('authors: M Pavel and others', 'pages: "1 - 14"')]) }, 'pages: "1–14"'],
  ['a spaced en dash page range', { references: refs([...guideline('authors: M Pavel and others', 'pages: 125 – 138')]) }, 'pages: 125–138'],
  ['an abbreviated end page', { references: refs([...guideline('authors: M Pavel and others', 'pages: 125-38')]) }, 'pages: 125–138'],
  ['a doubled space', { references: refs([...guideline('authors: M Pavel  and others')]) }, 'authors: M Pavel and others'],
  ['a space before a comma', { references: refs(['type: book', 'title: Cancer care , a handbook', 'authors: M Pavel', 'publisher: Oxford University Press', 'year: 2020']) }, 'title: Cancer care, a handbook'],
  [
    'initials against the majority',
    {
      references: refs(
        [...guideline('authors: M. Pavel and others')],
        article('ENETS guidance for neuroendocrine tumours', 'F Panzuto and others'),
        article('Management of small bowel neuroendocrine tumours', 'A T Scott and J R Howe'),
      ),
    },
    'authors: M Pavel and others',
  ],
  [
    'initials with full stops when most have them',
    {
      references: refs(
        [...guideline('authors: M. Pavel and others')],
        article('ENETS guidance for neuroendocrine tumours', 'F.P. Panzuto and others'),
        article('Management of small bowel neuroendocrine tumours', 'A T Scott and J R Howe'),
      ),
    },
    'authors: A. T. Scott and J. R. Howe',
  ],
];

describe('each safe fix, proved by re-linting', () => {
  it.each(SCENARIOS)('%s', async (_name, front, fixed) => {
    const run = await relint(makeRepo({ 'content/pages/a.md': page(front) }));
    expect(run.results.map((result) => result.path)).toEqual(['content/pages/a.md']);
    expect(run.before.filter((finding) => finding.ruleId === 'review-date-invalid' || finding.ruleId === 'reference-format')).not.toEqual([]);
    expectProved(run);
    expect(readFileSync(path.join(run.root, 'content/pages/a.md'), 'utf8')).toContain(`${fixed}\n`);
    // Nothing the fixes address is left.
    expect(run.after.filter((finding) => finding.severity !== 'info')).toEqual([]);
  });

  it('fixes glossary entries too', async () => {
    const entry = '---\nterm: Chemotherapy\nowner: jsmith\nlast_reviewed: 18 Mar 2025\nnext_review: 18 Mar 2028\n---\nTreatment with medicines that kill cancer cells.\n';
    const run = await relint(makeRepo({ 'content/glossary/chemotherapy.md': entry }));
    expect(run.results[0]!.fixes.map((fix) => fix.line)).toEqual([4, 5]);
    expectProved(run);
    expect(run.after).toEqual([]);
  });

  it('leaves what is not safe reported, and the file untouched', async () => {
    const text = page({
      last_reviewed: '2025-02-30',
      next_review: '03/04/2028',
      references: refs([...guideline('authors: M Pavel and others', 'pages: 138-125')], ['type: book', 'title: Neuroendocrine 2023guidance', 'authors: F Panzuto', 'publisher: Oxford University Press', 'year: 2020']),
    });
    const run = await relint(makeRepo({ 'content/pages/a.md': text }));
    expect(run.results).toEqual([]);
    expect(readFileSync(path.join(run.root, 'content/pages/a.md'), 'utf8')).toBe(text);
    expect(run.after).toEqual(run.before);
    const messages = run.after.map((finding) => finding.message).join('\n');
    for (const slip of ['`2025-02-30`', '`03/04/2028`', '`138-125`', '`2023guidance`']) expect(messages).toContain(slip);
  });

  it('does not fix a rule the config turns off', async () => {
    const root = makeRepo({ 'pagecare.config.yml': 'rules:\n  reference-format: off\n', 'content/pages/a.md': page({ last_reviewed: '18 Mar 2025', references: refs([...guideline('authors: M Pavel and others', 'pages: 1 - 14')]) }) });
    const run = await relint(root);
    expect(run.results[0]!.fixes.map((fix) => fix.rule)).toEqual(['review-date-invalid']);
    expect(readFileSync(path.join(root, 'content/pages/a.md'), 'utf8')).toContain('pages: 1 - 14\n');
    expectProved(run);
  });
});

describe('the seed page slips', () => {
  it('fixes the page ranges and the initials, and leaves the glued words reported', async () => {
    const page = 'content/pages/treatment.md';
    const pristine = readFileSync(path.join(fixture, page), 'utf8');
    const root = mkdtempSync(path.join(tmpdir(), 'pagecare-fix-'));
    cpSync(fixture, root, { recursive: true });

    const run = await relint(root);
    expect(run.results.map((result) => result.path)).toEqual([page]);
    expect(run.results[0]!.fixes.map((fix) => fix.line)).toEqual([12, 36, 45]);
    expectProved(run);

    const lines = readFileSync(path.join(root, page), 'utf8').split('\n');
    expect(lines[11]).toBe('    authors: M Pavel and others');
    expect(lines[35]).toBe('    pages: "1–14"');
    expect(lines[44]).toBe('    pages: "125–138"');
    const left = run.after.filter((finding) => finding.ruleId === 'reference-format').map((finding) => `${finding.line} ${finding.message}`);
    expect(left).toEqual([
      expect.stringMatching(/^30 .*`2023guidance`/),
      expect.stringMatching(/^30 .*`neuroendocrinetumours`/),
      expect.stringMatching(/^41 .*`Neuroendocrinology,`/),
    ]);
    // A second run finds nothing more, and the fixture itself was never touched.
    expect(await fixRepository(loadConfig({ cwd: root }))).toEqual([]);
    expect(readFileSync(path.join(fixture, page), 'utf8')).toBe(pristine);
  });

  it('finds nothing to fix in the bundled content, which lints clean', async () => {
    expect(await fixRepository(loadConfig({ cwd: project }))).toEqual([]);
  });
});

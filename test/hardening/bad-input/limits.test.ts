import { openSync, closeSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { lint as lintInThread } from '../../../src/lint/engine.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';
import { aliasBomb } from './arbitraries.js';
import { findingsOf, GOOD, GOOD_PAGE, TODAY } from './batch.js';
import { budgetConfig, distEngine } from './dist-engine.js';

const { lint } = await distEngine();
const goodAlone = findingsOf((await lint({ cwd: makeRepo({ [GOOD]: GOOD_PAGE }), today: TODAY })).findings, GOOD);

/** A page with a wrong date on line 5, then `body`. */
const pageWith = (body: string) => page({ next_review: '2025-02-30' }, body);

describe('lint.maxFileSize', () => {
  it('refuses a 50 MB file at line 1 by its size, still checks its front matter, and the other pages', async () => {
    // The size limit is what stops it: without it the file would reach the parser (or the 3 s budget).
    const root = makeRepo({ [GOOD]: GOOD_PAGE, 'pagecare.config.yml': budgetConfig('PT3S') });
    const file = path.join(root, 'content/pages/huge.md');
    const fd = openSync(file, 'w');
    writeSync(fd, pageWith('[a broken link](./missing.md)\n'));
    const chunk = Buffer.from('Patients may have [chemo](glossary:chemotherapy) and *scans* of the [bowel](./nowhere.md).\n'.repeat(10_000));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);

    const started = performance.now();
    const { findings } = await lint({ cwd: root, today: TODAY });
    const elapsed = performance.now() - started;

    const huge = findingsOf(findings, 'content/pages/huge.md');
    expect(huge.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['1 file-too-complex', '5 review-date-invalid']);
    expect(huge[0]!.message).toMatch(/^File is 50\.\d MB, over the 1\.0 MB limit \(`lint\.maxFileSize`\), so only its front matter was checked; expected/);
    expect(findingsOf(findings, GOOD)).toEqual(goodAlone);
    expect(elapsed).toBeLessThan(2_500);
  });

  it('follows the configured limit', async () => {
    const root = makeRepo({ [GOOD]: GOOD_PAGE, 'content/pages/big.md': page({}, `${'Words of a long page. '.repeat(3_000)}\n`), 'pagecare.config.yml': 'lint:\n  maxFileSize: 32KB\n' });
    const { findings } = await lint({ cwd: root, today: TODAY });
    expect(findingsOf(findings, 'content/pages/big.md').map((f) => f.message)).toEqual([expect.stringMatching(/^File is 6\d\.\d KB, over the 32\.0 KB limit/)]);
    expect(findingsOf(findings, GOOD)).toEqual(goodAlone);
  });
});

describe('lint limits in the config', () => {
  it.each([
    ['maxFileSize: lots', 'pagecare.config.yml:2: Unexpected `lots` in `lint.maxFileSize`, expected a size in bytes or such as 512KB or 5MB, got `lots`'],
    ['timeBudget: P1D', 'pagecare.config.yml:2: Unexpected `P1D` in `lint.timeBudget`, expected milliseconds or an ISO 8601 duration such as PT10S, got `P1D`'],
    ['timeBudget: PT0S', 'pagecare.config.yml:2: Unexpected `PT0S` in `lint.timeBudget`, expected more than zero, got `PT0S`'],
  ])('refuses `%s` with the line and the fix', (line, message) => {
    const root = makeRepo({ 'pagecare.config.yml': `lint:\n  ${line}\n` });
    expect(() => loadConfig({ cwd: root })).toThrow(message);
  });
});

describe('nesting', () => {
  it.each([
    ['list', '- '],
    ['block quote', '> '],
    ['ordered list', '1. '],
  ])('refuses a 10,000-deep nested %s before parsing, at its line, and still checks the front matter', async (_name, marker) => {
    const root = makeRepo({ [GOOD]: GOOD_PAGE, 'content/pages/deep.md': pageWith(`Intro.\n\n${marker.repeat(10_000)}deep\n`) });
    const started = performance.now();
    const { findings } = await lint({ cwd: root, today: TODAY });
    expect(performance.now() - started).toBeLessThan(2_000);
    const deep = findingsOf(findings, 'content/pages/deep.md');
    const line = page({}, '').split('\n').length + 2;
    expect(deep.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['5 review-date-invalid', `${line} file-too-complex`]);
    expect(deep[1]!.message).toBe('Markdown nested 10000 levels deep (lists or block quotes opened on one line), so the body was not checked; expected at most 100 levels');
    expect(findingsOf(findings, GOOD)).toEqual(goodAlone);
  });

  it('checks nesting up to the limit as usual', async () => {
    const root = makeRepo({ 'content/pages/nested.md': page({}, `Intro.\n\n${'> '.repeat(100)}[x](./missing.md)\n`) });
    const { findings } = await lint({ cwd: root, today: TODAY });
    expect(findings.map((f) => f.ruleId)).toEqual(['link-broken']);
  });
});

describe('YAML alias bomb', () => {
  // 10 aliases a level, 7 levels: 10^7 strings if expanded. `maxAliasCount: 100` refuses it at the first
  // alias past the limit; with the limit off (-1) the page parses and has no frontmatter-invalid finding.
  const bomb = `---\n${['title: A page', 'owner: jsmith', ...aliasBomb(7, 10), 'last_reviewed: 2025-03-18', 'next_review: 2028-03-18'].join('\n')}\n---\nBody.\n`;

  it('is refused quickly as invalid front matter, and the rest of the page and the repository are checked', async () => {
    const root = makeRepo({ [GOOD]: GOOD_PAGE, 'content/pages/bomb.md': `${bomb}\n[x](./missing.md)\n` });
    const started = performance.now();
    const { findings } = await lintInThread({ cwd: root, today: TODAY });
    expect(performance.now() - started).toBeLessThan(3_000);
    const own = findingsOf(findings, 'content/pages/bomb.md');
    expect(own.filter((f) => f.ruleId === 'frontmatter-invalid').map((f) => f.message)).toEqual([expect.stringMatching(/alias/i)]);
    expect(own.some((f) => f.ruleId === 'link-broken')).toBe(true);
    expect(findingsOf(findings, GOOD)).toEqual(goodAlone);
  });
});

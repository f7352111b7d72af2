import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { fixRepository, selectFiles, writeFixedFiles } from '../../src/fix/fix-files.js';
import { makeRepo, page } from '../helpers/temp-repo.js';

const DATED = page({ last_reviewed: '18 Mar 2025' });

describe('fixRepository and writeFixedFiles', () => {
  it('returns only the files that change, with their text before and after, and writes nothing', async () => {
    const root = makeRepo({ 'content/pages/a.md': DATED, 'content/pages/b.md': page() });
    const results = await fixRepository(loadConfig({ cwd: root }));
    expect(results).toEqual([
      { path: 'content/pages/a.md', before: DATED, after: DATED.replace('18 Mar 2025', '2025-03-18'), fixes: [expect.objectContaining({ line: 4, rule: 'review-date-invalid' })] },
    ]);
    expect(readFileSync(path.join(root, 'content/pages/a.md'), 'utf8')).toBe(DATED);
  });

  it('keeps a byte-order mark and skips a file that is not UTF-8', async () => {
    const root = makeRepo({
      'content/pages/bom.md': `\uFEFF${DATED}`,
      'content/pages/latin1.md': Buffer.concat([Buffer.from(DATED), Buffer.from([0xe9, 0x0a])]),
    });
    const config = loadConfig({ cwd: root });
    const results = await fixRepository(config);
    expect(results.map((result) => result.path)).toEqual(['content/pages/bom.md']);
    await writeFixedFiles(root, results);
    expect(readFileSync(path.join(root, 'content/pages/bom.md'), 'utf8')).toBe(`\uFEFF${DATED.replace('18 Mar 2025', '2025-03-18')}`);
  });

  it('never overwrites a file edited after it was fixed', async () => {
    const root = makeRepo({ 'content/pages/a.md': DATED });
    const results = await fixRepository(loadConfig({ cwd: root }));
    const edited = `${DATED}More text.\n`;
    writeFileSync(path.join(root, 'content/pages/a.md'), edited);
    await expect(writeFixedFiles(root, results)).rejects.toThrow(UsageError);
    expect(readFileSync(path.join(root, 'content/pages/a.md'), 'utf8')).toBe(edited);
  });
});

describe('selectFiles', () => {
  const root = makeRepo({ 'content/pages/a.md': page(), 'content/pages/deep/b.md': page(), 'README.md': '# Readme\n' });
  const config = loadConfig({ cwd: root });
  const all = ['content/glossary/chemotherapy.md', 'content/pages/a.md', 'content/pages/deep/b.md'];

  it('selects governed pages and glossary entries by file, folder or glob', async () => {
    expect(await selectFiles(config, root, [])).toEqual(all);
    expect(await selectFiles(config, root, ['.'])).toEqual(all);
    // A folder that holds the repository selects all of it.
    expect(await selectFiles(config, root, [tmpdir()])).toEqual(all);
    expect(await selectFiles(config, path.join(root, 'content/pages'), ['deep', 'a.md'])).toEqual(['content/pages/a.md', 'content/pages/deep/b.md']);
    expect(await selectFiles(config, root, ['content/**/chemo*.md'])).toEqual(['content/glossary/chemotherapy.md']);
  });

  it('rejects a path that selects no governed file', async () => {
    const elsewhere = makeRepo({ 'content/pages/c.md': page() });
    for (const given of ['README.md', 'missing.md', 'content/none/*.md', elsewhere, path.join(elsewhere, 'content/pages/c.md')]) {
      await expect(selectFiles(config, root, [given]), given).rejects.toThrow(UsageError);
    }
  });
});

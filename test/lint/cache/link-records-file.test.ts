import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkRecordsFile } from '../../../src/lint/link-records-file.js';

async function written(links: LinkRecordsFile, wanted: Array<[string, string]>): Promise<unknown> {
  return JSON.parse([...(links.text(wanted) as Iterable<string>)].join(''));
}

describe('LinkRecordsFile', () => {
  const records = (n: number) => JSON.stringify([[n, 1, n, 20, 0, 'chemotherapy', `chemo ${n} \u00e9\u2019\ud83d\udc8a`]]);

  it('keeps this run’s links in a scratch file that is never left in the cache folder, and writes them back whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-links-'));
    const links = new LinkRecordsFile(path.join(dir, 'links.json'), 'key');
    for (let n = 0; n < 50; n++) links.set(`content/pages/p${n}.md`, `hash${n}`, records(n));
    // Unlinked as soon as it was opened: a run that stops half way leaves nothing behind.
    expect(readdirSync(dir)).toEqual([]);
    expect(links.get('content/pages/p7.md', 'hash7')).toBe(records(7));
    expect(links.get('content/pages/p7.md', 'another hash')).toBeUndefined();
    const wanted = Array.from({ length: 50 }, (_, n): [string, string] => [`content/pages/p${n}.md`, `hash${n}`]);
    const file = (await written(links, wanted)) as { key: string; records: Record<string, [string, string]> };
    expect(file.key).toBe('key');
    expect(Object.keys(file.records)).toHaveLength(50);
    expect(file.records['content/pages/p49.md']).toEqual(['hash49', records(49)]);
    links.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the links in memory when no scratch file can be made', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-links-'));
    // The cache "folder" is a file: nothing can be created in it.
    writeFileSync(path.join(dir, 'cache'), 'not a folder');
    const links = new LinkRecordsFile(path.join(dir, 'cache', 'links.json'), 'key');
    links.set('content/pages/a.md', 'h', records(1));
    expect(links.changed).toBe(true);
    expect(links.get('content/pages/a.md', 'h')).toBe(records(1));
    expect(await written(links, [['content/pages/a.md', 'h']])).toEqual({ key: 'key', records: { 'content/pages/a.md': ['h', records(1)] } });
    links.close();
    expect(readFileSync(path.join(dir, 'cache'), 'utf8')).toBe('not a folder');
  });
});

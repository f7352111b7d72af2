import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScratchFile as ScratchFileType } from '../../../src/fs/scratch-file.js';
import type { WorkerInit } from '../../../src/lint/worker-protocol.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';

// Workers exist only as compiled JavaScript: the built pool and context loader.
const dist = path.resolve(import.meta.dirname, '../../../dist/lint');
const { WorkerPool } = (await import(path.join(dist, 'worker-pool.js'))) as typeof import('../../../src/lint/worker-pool.js');
const { loadContext } = (await import(path.join(dist, 'load-context.js'))) as typeof import('../../../src/lint/load-context.js');
const { unspill } = (await import(path.join(dist, 'wire-result.js'))) as typeof import('../../../src/lint/wire-result.js');
const { ScratchFile } = (await import(path.join(dist, '../fs/scratch-file.js'))) as typeof import('../../../src/fs/scratch-file.js');
const { ReadBuffer } = (await import(path.join(dist, '../fs/read-buffer.js'))) as typeof import('../../../src/fs/read-buffer.js');

async function init(root: string): Promise<WorkerInit> {
  const context = await loadContext({ cwd: root, today: '2026-06-01' });
  const { config } = context;
  return { root, cwd: root, configFile: config.file, config: config.config, today: context.today.toString(), index: context.index.data };
}

describe('WorkerPool', () => {
  it('turns an error thrown while checking one file into a crash for that file, and the worker goes on', async () => {
    const root = makeRepo({ 'content/pages/a.md': page() });
    const pool = new WorkerPool(1, await init(root), { timeBudgetMs: 10_000 });
    try {
      // Not bytes: decoding throws inside the worker, outside the parse's own error handling.
      const broken = await pool.lint(path.join(root, 'content/pages/a.md'), 'not bytes' as unknown as Uint8Array);
      expect(broken).toEqual({ fault: 'crash', reason: expect.stringMatching(/argument/) });
      const fine = await pool.lint(path.join(root, 'content/pages/a.md'), new TextEncoder().encode(page()));
      expect('result' in fine && fine.result.findings).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('puts the file queued behind one that overruns the budget back in line, and checks it on a fresh worker', async () => {
    const root = makeRepo({ 'content/pages/a.md': page() });
    const pool = new WorkerPool(1, await init(root), { timeBudgetMs: 1_500 });
    try {
      // Emphasis nested 10,000 deep: a parse of tens of seconds, which only the budget stops.
      const slow = new TextEncoder().encode(`${page()}\n${'*a '.repeat(10_000)}${' a*'.repeat(10_000)}\n`);
      const started = performance.now();
      // Both are sent at once: the second waits in the same worker, behind the slow one.
      const [stopped, fine] = await Promise.all([
        pool.lint(path.join(root, 'content/pages/slow.md'), slow),
        pool.lint(path.join(root, 'content/pages/a.md'), new TextEncoder().encode(page())),
      ]);
      expect(stopped).toEqual({ fault: 'timeout' });
      expect('result' in fine && fine.result.findings).toEqual([]);
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await pool.close();
    }
  });

  it('pins a crash on the file that caused it when a sound page was sent to the worker just before it', async () => {
    const root = makeRepo({ 'content/pages/a.md': page() });
    // About 140,000 links: its parse alone exhausts a 24 MB heap. The sound page must get its result
    // and the hungry one the crash, every round. (The wrong-file crash this guards against was seen
    // only in budget.test.ts's threaded run, about 1 run in 6; this test has not reproduced it.)
    const hungry = new TextEncoder().encode(`---\ntitle: Links\n---\n\n${'[a](b) '.repeat(140_000)}\n`);
    const pool = new WorkerPool(1, await init(root), { timeBudgetMs: 10_000, heapMb: 24 });
    try {
      for (let round = 0; round < 3; round++) {
        const [fine, crashed] = await Promise.all([
          pool.lint(path.join(root, 'content/pages/a.md'), new TextEncoder().encode(page())),
          pool.lint(path.join(root, 'content/pages/hungry.md'), hungry),
        ]);
        expect('result' in fine && fine.result.findings).toEqual([]);
        expect(crashed).toEqual({ fault: 'crash', reason: 'out of memory' });
      }
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails every file, rather than waiting for ever, when no worker can start', async () => {
    const root = makeRepo({ 'content/pages/a.md': page() });
    const pool = new WorkerPool(2, { ...(await init(root)), today: 'not a date' }, { timeBudgetMs: 10_000 });
    try {
      await expect(pool.lint(path.join(root, 'content/pages/a.md'), new TextEncoder().encode(page()))).rejects.toThrow(/not a date|Invalid|invalid/);
      await expect(pool.lint(path.join(root, 'content/pages/a.md'), new TextEncoder().encode(page()))).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });

  it('writes results to the scratch file it is given, where they stay readable after the worker is gone', async () => {
    const root = makeRepo({ 'content/pages/a.md': page(), 'content/pages/b.md': `${page()}\nSee [the missing page](missing.md).\n` });
    const files: ScratchFileType[] = [];
    const spill = () => {
      const file = ScratchFile.create(root, 'results')!;
      files.push(file);
      return file;
    };
    const direct = new WorkerPool(1, await init(root), { timeBudgetMs: 10_000 });
    const pool = new WorkerPool(1, await init(root), { timeBudgetMs: 10_000 }, spill);
    const buffer = new ReadBuffer();
    try {
      const expected = await direct.lint(path.join(root, 'content/pages/b.md'), new TextEncoder().encode(`${page()}\nSee [the missing page](missing.md).\n`));
      // The bytes are a view of shared memory: the worker reads them where they are.
      const bytes = buffer.read(path.join(root, 'content/pages/b.md'));
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      const [a, b] = await Promise.all([pool.lint(path.join(root, 'content/pages/a.md'), new TextEncoder().encode(page())), pool.lint(path.join(root, 'content/pages/b.md'), bytes)]);
      await pool.close();
      expect(files).toHaveLength(1);
      if (!('spilled' in a && 'spilled' in b && 'result' in expected)) throw new Error(`expected spilled results, got ${JSON.stringify([a, b])}`);
      expect(b.spilled.piece.at).toBe(a.spilled.piece.length);
      expect(unspill(a.spilled).findings).toEqual([]);
      expect(unspill(b.spilled)).toEqual(expected.result);
      expect(expected.result.findings.map((finding) => finding.ruleId)).toContain('link-broken');
    } finally {
      await direct.close();
      await pool.close();
      for (const file of files) file.close();
    }
  });
});

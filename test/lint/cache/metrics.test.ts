import { spawnSync } from 'node:child_process';
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/engine.js';
import { LintCache } from '../../../src/lint/lint-cache.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';

const TODAY = '2026-06-01';

/** Twelve sentences of one-syllable words: no long word, so SMOG's floor, grade 3.1291, age 8. */
const PLAIN = Array.from({ length: 12 }, (_, i) => `You can rest at home on day ${i + 1}.`).join('\n\n');

/** Ten sentences heavy with long words; the long words are counted by the syllable library, not by hand. */
const HARD_SENTENCES = Array.from({ length: 10 }, () => 'Neuroendocrine carcinomas necessitate multidisciplinary evaluation.');
const HARD = HARD_SENTENCES.join('\n\n');

/** SMOG (McLaughlin 1969) as the UK reading age: grade + 5, rounded. */
function smogAge(text: string, sentences: number): number {
  const polysyllables = text.match(/\p{L}+/gu)!.filter((word) => syllable(word) >= 3).length;
  return Math.round(1.043 * Math.sqrt((polysyllables * 30) / sentences) + 3.1291 + 5);
}

const PAGES = {
  'content/pages/plain.md': page({}, `${PLAIN}\n`),
  'content/pages/hard.md': page({}, `${HARD}\n`),
  'content/pages/short.md': page({}, 'Rest at home.\n'),
};

const run = (cwd: string) => lint({ cwd, today: TODAY, cache: true });
const stampOf = (file: string) => {
  const info = statSync(file);
  return { size: info.size, mtimeMs: info.mtimeMs };
};

describe('lint measures reading ages for the reports', () => {
  it('gives each linted file its reading age, the same again from the cache', async () => {
    const root = makeRepo(PAGES);
    const hard = smogAge(HARD, HARD_SENTENCES.length);
    expect(hard).toBeGreaterThan(11);
    const expected = new Map([
      ['content/glossary/chemotherapy.md', { readingAge: null }],
      ['content/pages/hard.md', { readingAge: hard }],
      ['content/pages/plain.md', { readingAge: 8 }],
      ['content/pages/short.md', { readingAge: null }],
    ]);
    const cold = await run(root);
    expect(cold.cached).toBe(0);
    expect(new Map([...cold.metrics].sort())).toEqual(expected);
    // The rule and the metric are one computation: the hard page's finding names the same age.
    expect(cold.findings.find((f) => f.ruleId === 'readability')?.message).toContain(`Reading age ${hard} is above the target 11`);

    const warm = await run(root);
    expect(warm.cached).toBe(cold.files.length);
    expect(new Map([...warm.metrics].sort())).toEqual(expected);
  });

  it('stores them by file stamp: unchanged files answer without a read, changed ones do not', async () => {
    const root = makeRepo(PAGES);
    const { context } = await run(root);
    const cache = await LintCache.open(context.config);
    const plain = path.join(root, 'content/pages/plain.md');
    expect(cache.knownMetrics('content/pages/plain.md', stampOf(plain))).toEqual({ readingAge: 8 });
    expect(cache.knownMetrics('content/pages/plain.md', { ...stampOf(plain), mtimeMs: 1 })).toBeUndefined();
    expect(cache.knownMetrics('content/pages/none.md', stampOf(plain))).toBeUndefined();
  });

  it('brings a file’s stamp up to date when only its time changed (a fresh checkout), so later reads know it', async () => {
    const root = makeRepo(PAGES);
    await run(root);
    const plain = path.join(root, 'content/pages/plain.md');
    utimesSync(plain, new Date('2026-05-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'));
    const { context, cached, files } = await run(root);
    // Same bytes, so a cache hit by hash; the new time is recorded.
    expect(cached).toBe(files.length);
    const cache = await LintCache.open(context.config);
    expect(cache.knownMetrics('content/pages/plain.md', stampOf(plain))).toEqual({ readingAge: 8 });
  });

  it('an edited page is measured again', async () => {
    const root = makeRepo(PAGES);
    await run(root);
    writeFileSync(path.join(root, 'content/pages/short.md'), page({}, `${PLAIN}\n`));
    const { metrics, cached, files } = await run(root);
    expect(cached).toBe(files.length - 1);
    expect(metrics.get('content/pages/short.md')).toEqual({ readingAge: 8 });
  });

  it('measures nothing when both prose rules are off: lint stays at the cost of its parse', async () => {
    const root = makeRepo({ ...PAGES, 'pagecare.config.yml': 'rules:\n  readability: off\n  sentence-length: off\n' });
    const { metrics } = await run(root);
    expect(metrics.size).toBe(4);
    for (const value of metrics.values()) expect(value).toEqual({});
  });

  it('still measures with only sentence-length on', async () => {
    const root = makeRepo({ ...PAGES, 'pagecare.config.yml': 'rules:\n  readability: off\n' });
    expect((await run(root)).metrics.get('content/pages/plain.md')).toEqual({ readingAge: 8 });
  });
});

describe('lint metrics from worker threads', () => {
  it('are the ones a one-thread run gives (the built engine; workers exist only as JavaScript)', () => {
    // 70 files: over the 64 that start worker threads.
    const files: Record<string, string> = {};
    for (let i = 0; i < 35; i++) {
      files[`content/pages/plain-${i}.md`] = PAGES['content/pages/plain.md'];
      files[`content/pages/hard-${i}.md`] = PAGES['content/pages/hard.md'];
    }
    const root = makeRepo(files);
    const engine = path.resolve(import.meta.dirname, '../../../dist/lint/engine.js');
    const measure = (workers: number) => {
      const script = `const { lint } = await import(${JSON.stringify(engine)});
const r = await lint({ cwd: ${JSON.stringify(root)}, today: '${TODAY}', workers: ${workers} });
process.stdout.write(JSON.stringify([...r.metrics].sort()));`;
      const file = path.join(root, `measure-${workers}.mjs`);
      writeFileSync(file, script);
      const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return JSON.parse(run.stdout) as Array<[string, { readingAge?: number | null }]>;
    };
    const threaded = measure(2);
    expect(threaded).toHaveLength(71);
    expect(threaded.filter(([file]) => file.includes('/plain-')).every(([, m]) => m.readingAge === 8)).toBe(true);
    expect(threaded).toEqual(measure(1));
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript
import { generateCorpus } from '../../../bench/generate-corpus.mjs';

const engine = path.resolve(import.meta.dirname, '../../../dist/lint/engine.js');
const root = mkdtempSync(path.join(tmpdir(), 'pagecare-workers-'));
const dir = path.join(root, 'corpus');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Lint the corpus with the built engine (workers exist only as compiled JavaScript), with the
 * cache written, and a temp folder of its own, where the workers' scratch files go.
 */
function lintWith(workers: number): { findings: string; metrics: string; lintCache: string; linksCache: string; scratch: string } {
  const scratch = path.join(root, `tmp-${workers}`);
  mkdirSync(scratch);
  rmSync(path.join(dir, '.pagecare-cache'), { recursive: true, force: true });
  const script = `const { lint } = await import(${JSON.stringify(engine)});
const r = await lint({ cwd: ${JSON.stringify(dir)}, today: '2026-06-01', workers: ${workers}, cache: true });
process.stdout.write(JSON.stringify({ findings: r.findings, metrics: [...r.metrics].sort() }));`;
  const file = path.join(root, `lint-${workers}.mjs`);
  writeFileSync(file, script);
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch } });
  expect(run.stderr).toBe('');
  const { findings, metrics } = JSON.parse(run.stdout) as { findings: unknown; metrics: unknown };
  const cached = (name: string) => readFileSync(path.join(dir, '.pagecare-cache', name), 'latin1');
  return { findings: JSON.stringify(findings), metrics: JSON.stringify(metrics), lintCache: cached('lint.json'), linksCache: cached('links.json'), scratch };
}

describe('worker threads', () => {
  it('give exactly the findings, metrics and cache of a one-thread run, and leave no scratch file behind', () => {
    generateCorpus({ dir, pages: 120 });
    const threaded = lintWith(2);
    const single = lintWith(1);
    expect(JSON.parse(threaded.findings).length).toBeGreaterThan(100);
    expect(threaded.findings).toBe(single.findings);
    expect(JSON.parse(threaded.metrics).length).toBeGreaterThan(100);
    expect(threaded.metrics).toBe(single.metrics);
    // Byte for byte: results read back from the workers' scratch files are stored in file order, as a one-thread run stores them.
    expect(threaded.lintCache).toBe(single.lintCache);
    expect(threaded.linksCache).toBe(single.linksCache);
    expect(readdirSync(threaded.scratch)).toEqual([]);
  }, 120_000);
});

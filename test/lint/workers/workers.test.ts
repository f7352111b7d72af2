import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript
import { generateCorpus } from '../../../bench/generate-corpus.mjs';
import { runCli } from '../../helpers/run-cli.js';

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

  it("run with the main thread's young generation held through start-up and the workers' free to grow", () => {
    generateCorpus({ dir, pages: 120 });
    // Each thread's young generation, sampled every 10 ms and as the process exits.
    const probe = path.join(root, 'young-generation.mjs');
    const log = path.join(root, 'young-generation.log');
    writeFileSync(
      probe,
      `import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import { threadId } from 'node:worker_threads';
const record = () => appendFileSync(${JSON.stringify(log)}, threadId + ' ' + v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size + '\\n');
setInterval(record, 10).unref();
process.on('exit', record);`,
    );
    const run = runCli(['lint', '--no-cache'], { cwd: dir, env: { NODE_OPTIONS: `--import ${probe}` } });
    expect(run.status, run.stderr).toBe(1);
    const largest = new Map<string, number>();
    for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
      const [thread, size] = line.split(' ');
      largest.set(thread!, Math.max(largest.get(thread!) ?? 0, Number(size)));
    }
    const MB = 2 ** 20;
    // Measured: the main thread 4 MB with the hold (2 MB until the workers start), 16 MB without; each worker 32 MB.
    expect(largest.get('0')).toBeLessThan(8 * MB);
    const workers = [...largest].filter(([thread]) => thread !== '0').map(([, size]) => size);
    expect(workers.length).toBeGreaterThanOrEqual(2);
    for (const size of workers) expect(size).toBeGreaterThanOrEqual(16 * MB);
  }, 120_000);
});

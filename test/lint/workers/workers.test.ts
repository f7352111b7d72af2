import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript
import { generateCorpus } from '../../../bench/generate-corpus.mjs';

const engine = path.resolve(import.meta.dirname, '../../../dist/lint/engine.js');
const root = mkdtempSync(path.join(tmpdir(), 'pagecare-workers-'));
const dir = path.join(root, 'corpus');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Lint the corpus with the built engine (workers exist only as compiled JavaScript). */
function lintWith(workers: number): string {
  const script = `const { lint } = await import(${JSON.stringify(engine)});
const r = await lint({ cwd: ${JSON.stringify(dir)}, today: '2026-06-01', workers: ${workers} });
process.stdout.write(JSON.stringify(r.findings));`;
  const file = path.join(root, `lint-${workers}.mjs`);
  writeFileSync(file, script);
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('worker threads', () => {
  it('give exactly the findings of a one-thread run, in the same order', () => {
    generateCorpus({ dir, pages: 120 });
    const threaded = lintWith(2);
    const single = lintWith(1);
    expect(JSON.parse(threaded).length).toBeGreaterThan(100);
    expect(threaded).toBe(single);
  }, 120_000);
});

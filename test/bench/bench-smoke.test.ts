import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The benchmark end to end on a small corpus: proof that `npm run bench` still works.
// No timing is asserted; the numbers of a 200-page run on a busy CI machine mean nothing.
const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)', '(k)', '(l)', '(m)'];

function runBench(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench/run.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** The cells of a table row whose first cell starts with `id`. */
function cells(markdown: string, id: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${id} `));
  return line ? line.split(' | ').map((cell) => cell.replace(/^\| |\s\|$/g, '').trim()) : [];
}

describe('npm run bench, on 200 pages', () => {
  it('measures every row and writes the results to the file --out names', async () => {
    const out = path.join(dir, 'results', 'RESULTS.md');
    // A 10,000-page section already there: kept as it was.
    const reference = [
      '<!-- bench:10000 -->',
      '## 10,000 pages',
      '',
      '- Date: 2026-01-01T00:00:00Z',
      '- pagecare: 0.0.1, commit abc1234',
      '',
      '| Run | Files | Wall (s) | CPU (s) | Peak memory (MB) | Files/s | × parse floor | Findings |',
      '|---|--:|--:|--:|--:|--:|--:|---|',
      '| (a) `pagecare lint`, cold (no cache) | 10300 | 40.0 | 75.0 | 290 | 258 | 1.25× | 1 errors |',
      '| (b) `pagecare lint`, warm (nothing changed) | 10300 | 1.00 | 1.20 | 180 | 10,300 | 0.03× | 1 errors |',
      '| (f) `remark` CLI with the pagecare preset | | | | | | | n/a (not run (--peers)) |',
      '| (h) parse floor: read + parse every file, one worker per core | 10300 | 32.0 | 60.0 | 260 | 322 | 1.00× | 90 MB |',
      '<!-- /bench:10000 -->',
    ].join('\n');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `# pagecare benchmarks\n\n${reference}\n`);
    // Two runs: cold lint and the parse floor then run as two pairs, whose ratios make the headline.
    // Growth from 100 pages: (k), (l) and (m) run on a second corpus beside the first.
    const run = await runBench(['--pages', '200', '--corpus', path.join(dir, 'corpus'), '--out', out, '--runs', '2', '--growth-from', '100']);
    expect(run.status, run.stderr).toBe(0);

    const results = readFileSync(out, 'utf8');
    expect(results).toContain('## 200 pages');
    expect(results).toMatch(/Machine: .+, \d+ cores/);
    for (const id of ROWS) {
      const row = cells(results, id);
      expect(row, `row ${id}`).toHaveLength(8);
      // Measured (files and wall time filled in), or n/a while `--changed` is missing; never failed.
      if (row[7] === 'n/a (flag missing)') continue;
      expect(row.slice(1, 3), `row ${id}`).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+\.\d+$/)]);
    }
    // The cache must not change what is found: cold, warm and after an added alias agree.
    const findings = (id: string) => cells(results, id).at(-1);
    expect(findings('(a)')).toMatch(/^\d+ errors/);
    expect(findings('(b)')).toBe(findings('(a)'));
    expect(findings('(c)')).toBe(findings('(a)'));
    // The 100-page corpus, cold and warm, agrees with itself and has half the files' pages.
    expect(findings('(l)')).toBe(findings('(k)'));
    expect(cells(results, '(k)')[1]).toBe('400');
    expect(cells(results, '(a)')[1]).toBe('500');
    expect(results).toContain('(k) and (m) run right after the pairs of (a) and (h), and (l) right after (b), on the 100-page corpus (100 pages');
    expect(results).toContain(`in ${path.join(dir, 'corpus-100')})`);
    // The growth corpus's pairs are listed too, not hidden behind (k)'s median.
    expect(results).toMatch(/The pairs of \(k\) and \(m\): 1: .*?, \d+\.\d+×, \d+ MB; 2: .*?, \d+\.\d+×, \d+ MB\./);
    expect(results).toContain('### Targets');
    // Both pairs are listed, and the headline ratio is the median of theirs (the mean of two).
    const pairs = /The pairs of \(a\) and \(h\): 1: .*?, (\d+\.\d+)×, \d+ MB; 2: .*?, (\d+\.\d+)×, \d+ MB\./.exec(results);
    expect(pairs, 'the pairs note').not.toBeNull();
    const headline = /\| cold `pagecare lint` ≤ 1\.3× the parse floor \| (\d+\.\d+)× \|/.exec(results);
    expect(Number(headline?.[1])).toBeCloseTo((Number(pairs![1]) + Number(pairs![2])) / 2, 2);
    // The memory target reads every run, not only the median ones the table shows: never below a cold pair's peak.
    const memory = /\| peak memory of every pagecare run ≤ 300 MB \| (\d+) MB, \(([a-j])\) \(highest of all its runs\) \|/.exec(results);
    expect(memory, 'the memory target').not.toBeNull();
    const coldPeaks = [...pairs![0].matchAll(/(\d+) MB/g)].map((match) => Number(match[1]));
    expect(Number(memory![1])).toBeGreaterThanOrEqual(Math.max(...coldPeaks));
    // The targets are set at 10,000 pages: shown at 200, not judged; growth from 100 pages is.
    expect(results).toContain(reference);
    expect(cells(results, 'warm `pagecare lint`, nothing changed, ≤ 1 s')[2]).toBe('n/a (set at 10,000 pages)');
    for (const [what, letters] of [['cold', '(a) and (k)'], ['warm', '(b) and (l)']]) {
      const time = cells(results, `${what} \`pagecare lint\`: time grows no faster than the pages (or the parse floor beside it, (h) and (m), if that grew faster), ${letters} against 100 pages in this run`);
      expect(time[1], `${what} time growth`).toMatch(/^\d+\.\d+× \(CPU \d+\.\d+×\) for 2\.00× the pages; the parse floor \d+\.\d+×$/);
      // Judged against the pages, or the floor's growth when that was larger.
      const [grew, floorGrew] = [/^(\d+\.\d+)×/, /floor (\d+\.\d+)×$/].map((pattern) => Number(pattern.exec(time[1]!)![1]));
      const bound = Math.max(2, floorGrew!);
      // The cell is rounded to hundredths: within one of the bound, either result is right.
      if (Math.abs(grew! - bound) > 0.01) expect(time[2]).toBe(grew! <= bound ? 'pass' : 'FAIL');
      else expect(time[2]).toMatch(/^(pass|FAIL)$/);
      const memory = cells(results, `${what} \`pagecare lint\`: peak memory grows no faster than the pages, ${letters} against 100 pages in this run`);
      expect(memory[1], `${what} memory growth`).toMatch(/^\d+\.\d+× \(\d+ MB against \d+ MB\) for 2\.00× the pages$/);
    }
  }, 300_000);

  it('refuses a corpus folder the growth corpus would be generated over, before any work, with exit code 2', async () => {
    const corpus = path.join(dir, 'corpus-100');
    const run = await runBench(['--pages', '200', '--corpus', corpus, '--growth-from', '100']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`bench: --corpus ${corpus} is where the 100-page corpus for --growth-from goes; name the folder otherwise\n`);
  });

  it('refuses a peer it does not know, before any work, with exit code 2', async () => {
    const run = await runBench(['--pages', '200', '--corpus', path.join(dir, 'unused'), '--peers', 'remark,markdownlnt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('bench: --peers expects a list of remark, markdownlint, or none; got `markdownlnt`\n');
  });
});

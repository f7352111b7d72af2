import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDaemon } from '../../src/schedule/daemon.js';
import { UsageError } from '../../src/config/config-error.js';
import { BIN } from '../helpers/run-cli.js';
import { makeRepo, page } from '../helpers/temp-repo.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the cron daemon', () => {
  it('fires on its cron and never runs two jobs at once', async () => {
    const lines: string[] = [];
    let running = 0;
    let most = 0;
    let runs = 0;
    const daemon = startDaemon({
      cron: '* * * * * *', // every second
      timeZone: 'Europe/London',
      log: (line) => lines.push(line),
      run: async () => {
        running++;
        most = Math.max(most, running);
        runs++;
        await sleep(2200);
        running--;
        return 'done';
      },
    });
    await sleep(4800);
    await daemon.stop();
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(most).toBe(1);
    expect(lines.some((line) => line.includes('skipped: the previous run is still in progress'))).toBe(true);
    expect(lines.filter((line) => /run finished in \d+\.\ds: done/.test(line))).toHaveLength(runs);
  }, 15_000);

  it('on stop, aborts between sends and waits for the run in progress', async () => {
    let sawAbort = false;
    let finished = false;
    const daemon = startDaemon({
      cron: '* * * * * *',
      timeZone: 'UTC',
      log: () => undefined,
      run: async (signal) => {
        for (let send = 0; send < 20 && !signal.aborted; send++) await sleep(100);
        sawAbort = signal.aborted;
        finished = true;
        return 'stopped early';
      },
    });
    await sleep(1500);
    await daemon.stop();
    expect(finished).toBe(true);
    expect(sawAbort).toBe(true);
  }, 10_000);

  it('rejects a bad cron expression as a usage error', () => {
    expect(() => startDaemon({ cron: '61 * * * *', timeZone: 'UTC', log: () => undefined, run: async () => '' })).toThrow(UsageError);
  });
});

describe('pagecare schedule', () => {
  it('runs the job on schedule, logs a line per run, and exits cleanly on SIGTERM', async () => {
    const root = makeRepo({
      'pagecare.config.yml': "schedule:\n  cron: '* * * * * *'\n  timezone: UTC\n",
      'content/pages/a.md': page({ next_review: '2026-06-20' }),
    });
    const child = spawn(process.execPath, [BIN, 'schedule'], { cwd: root, env: { ...process.env, PAGECARE_TODAY: '2026-06-01' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!/run finished/.test(out) && Date.now() < deadline) await sleep(100);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out).toMatch(/next run/);
    expect(out).toMatch(/run finished in [\d.]+s: 2 reviews, 1 reminders sent, 0 failed/);
    expect(out).toMatch(/SIGTERM received[\s\S]*stopped/);
    expect(code).toBe(0);
    const outbox = path.join(root, 'reports', 'outbox');
    expect(existsSync(outbox) && readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  }, 30_000);
});

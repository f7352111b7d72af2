import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cli, spawnCli } from '../../job/cli.js';
import { EXPECTED, EXPECTED_KEYS, jobRepo, readLedger, TODAY } from '../../job/fixture.js';
import { startSmtpServer, type TestSmtpServer } from '../../notify/mail/smtp-server.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(script?: Parameters<typeof startSmtpServer>[0]): Promise<TestSmtpServer> {
  const s = await startSmtpServer(script);
  cleanup.push(() => s.close());
  return s;
}

const lockOf = (root: string) => path.join(root, '.pagecare', 'ledger.lock');

describe('the ledger lock after a kill', () => {
  test('a lock left blank (killed between creating it and writing its pid) is taken over once it is old, not before', async () => {
    const s = await server();
    const root = jobRepo();
    mkdirSync(path.join(root, '.pagecare'));
    writeFileSync(lockOf(root), '');
    const env = { PAGECARE_SMTP_URL: s.url() };

    // Fresh, it may belong to a run about to write its pid: refused, nothing sent.
    const young = await cli(['remind', '--today', TODAY], { cwd: root, env });
    expect(young.status).toBe(2);
    expect(young.stderr).toContain('holds no process id');
    expect(s.received).toHaveLength(0);

    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockOf(root), minuteAgo, minuteAgo);
    const old = await cli(['remind', '--today', TODAY], { cwd: root, env });
    expect(old.stderr).toBe('');
    expect(old.status).toBe(0);
    expect(s.received.map((r) => r.to)).toEqual(EXPECTED.map((e) => [e.email]));
    expect(Object.keys(readLedger(root)).sort()).toEqual(EXPECTED_KEYS);
    expect(existsSync(lockOf(root))).toBe(false);
  });
});

describe('two runs at once (a cron overlap)', () => {
  test('the second is turned away while the first holds the lock; every reminder is sent once', async () => {
    let release!: () => void;
    const released = new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
    let reached!: () => void;
    const holding = new Promise<void>((resolve) => (reached = resolve));
    // The first run's first message waits at MAIL FROM until the second run is over.
    const s = await server(({ stage, attempt }) => {
      if (stage !== 'mail' || attempt !== 1) return undefined;
      reached();
      return released;
    });
    const root = jobRepo();
    const env = { PAGECARE_SMTP_URL: s.url() };

    const first = spawnCli(['run', '--today', TODAY], { cwd: root, env });
    cleanup.push(async () => {
      release();
      await first.done;
    });
    await holding;
    const second = await cli(['run', '--today', TODAY], { cwd: root, env });
    release();
    const done = await first.done;

    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/Another pagecare run \(pid \d+\) holds .*ledger\.lock/);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(`reminders: ${EXPECTED.length} sent`);
    expect(s.received.map((r) => r.to)).toEqual(EXPECTED.map((e) => [e.email]));
    expect(s.attempts.mail).toBe(EXPECTED.length);
    expect(Object.keys(readLedger(root)).sort()).toEqual(EXPECTED_KEYS);
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startSmtpServer, type Received, type Stage, type TestSmtpServer } from '../notify/mail/smtp-server.js';
import { cli, spawnCli, type RunningCli } from './cli.js';
import { EXPECTED, EXPECTED_KEYS, jobRepo, readLedger, TODAY } from './fixture.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/**
 * Where the first run is killed: the server holds its reply at `stage` of the
 * `nth` message, so the kill lands at a known point between sends, with
 * `accepted` messages already delivered.
 */
const POINTS: Array<{ name: string; stage: Stage; nth: number; accepted: number }> = [
  { name: 'after the 1st message, before the 2nd starts', stage: 'mail', nth: 2, accepted: 1 },
  { name: 'while the 2nd message waits for acceptance after its data', stage: 'data', nth: 2, accepted: 1 },
  { name: 'after the 2nd message, before the 3rd starts', stage: 'mail', nth: 3, accepted: 2 },
];

describe('SIGKILL mid-run, then a rerun', () => {
  test.each(POINTS)('killed $name: the rerun converges with no duplicate', async ({ stage, nth, accepted }) => {
    let armed = true;
    let reached!: () => void;
    const held = new Promise<void>((resolve) => (reached = resolve));
    const s: TestSmtpServer = await startSmtpServer((event) => {
      if (armed && event.stage === stage && event.attempt === nth) {
        reached();
        return 'stall';
      }
      return undefined;
    });
    cleanup.push(() => s.close());
    const root = jobRepo();
    const env = { PAGECARE_SMTP_URL: s.url() };

    const first: RunningCli = spawnCli(['run', '--today', TODAY], { cwd: root, env });
    cleanup.push(async () => {
      if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
      await first.done;
    });
    await Promise.race([
      held,
      first.done.then((r) => {
        throw new Error(`the run ended before the kill point: ${r.stdout}${r.stderr}`);
      }),
    ]);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    armed = false;

    expect(s.received).toHaveLength(accepted);
    // Each accepted message was recorded before the next send began.
    const recorded = Object.keys(readLedger(root));
    for (const e of EXPECTED.slice(0, accepted)) expect(recorded.some((key) => key.endsWith(`|${e.handle}`)), e.handle).toBe(true);
    for (const e of EXPECTED.slice(accepted)) expect(recorded.some((key) => key.endsWith(`|${e.handle}`)), e.handle).toBe(false);
    // The dead run's lock is still there; the rerun must take it over.
    expect(existsSync(path.join(root, '.pagecare', 'ledger.lock'))).toBe(true);

    const rerun = await cli(['run', '--today', TODAY], { cwd: root, env });
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`reminders: ${EXPECTED.length - accepted} sent`);
    expect(existsSync(path.join(root, '.pagecare', 'ledger.lock'))).toBe(false);

    expectExactlyOnce(s.received);
    // Everything is recorded, so any later run the same day sends nothing.
    expect(Object.keys(readLedger(root)).sort()).toEqual(EXPECTED_KEYS);
  });
});

/** One message per recipient, counted by envelope recipient and by Message-ID. */
function expectExactlyOnce(received: readonly Received[]): void {
  expect(received.map((r) => r.to.join(',')).sort()).toEqual(EXPECTED.map((e) => e.email).sort());
  const ids = received.map((r) => r.parsed.messageId);
  expect(new Set(ids).size).toBe(EXPECTED.length);
  expect(ids.every((id) => id !== undefined)).toBe(true);
}

import { afterEach, describe, expect, test } from 'vitest';
import { cli } from '../../job/cli.js';
import { EXPECTED, EXPECTED_KEYS, jobRepo, TODAY } from '../../job/fixture.js';
import { PASSWORD, startSmtpServer, USER, type Script, type SmtpServerOptions, type TestSmtpServer } from '../../notify/mail/smtp-server.js';
import { loadLedger } from '../kill/content-repo.js';
import { closedPort, startRawSmtp } from './raw-smtp.js';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(script?: Script, options?: SmtpServerOptions): Promise<TestSmtpServer> {
  const s = await startSmtpServer(script, options);
  cleanup.push(() => s.close());
  return s;
}

const urlFor = (port: number, scheme = 'smtp') => `${scheme}://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`;
/** Short waits, so a stalled server costs half a second per attempt rather than half a minute. */
const FAST = { PAGECARE_SMTP_TIMEOUT: '0.5' };

function remind(root: string, url: string, env: Record<string, string> = {}) {
  return cli(['remind', '--today', TODAY], { cwd: root, env: { PAGECARE_SMTP_URL: url, ...env } });
}

interface Fault {
  name: string;
  /** The failing endpoint; `healthy` flips a scripted server back to normal for the rerun. */
  start: () => Promise<{ url: string; healthy?: TestSmtpServer; recover?: () => void }>;
  env?: Record<string, string>;
  /** Handles whose digest still goes through on the failing run. */
  delivered: string[];
  reason: RegExp;
  permanent: boolean;
}

const FAULTS: Fault[] = [
  {
    name: 'the connection is refused',
    start: async () => ({ url: urlFor(await closedPort()) }),
    delivered: [],
    reason: /ECONNREFUSED/,
    permanent: false,
  },
  {
    name: 'the server greets with 421 and hangs up',
    start: async () => {
      const raw = await startRawSmtp('refuse-421');
      cleanup.push(() => raw.close());
      return { url: urlFor(raw.port) };
    },
    delivered: [],
    reason: /421/,
    permanent: false,
  },
  {
    name: 'the server accepts the connection and never answers (greeting timeout)',
    start: async () => {
      const raw = await startRawSmtp('silent');
      cleanup.push(() => raw.close());
      return { url: urlFor(raw.port) };
    },
    env: FAST,
    delivered: [],
    reason: /Greeting never received/,
    permanent: false,
  },
  {
    name: 'the server takes the second message and never acknowledges it (socket timeout)',
    start: async () => {
      let broken = true;
      const s = await server(({ stage, attempt }) => (broken && stage === 'data' && attempt === 2 ? 'stall' : undefined));
      return { url: s.url(), healthy: s, recover: () => (broken = false) };
    },
    env: FAST,
    delivered: ['content-lead', 'net-clinical'],
    reason: /Timeout/i,
    permanent: false,
  },
  {
    name: 'the server offers STARTTLS with a certificate the client cannot trust (self-signed, expired)',
    start: async () => {
      const s = await server(undefined, { selfSignedStartTls: true });
      return { url: s.url() };
    },
    delivered: [],
    // smtp-server's built-in certificate is self-signed and, since 2025, expired: either refusal will do.
    reason: /TLS failed \((certificate has expired|self[- ]signed certificate[^)]*)\); the server's certificate is not trusted/,
    permanent: true,
  },
  {
    name: 'smtps:// meets a server that does not speak TLS (handshake fails)',
    start: async () => {
      const s = await server();
      return { url: urlFor(s.port, 'smtps') };
    },
    delivered: [],
    reason: /TLS failed \(wrong version number\)/,
    permanent: true,
  },
];

describe('SMTP faults at job level: the failing run exits 1 and records only what was accepted; a healthy rerun sends each missing reminder once', () => {
  test.each(FAULTS)('$name', async (fault) => {
    const root = jobRepo();
    const { url, healthy, recover } = await fault.start();
    const started = Date.now();
    const failing = await remind(root, url, fault.env);
    const elapsed = Date.now() - started;

    expect(failing.status).toBe(1);
    const failed = EXPECTED.filter((e) => !fault.delivered.includes(e.handle));
    expect(failing.stdout).toContain(`reminders: ${fault.delivered.length} sent`);
    expect(failing.stdout).toContain(`${failed.length} failed`);
    const next = fault.permanent ? 'refused by the server; check the address, the next run tries again' : 'the next run tries again';
    for (const e of failed) {
      const line = failing.stdout.split('\n').find((l) => l.includes(`not sent to ${e.handle} <${e.email}>`));
      expect(line, e.handle).toMatch(fault.reason);
      expect(line).toContain(`(${next})`);
    }
    // Only what the server accepted is in the ledger, and the ledger is a valid ledger.
    const recorded = Object.keys(loadLedger(root));
    for (const e of EXPECTED) expect(recorded.some((key) => key.endsWith(`|${e.handle}`)), e.handle).toBe(fault.delivered.includes(e.handle));
    expect(`${failing.stdout}${failing.stderr}`).not.toContain(PASSWORD);
    expect(`${failing.stdout}${failing.stderr}`).not.toContain(encodeURIComponent(PASSWORD));
    // Every wait is bounded: a dead server costs seconds, not a hung job.
    expect(elapsed).toBeLessThan(10_000);

    recover?.();
    const good = healthy ?? (await server());
    const before = good.received.length;
    const rerun = await remind(root, good.url());
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(`reminders: ${failed.length} sent`);
    expect(good.received.slice(before).map((r) => r.to)).toEqual(failed.map((e) => [e.email]));
    // Across both runs: one message per recipient, none twice.
    expect(good.received.map((r) => r.to[0]).sort()).toEqual((healthy ? EXPECTED : failed).map((e) => e.email).sort());
    expect(new Set(good.received.map((r) => r.parsed.messageId)).size).toBe(good.received.length);
    expect(Object.keys(loadLedger(root)).sort()).toEqual(EXPECTED_KEYS);
  });

  test('an unusable PAGECARE_SMTP_TIMEOUT stops the command before anything is sent', async () => {
    const s = await server();
    const root = jobRepo();
    const result = await remind(root, s.url(), { PAGECARE_SMTP_TIMEOUT: 'soon' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid PAGECARE_SMTP_TIMEOUT "soon"; expected a number of seconds above 0');
    expect(s.attempts.mail).toBe(0);
  });
});

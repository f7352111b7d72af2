import net from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { renderDigest } from '../../../src/notify/digest.js';
import { MailError, type Mailer, type OutgoingMail } from '../../../src/notify/mailer.js';
import { createSmtpMailer, parseSmtpUrl, requiresStartTls, type SmtpMailerOptions } from '../../../src/notify/smtp-mailer.js';
import { CONTEXT, digest, item, sampleDigest } from './fixtures.js';
import { PASSWORD, USER, startSmtpServer, type Script, type TestSmtpServer } from './smtp-server.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(script?: Script): Promise<TestSmtpServer> {
  const s = await startSmtpServer(script);
  cleanup.push(() => s.close());
  return s;
}

/** A mailer with recorded (not slept) backoff and tight timeouts. */
function mailer(url: string, options: Partial<SmtpMailerOptions> = {}): { mailer: Mailer; waits: number[] } {
  const waits: number[] = [];
  const m = createSmtpMailer({
    url,
    retries: 3,
    backoffMs: 10,
    sleep: async (ms) => void waits.push(ms),
    timeouts: { connection: 2000, greeting: 2000, socket: 2000 },
    ...options,
  });
  cleanup.push(() => m.close());
  return { mailer: m, waits };
}

async function failure(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const hostile = digest([
  item({ id: 'xss', title: '<script>alert(1)</script> & more', due: '2026-05-25', findings: { errors: 1, warnings: 0, infos: 0 } }),
  item({ id: 'calm', title: 'Living with NET', due: '2026-07-01' }),
]);

describe('SMTP delivery', () => {
  test('a digest arrives intact: recipients, subject, both parts, Message-ID and headers', async () => {
    const s = await server();
    const { mailer: m } = mailer(s.url());
    expect(m.kind).toBe('smtp');
    expect(m.description).toBe(`smtp://127.0.0.1:${s.port}`);
    const mail = renderDigest(hostile, CONTEXT);
    await m.send(mail);

    expect(s.received).toHaveLength(1);
    const [got] = s.received;
    expect(got!.user).toBe(USER);
    expect(got!.to).toEqual(['jo.smith@example.org']);
    expect(got!.from).toBe('pagecare@example.org');
    const parsed = got!.parsed;
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { name: 'Jo Smith', address: 'jo.smith@example.org' },
    ]);
    expect(parsed.from?.value).toEqual([{ name: 'pagecare', address: 'pagecare@example.org' }]);
    expect(parsed.subject).toBe('[pagecare] 2 pages due for review (1 overdue)');
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.headers.get('x-pagecare-digest')).toBe('jsmith');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toContain('* <script>alert(1)</script> & more\n  Due: 2026-05-25 (7 days overdue)\n  Page checks: 1 error');
    expect(parsed.text).toContain('https://github.com/example-org/patient-info/blob/main/content/pages/calm.md');
    const html = String(parsed.html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="https://github.com/example-org/patient-info/blob/main/content/pages/xss.md"');
  });

  test('a mail with no sender goes out from the configured one', async () => {
    const s = await server();
    const { mailer: m } = mailer(s.url(), { from: 'Site team <site@example.org>' });
    await m.send({ ...renderDigest(sampleDigest(), CONTEXT), from: '' });
    expect(s.received[0]!.parsed.from?.value).toEqual([{ name: 'Site team', address: 'site@example.org' }]);
  });
});

describe('transient failures are retried with exponential backoff', () => {
  test('421 at MAIL FROM, then accepted: delivered once', async () => {
    const s = await server(({ stage, attempt }) => (stage === 'mail' && attempt === 1 ? 421 : undefined));
    const { mailer: m, waits } = mailer(s.url());
    await m.send(renderDigest(sampleDigest(), CONTEXT));
    expect(s.received).toHaveLength(1);
    expect(s.attempts.mail).toBe(2);
    expect(waits).toEqual([10]);
  });

  test('451 after DATA twice, then accepted: delivered once', async () => {
    const s = await server(({ stage, attempt }) => (stage === 'data' && attempt <= 2 ? 451 : undefined));
    const { mailer: m, waits } = mailer(s.url());
    await m.send(renderDigest(sampleDigest(), CONTEXT));
    expect(s.received).toHaveLength(1);
    expect(s.attempts.data).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  test('451 every time: gives up after the retries, as a transient MailError', async () => {
    const s = await server(({ stage }) => (stage === 'rcpt' ? 451 : undefined));
    const { mailer: m, waits } = mailer(s.url(), { retries: 2 });
    const error = await failure(m.send(renderDigest(sampleDigest(), CONTEXT)));
    expect(error.permanent).toBe(false);
    expect(error.responseCode).toBe(451);
    expect(error.message).toMatch(/^Could not send to jo\.smith@example\.org via smtp:\/\/127\.0\.0\.1:\d+ after 3 attempts: .*451/);
    expect(s.attempts.rcpt).toBe(3);
    expect(waits).toEqual([10, 20]);
    expect(s.received).toHaveLength(0);
  });

  test('connection refused (a closed port) is retried, then reported', async () => {
    const port = await closedPort();
    const { mailer: m, waits } = mailer(`smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`, { retries: 2 });
    const error = await failure(m.send(renderDigest(sampleDigest(), CONTEXT)));
    expect(error.permanent).toBe(false);
    expect(error.code).toBe('ESOCKET');
    expect(error.message).toContain('ECONNREFUSED');
    expect(waits).toEqual([10, 20]);
  });

  test('a server that stalls past the socket timeout is dropped and retried', async () => {
    const s = await server(({ stage }) => (stage === 'data' ? 'stall' : undefined));
    const { mailer: m, waits } = mailer(s.url(), { retries: 1, timeouts: { connection: 2000, greeting: 2000, socket: 400 } });
    const started = Date.now();
    const error = await failure(m.send(renderDigest(sampleDigest(), CONTEXT)));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.permanent).toBe(false);
    expect(error.code).toBe('ETIMEDOUT');
    expect(s.attempts.data).toBe(2);
    expect(waits).toEqual([10]);
  });
});

describe('permanent failures are not retried', () => {
  test('550 for one recipient fails that mail alone; the next one is delivered', async () => {
    const s = await server(({ stage, address }) => (stage === 'rcpt' && address === 'gone@example.org' ? 550 : undefined));
    const { mailer: m, waits } = mailer(s.url());
    const gone = renderDigest(digest(sampleDigest().items, { handle: 'gone', email: 'gone@example.org' }), CONTEXT);
    const error = await failure(m.send(gone));
    expect(error.permanent).toBe(true);
    expect(error.responseCode).toBe(550);
    expect(error.message).toContain('gone@example.org');
    expect(s.attempts.rcpt).toBe(1);
    expect(waits).toEqual([]);

    await m.send(renderDigest(sampleDigest(), CONTEXT));
    expect(s.received.map((r) => r.to)).toEqual([['jo.smith@example.org']]);
  });

  test('smtps:// to a plain server is a TLS failure, reported once with a hint', async () => {
    const s = await server();
    const { mailer: m, waits } = mailer(s.url().replace('smtp://', 'smtps://'));
    expect(m.description).toBe(`smtps://127.0.0.1:${s.port}`);
    const error = await failure(m.send(renderDigest(sampleDigest(), CONTEXT)));
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/TLS failed \(wrong version number\); smtps:\/\/ speaks TLS from the start/);
    expect(waits).toEqual([]);
    expect(s.received).toHaveLength(0);
  });
});

describe('credentials never leak', () => {
  test('a wrong password fails for good, and no error surface holds the credentials', async () => {
    const wrong = 'Wr0ng pa$$:w@rd%';
    const s = await server();
    const { mailer: m, waits } = mailer(s.url(USER, wrong));
    expect(m.description).not.toContain(USER);
    const error = await failure(m.send(renderDigest(sampleDigest(), CONTEXT)));
    expect(error.permanent).toBe(true);
    expect(error.code).toBe('EAUTH');
    expect(error.responseCode).toBe(535);
    expect(waits).toEqual([]);
    // The test server echoes the login back in its reply; the redactor takes it out.
    expect(error.message).toContain('Invalid login ***:***');
    const surfaces = [error.message, String(error.stack), String(error), inspect(error), JSON.stringify(error)];
    for (const text of surfaces) {
      for (const secret of [wrong, encodeURIComponent(wrong), USER]) expect(text).not.toContain(secret);
    }
  });

  test('CR/LF in a name, title or header value cannot add a header or a recipient', async () => {
    const s = await server();
    const { mailer: m } = mailer(s.url());
    const sneaky = renderDigest(
      digest([item({ id: 'a', title: 'Title\r\nBcc: evil@example.com', due: '2026-07-01' })], {
        name: 'Jo\r\nBcc: evil@example.com',
        handle: 'jsmith\r\nX-Injected: 1',
      }),
      CONTEXT,
    );
    // Raw CR/LF straight into the mailer, past the renderer's own flattening.
    const raw: OutgoingMail = {
      ...sneaky,
      to: { name: 'Jo\r\nBcc: evil@example.com', email: 'jo.smith@example.org' },
      subject: 'Hi\r\nBcc: evil@example.com',
      headers: { 'X-Pagecare-Digest': 'jsmith\r\nX-Injected: 1', 'X-Bad\r\nBcc': 'evil@example.com' },
    };
    await m.send(sneaky);
    await m.send(raw);
    expect(s.received).toHaveLength(2);
    for (const got of s.received) {
      expect(got.to).toEqual(['jo.smith@example.org']);
      expect(got.parsed.headers.has('bcc')).toBe(false);
      expect(got.parsed.headers.has('x-injected')).toBe(false);
      expect(got.parsed.bcc).toBeUndefined();
    }
    expect(s.received[1]!.parsed.subject).toBe('Hi Bcc: evil@example.com');
  });
});

test('parseSmtpUrl reads host, port, TLS and percent-decoded credentials', () => {
  expect(parseSmtpUrl('smtp://bot%40example.org:p%40ss%3Aword@mail.example.org:2525')).toEqual({
    host: 'mail.example.org',
    port: 2525,
    secure: false,
    auth: { user: 'bot@example.org', pass: 'p@ss:word' },
    description: 'smtp://mail.example.org:2525',
  });
  expect(parseSmtpUrl('smtps://mail.example.org')).toMatchObject({ port: 465, secure: true, auth: undefined });
  expect(parseSmtpUrl('smtp://[::1]:25')).toMatchObject({ host: '::1', description: 'smtp://[::1]:25' });
  for (const bad of ['http://u:topsecret@host', 'smtp://u:topsecret@host/path', 'smtp://u:top%zzsecret@host', 'topsecret']) {
    expect(() => parseSmtpUrl(bad)).toThrow(/expected smtp:\/\/user:pass@host:port/);
    expect(() => parseSmtpUrl(bad)).not.toThrow(/topsecret|zzsecret/);
  }
});

describe('credentials and TLS', () => {
  test('smtp:// with a password insists on STARTTLS off this machine; smtps://, no password or loopback need not', () => {
    expect(requiresStartTls(parseSmtpUrl('smtp://user:secret@mail.example.org:587'))).toBe(true);
    expect(requiresStartTls(parseSmtpUrl('smtps://user:secret@mail.example.org'))).toBe(false);
    expect(requiresStartTls(parseSmtpUrl('smtp://mail.example.org:25'))).toBe(false);
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) expect(requiresStartTls(parseSmtpUrl(`smtp://user:secret@${host}:2525`))).toBe(false);
  });
});

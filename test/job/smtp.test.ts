import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { PASSWORD, startSmtpServer, USER, type Received, type Script, type TestSmtpServer } from '../notify/mail/smtp-server.js';
import { cli } from './cli.js';
import { CONFIG, EXPECTED, EXPECTED_KEYS, HOSTILE_TITLE, jobRepo, listFiles, readLedger, TODAY } from './fixture.js';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(script?: Script): Promise<TestSmtpServer> {
  const s = await startSmtpServer(script);
  servers.push(s);
  return s;
}

function run(root: string, s: TestSmtpServer, password = PASSWORD) {
  const env = { PAGECARE_SMTP_URL: s.url(USER, password), PAGECARE_MAIL_FROM: 'NET pages <pagecare@example.org>' };
  return cli(['run', '--today', TODAY], { cwd: root, env });
}

/** How many accepted messages each envelope recipient got. */
function perRecipient(received: readonly Received[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of received) for (const to of message.to) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
}

const ONE_EACH = Object.fromEntries(EXPECTED.map((e) => [e.email, 1]));

/** No form of `secret` in the run's output or in any file the run could have written. */
function expectNowhere(secret: string, root: string, ...outputs: string[]): void {
  const forms = [secret, encodeURIComponent(secret)];
  for (const text of outputs) for (const form of forms) expect(text).not.toContain(form);
  for (const file of listFiles(root)) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const form of forms) expect(text, file).not.toContain(form);
  }
}

describe('reminders through a real SMTP server', () => {
  test('one digest per recipient: envelope, subject, text and HTML parts, escaped titles, no password anywhere', async () => {
    const s = await server();
    const root = jobRepo();
    const result = await run(root, s);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`reminders: 3 sent (5 page mentions) via smtp://127.0.0.1:${s.port}, 0 failed`);

    expect(s.received.map((r) => r.to)).toEqual(EXPECTED.map((e) => [e.email]));
    for (const [i, { parsed, from, user }] of s.received.entries()) {
      const expected = EXPECTED[i]!;
      expect(user).toBe(USER);
      expect(from).toBe('pagecare@example.org');
      expect(parsed.from?.value).toEqual([{ name: 'NET pages', address: 'pagecare@example.org' }]);
      expect(parsed.subject).toBe(expected.subject);
      expect(parsed.headers.get('x-pagecare-digest')).toBe(expected.handle);
      expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@pagecare>$/);

      // Both parts, each naming the hostile page: raw in text, escaped in HTML.
      expect(parsed.text).toContain(HOSTILE_TITLE);
      const html = String(parsed.html);
      expect(html).toContain('Carcinoid &lt;script&gt;alert(1)&lt;/script&gt; syndrome');
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('href="https://git.example.org/nets/content/blob/main/content/pages/overdue.md"');
    }
    const jo = s.received[1]!.parsed;
    expect(jo.text).toContain('Pages you own');
    for (const title of ['Living with NET', 'Diet after surgery']) {
      expect(jo.text).toContain(title);
      expect(String(jo.html)).toContain(title);
    }
    expect(s.received[0]!.parsed.text).toContain('Overdue across the site');
    expect(s.received[2]!.parsed.text).toContain('Pages you review');
    expect(new Set(s.received.map((r) => r.parsed.messageId)).size).toBe(3);

    const ledger = readLedger(root);
    expect(Object.keys(ledger).sort()).toEqual(EXPECTED_KEYS);
    expect(ledger['overdue|2026-05-20|overdue-8|content-lead']!.messageId).toBe(s.received[0]!.parsed.messageId);
    expectNowhere(PASSWORD, root, result.stdout, result.stderr);
  });

  test('a server that echoes the credentials in its refusal: every digest fails, exit 1, the password shown nowhere', async () => {
    const s = await server();
    const root = jobRepo();
    const wrong = 'Wr0ng:p@ss/word';
    const result = await run(root, s, wrong);
    expect(result.status).toBe(1);
    expect(s.received).toHaveLength(0);
    expect(result.stdout).toContain('reminders: 0 sent (0 page mentions)');
    expect(result.stdout).toContain('3 failed');
    for (const e of EXPECTED) expect(result.stdout).toContain(`not sent to ${e.handle} <${e.email}>`);
    expect(result.stdout).toContain('535');
    expect(readLedger(root)).toEqual({});
    expectNowhere(wrong, root, result.stdout, result.stderr);
  });
});

describe('a failed send is retried by the next run, and only it', () => {
  const jo = 'jo.smith@example.org';
  const cases: Array<[string, number, RegExp]> = [
    [
      'a permanent refusal (550)',
      550,
      /not sent to jsmith <jo\.smith@example\.org>: Could not send to jo\.smith@example\.org via smtp:\/\/127\.0\.0\.1:\d+: .*550.* \(refused by the server; check the address, the next run tries again\)\n/,
    ],
    ['a transient refusal (451) beyond the retries', 451, /not sent to jsmith <jo\.smith@example\.org>: .*451.* \(the next run tries again\)\n/],
  ];
  test.each(cases)('%s of the second message', async (_name, code, line) => {
    let healthy = false;
    const s = await server(({ stage, address }) => (!healthy && stage === 'rcpt' && address === jo ? code : undefined));
    const root = jobRepo();

    const first = await run(root, s);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(line);
    expect(first.stdout).toContain('reminders: 2 sent (2 page mentions)');
    expect(first.stdout).toContain('1 failed');
    // The failure stopped no one: the third digest went out after it.
    expect(s.received.map((r) => r.to)).toEqual([['sam.patel@example.org'], ['nets@example.org']]);
    expect(Object.keys(readLedger(root)).some((key) => key.endsWith('|jsmith'))).toBe(false);

    healthy = true;
    const second = await run(root, s);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('reminders: 1 sent (3 page mentions)');
    expect(s.received).toHaveLength(3);
    expect(s.received[2]!.to).toEqual([jo]);
    expect(s.received[2]!.parsed.subject).toBe(EXPECTED[1].subject);
    expect(perRecipient(s.received)).toEqual(ONE_EACH);
    expect(Object.keys(readLedger(root)).sort()).toEqual(EXPECTED_KEYS);
  });

  test('a transient failure within mail.retries is retried in the same run', async () => {
    const s = await server(({ stage, attempt }) => (stage === 'data' && attempt === 2 ? 451 : undefined));
    const root = jobRepo({ 'pagecare.config.yml': CONFIG.replace('retries: 0', 'retries: 1') });
    const result = await run(root, s);
    expect(result.status).toBe(0);
    expect(s.attempts.data).toBe(4);
    expect(perRecipient(s.received)).toEqual(ONE_EACH);
  });
});

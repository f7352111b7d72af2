import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, expect, test } from 'vitest';
import { UsageError } from '../../../src/config/config-error.js';
import { configSchema, type ConfigInput } from '../../../src/config/schema.js';
import { createMailer, mailFrom } from '../../../src/notify/create-mailer.js';
import { renderDigest } from '../../../src/notify/digest.js';
import { CONTEXT, sampleDigest } from './fixtures.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
function setup(config: ConfigInput = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'pagecare-mailer-'));
  roots.push(root);
  return { root, config: configSchema.parse(config) };
}

test('PAGECARE_SMTP_URL selects SMTP, described without credentials', async () => {
  const mailer = createMailer({ PAGECARE_SMTP_URL: 'smtps://bot:hunter2hunter2@mail.example.org:465' }, setup(), () => '2026-06-01');
  expect(mailer.kind).toBe('smtp');
  expect(mailer.description).toBe('smtps://mail.example.org:465');
  await mailer.close();
});

test('with no SMTP URL (or an empty one, as an undefined CI secret gives) mail goes to the outbox under the root', async () => {
  for (const env of [{}, { PAGECARE_SMTP_URL: '', PAGECARE_MAIL_FROM: ' ' }]) {
    const resolved = setup();
    const mailer = createMailer(env, resolved, () => '2026-06-01');
    expect(mailer.kind).toBe('outbox');
    expect(mailer.description).toBe(path.join(resolved.root, 'reports', 'outbox'));
  }
  const resolved = setup({ mail: { outbox: 'out/mail' } });
  expect(createMailer({}, resolved, () => '2026-06-01').description).toBe(path.join(resolved.root, 'out', 'mail'));
});

test('the sender: PAGECARE_MAIL_FROM, then mail.from, then the default; the outbox dates files by the run\'s today', async () => {
  expect(mailFrom({}, setup())).toBe('pagecare <pagecare@localhost>');
  expect(mailFrom({}, setup({ mail: { from: 'Site <site@example.org>' } }))).toBe('Site <site@example.org>');
  expect(mailFrom({ PAGECARE_MAIL_FROM: 'Env <env@example.org>' }, setup({ mail: { from: 'Site <site@example.org>' } }))).toBe(
    'Env <env@example.org>',
  );

  const resolved = setup({ mail: { from: 'Site <site@example.org>' } });
  const mailer = createMailer({}, resolved, () => '2027-01-04');
  await mailer.send({ ...renderDigest(sampleDigest(), CONTEXT), from: '' });
  const dir = mailer.description;
  const [file] = readdirSync(dir);
  expect(file).toMatch(/^2027-01-04-jsmith-[0-9a-f]{12}\.eml$/);
  const parsed = await simpleParser(readFileSync(path.join(dir, file!)));
  expect(parsed.from?.value).toEqual([{ name: 'Site', address: 'site@example.org' }]);
});

test('an invalid PAGECARE_SMTP_URL is a UsageError that keeps the password to itself', () => {
  const cases = [
    'http://bot:Sup3rSecret@mail.example.org',
    'smtp://bot:Sup3rSecret@mail.example.org/extra',
    'smtp://bot:Sup3r%zzSecret@mail.example.org',
    'bot:Sup3rSecret@mail.example.org',
    'smtp://bot:Sup3rSecret@',
  ];
  for (const url of cases) {
    const error = (() => {
      try {
        createMailer({ PAGECARE_SMTP_URL: url }, setup(), () => '2026-06-01');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error, url).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Invalid PAGECARE_SMTP_URL: .*; expected smtp:\/\/user:pass@host:port/);
    expect(message).not.toMatch(/Sup3r|bot/);
    expect(String((error as Error).stack)).not.toMatch(/Sup3r/);
  }
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, expect, test } from 'vitest';
import { renderDigest } from '../../../src/notify/digest.js';
import { MailError } from '../../../src/notify/mailer.js';
import { createOutboxMailer } from '../../../src/notify/outbox-mailer.js';
import { CONTEXT, sampleDigest } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-outbox-'));
  dirs.push(dir);
  return dir;
}

test('each message becomes one .eml file that parses back with both parts', async () => {
  const dir = path.join(tempDir(), 'reports', 'outbox');
  const outbox = createOutboxMailer(dir, { today: () => '2026-06-01' });
  expect(outbox).toMatchObject({ kind: 'outbox', description: dir });
  const mail = renderDigest(sampleDigest(), CONTEXT);
  await outbox.send(mail);
  await outbox.close();

  const files = readdirSync(dir);
  const id = mail.messageId.slice(1, 13);
  expect(files).toEqual([`2026-06-01-jsmith-${id}.eml`]);
  const raw = readFileSync(path.join(dir, files[0]!));
  expect(raw.includes('\r\n')).toBe(false);
  const parsed = await simpleParser(raw);
  expect(parsed.subject).toBe('[pagecare] 3 pages due for review (1 overdue)');
  expect(parsed.messageId).toBe(mail.messageId);
  expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ name: 'Jo Smith', address: 'jo.smith@example.org' }]);
  expect(parsed.headers.get('x-pagecare-digest')).toBe('jsmith');
  expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  expect(parsed.text).toContain('Pages you own');
  expect(String(parsed.html)).toContain('<h2 style="font-size:18px;margin:24px 0 4px;">Pages you review</h2>');
});

test('sending the same message twice, even on another day, writes one file', async () => {
  const dir = tempDir();
  let today = '2026-06-01';
  const outbox = createOutboxMailer(dir, { today: () => today });
  const mail = renderDigest(sampleDigest(), CONTEXT);
  await outbox.send(mail);
  today = '2026-06-02';
  await outbox.send(mail);
  await Promise.all([outbox.send(mail), outbox.send(mail)]);
  expect(readdirSync(dir)).toHaveLength(1);

  await outbox.send({ ...mail, messageId: '<0123456789abcdef0123456789abcdef@pagecare>' });
  expect(readdirSync(dir).sort()).toEqual([
    '2026-06-01-jsmith-' + mail.messageId.slice(1, 13) + '.eml',
    '2026-06-02-jsmith-0123456789ab.eml',
  ].sort());
});

test('without a digest handle the file is named after the local part of the address', async () => {
  const dir = tempDir();
  const outbox = createOutboxMailer(dir, { today: () => '2026-06-01', from: 'Site <site@example.org>' });
  const mail = renderDigest(sampleDigest(), CONTEXT);
  await outbox.send({ ...mail, from: '', headers: {}, messageId: '<odd id with spaces>' });
  const [file] = readdirSync(dir);
  expect(file).toMatch(/^2026-06-01-jo\.smith-[0-9a-f]{12}\.eml$/);
  const parsed = await simpleParser(readFileSync(path.join(dir, file!)));
  expect(parsed.from?.value).toEqual([{ name: 'Site', address: 'site@example.org' }]);
});

test('a folder that cannot be written fails with a MailError', async () => {
  const blocker = path.join(tempDir(), 'not-a-folder');
  writeFileSync(blocker, '');
  const outbox = createOutboxMailer(path.join(blocker, 'outbox'));
  const error = await outbox.send(renderDigest(sampleDigest(), CONTEXT)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MailError);
  expect(error).toMatchObject({ permanent: false, code: 'ENOTDIR' });
});

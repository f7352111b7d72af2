import { expect, test } from 'vitest';
import { redactSecrets, smtpUrlSecrets } from '../../../src/notify/redact.js';

test('smtpUrlSecrets finds the user name and password as written, decoded and re-encoded', () => {
  expect(smtpUrlSecrets('smtp://bot%40example.org:p%40ss%3Aw0rd@mail.example.org:587')).toEqual([
    'bot%40example.org',
    'bot@example.org',
    'p%40ss%3Aw0rd',
    'p@ss:w0rd',
  ]);
  // Too broken for a URL parser, but the secrets are still found.
  expect(smtpUrlSecrets('smtps://mailer:hunter2 with spaces@@host:465')).toContain('hunter2 with spaces@');
  expect(smtpUrlSecrets('smtp://mailer:100%-stray@host')).toEqual(['mailer', '100%-stray', '100%25-stray']);
  expect(smtpUrlSecrets('smtp://mail.example.org:25')).toEqual([]);
});

test('redactSecrets masks every occurrence, longest secret first', () => {
  const secrets = smtpUrlSecrets('smtp://bot:p%40ss@host');
  expect(redactSecrets('login bot with p@ss (p%40ss) failed for bot', secrets)).toBe('login *** with *** (***) failed for ***');
  expect(redactSecrets('abcdef', ['abc', 'abcdef'])).toBe('***');
  expect(redactSecrets('nothing here', ['', 'absent'])).toBe('nothing here');
});

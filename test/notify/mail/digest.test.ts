import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { describeDaysLeft, describeFindings, renderDigest } from '../../../src/notify/digest.js';
import { CONTEXT, digest, item, sampleDigest } from './fixtures.js';

describe('renderDigest', () => {
  test('the subject counts pages and overdue ones, in a stable, filterable form', () => {
    expect(renderDigest(sampleDigest(), CONTEXT).subject).toBe('[pagecare] 3 pages due for review (1 overdue)');
    expect(renderDigest(digest([item({ id: 'a', due: '2026-07-01' })]), CONTEXT).subject).toBe(
      '[pagecare] 1 page due for review',
    );
    const late = digest([item({ id: 'a', due: '2026-05-01' }), item({ id: 'b', due: '2026-05-02' })]);
    expect(renderDigest(late, CONTEXT).subject).toBe('[pagecare] 2 pages due for review (2 overdue)');
  });

  test('the text part groups pages by role with due date, days left, findings and link', () => {
    const { text, to, from } = renderDigest(sampleDigest(), CONTEXT);
    expect(to).toEqual({ name: 'Jo Smith', email: 'jo.smith@example.org' });
    expect(from).toBe('pagecare <pagecare@example.org>');
    expect(text).toContain('Hello Jo Smith,');
    expect(text).toContain('3 pages need your attention, 1 of them past the review date.');
    expect(text.indexOf('Pages you own')).toBeLessThan(text.indexOf('Pages you review'));
    expect(text).not.toContain('Overdue across the site');
    expect(text).toContain('Review the page, then set last_reviewed to the review date and next_review to the next due date.');
    expect(text).toContain(
      [
        '* Treatment for small bowel NET',
        '  Due: 2026-05-20 (12 days overdue)',
        '  Page checks: 2 errors, 1 warning',
        '  https://github.com/example-org/patient-info/blob/main/content/pages/bowel-net.md',
      ].join('\n'),
    );
    expect(text).toContain('  Due: 2026-07-01 (in 30 days)\n  Page checks: no problems found');
    expect(text).toContain('* Scans & tests\n  Due: 2026-06-01 (due today)\n  Page checks: not checked');
  });

  test('escalation recipients get the overdue pages with their owners', () => {
    const lead = digest([item({ id: 'late', due: '2026-05-25', role: 'escalation', owner: 'jsmith', handle: 'lead' })], {
      handle: 'content-lead',
      name: 'Sam Patel',
      email: 'sam@example.org',
    });
    const { text, html } = renderDigest(lead, CONTEXT);
    expect(text).toContain('Overdue across the site');
    expect(text).toContain('  Due: 2026-05-25 (7 days overdue)\n  Owner: jsmith');
    expect(text).not.toContain('Pages you own');
    expect(html).toMatch(/<th scope="col"[^>]*>Owner<\/th>/);
  });

  test('without a repository URL, pages are named by path and nothing is linked', () => {
    const { text, html } = renderDigest(sampleDigest(), { ...CONTEXT, repositoryUrl: undefined });
    expect(text).toContain('  content/pages/bowel-net.md');
    expect(html).not.toContain('<a ');
  });

  test('links join the repository URL, branch and path, encoded', () => {
    const page = digest([item({ id: 'odd name#1', due: '2026-07-01' })]);
    const { text } = renderDigest(page, { ...CONTEXT, repositoryUrl: 'https://git.example.org/team/site/', branch: 'release/2026' });
    expect(text).toContain('https://git.example.org/team/site/blob/release/2026/content/pages/odd%20name%231.md');
  });

  test('page content is escaped in HTML and links only ever go to the repository', () => {
    const hostile = digest(
      [
        item({ id: 'xss', title: '<script>alert(1)</script>', due: '2026-07-01' }),
        item({ id: 'js', title: 'javascript:alert(1)', due: '2026-07-02' }),
        item({ id: 'attr', title: '"><img src=x onerror=alert(1)>', due: '2026-07-03' }),
      ],
      { name: '<b>Jo</b>' },
    );
    const { html } = renderDigest(hostile, CONTEXT);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Jo');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/github\.com\/example-org\/patient-info\/blob\/main\//);

    const { html: unlinked } = renderDigest(hostile, { ...CONTEXT, repositoryUrl: 'javascript:alert(1)//' });
    expect(unlinked).not.toContain('href=');
  });

  test('the HTML part is a simple table per section', () => {
    const { html } = renderDigest(sampleDigest(), CONTEXT);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<table /g)).toHaveLength(2);
    expect(html).toContain('<h2 style="font-size:18px;margin:24px 0 4px;">Pages you own</h2>');
    expect(html).toContain('12 days overdue');
    expect(html).toContain('Scans &amp; tests');
  });

  test('the Message-ID is a hash of the sorted ledger keys, whatever the order of items', () => {
    const d = sampleDigest();
    const keys = d.items.map((i) => i.ledgerKey).sort();
    const expected = `<${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32)}@pagecare>`;
    expect(renderDigest(d, CONTEXT).messageId).toBe(expected);
    expect(renderDigest({ ...d, items: [...d.items].reverse() }, CONTEXT).messageId).toBe(expected);
    expect(renderDigest({ ...d, items: d.items.slice(1) }, CONTEXT).messageId).not.toBe(expected);
  });

  test('headers name the digest and mark the mail as automatic', () => {
    expect(renderDigest(sampleDigest(), CONTEXT).headers).toMatchObject({
      'X-Pagecare-Digest': 'jsmith',
      'Auto-Submitted': 'auto-generated',
    });
  });

  test('CR/LF in anything bound for a header is flattened', () => {
    const sneaky = digest([item({ id: 'a', title: 'Title\r\nBcc: evil@example.com', due: '2026-07-01' })], {
      handle: 'jo\r\nX-Evil: 1',
      name: 'Jo\r\nBcc: evil@example.com',
      email: 'jo@example.org\nBcc: evil@example.com',
    });
    const mail = renderDigest(sneaky, { ...CONTEXT, from: 'pagecare <p@example.org>\r\nX-Evil: 1' });
    const headerValues = [mail.to.name, mail.to.email, mail.from, mail.subject, mail.messageId, ...Object.values(mail.headers ?? {})];
    for (const value of headerValues) expect(value).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('* Title Bcc: evil@example.com');
  });
});

test('days left and findings read as plain words', () => {
  expect([-12, -1, 0, 1, 30].map(describeDaysLeft)).toEqual([
    '12 days overdue',
    '1 day overdue',
    'due today',
    'in 1 day',
    'in 30 days',
  ]);
  expect(describeFindings(undefined)).toBe('not checked');
  expect(describeFindings({ errors: 2, warnings: 1, infos: 0 })).toBe('2 errors, 1 warning');
  expect(describeFindings({ errors: 1, warnings: 0, infos: 3 })).toBe('1 error, 3 notes');
  expect(describeFindings({ errors: 0, warnings: 0, infos: 0 })).toBe('no problems found');
});

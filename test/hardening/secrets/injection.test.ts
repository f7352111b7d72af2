import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli } from '../../job/cli.js';
import { recipients } from '../../job/fixture.js';
import { BASE_CONFIG, TODAY } from '../../job/pull-requests/fixture.js';
import { makeRepo, page } from '../../helpers/temp-repo.js';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';
import { startSmtpServer, type TestSmtpServer } from '../../notify/mail/smtp-server.js';

isolateGit();

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const EVIL = 'evil@example.com';
/** YAML double-quoted escapes: real CR and LF characters reach pagecare. */
const HOSTILE_TITLE = `"Carcinoid\\r\\nBcc: ${EVIL}\\r\\nX-Injected: 1 <script>alert(1)</script> <a href='javascript:alert(2)'>x</a>"`;
const EDITORS = `editors:
  jsmith: { name: "Jo Smith\\r\\nBcc: ${EVIL}\\nX-Injected: yes", email: jo.smith@example.org, github: jo-smith }
  content-lead: { name: "Sam <script>alert(3)</script>", email: sam.patel@example.org }
escalation: [content-lead]
`;

/** Pages whose file names are git options, due inside the pull-request window. */
const OPTION_PAGES = ['--upload-pack=touch pwned', '-rf', '--output=pwned-too'];

test('hostile titles, names and page ids through the whole job: no mail header or recipient added, HTML inert, no git option run', async () => {
  const files: Record<string, string> = {
    'pagecare.config.yml': `${BASE_CONFIG}pullRequests:\n  perRun: 10\n`,
    'content/editors.yml': EDITORS,
    '.gitignore': 'reports/\n.pagecare/\n.pagecare-cache/\n',
    'content/pages/hostile.md': page({ title: HOSTILE_TITLE, next_review: '2026-05-20' }),
  };
  for (const name of OPTION_PAGES) files[`content/pages/${name}.md`] = page({ title: `Page ${name}`, next_review: '2026-06-20' });
  const root = makeRepo(files);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'content');

  const run = await cli(['run', '--today', TODAY], { cwd: root, env: { PAGECARE_SMTP_URL: smtp.url() } });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('reminders: 2 sent');

  // Mail: exactly the intended envelope, no header of the page's choosing.
  expect(smtp.received.map((r) => r.to).sort()).toEqual([['jo.smith@example.org'], ['sam.patel@example.org']]);
  for (const mail of smtp.received) {
    // The header block as sent (the body may well wrap a line that starts "X-Injected:").
    const head = mail.raw.toString('latin1').split(/\r\n\r\n/)[0]!;
    expect(head).not.toMatch(/^(bcc|x-injected):/im);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    // The display name may quote the text, flattened to one line; the addresses are only the editor's.
    expect(recipients(mail.parsed)).toEqual(mail.to);
    expect(mail.parsed.cc).toBeUndefined();
    const html = String(mail.parsed.html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<a\s[^>]*href\s*=\s*["']?\s*javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }
  const subjects = smtp.received.map((r) => r.parsed.subject ?? '');
  expect(subjects.every((s) => !/[\r\n]/.test(s))).toBe(true);

  // The HTML report: the page's script and link are text; only the report's own script is there.
  const report = readFileSync(path.join(root, 'reports', 'review-schedule.html'), 'utf8');
  expect(report).not.toMatch(/<script>alert/i);
  expect(report).not.toMatch(/<a\s[^>]*href\s*=\s*["']?\s*javascript:/i);
  expect(report).toMatch(/(&lt;|&#x3C;)script>alert\(1\)/);
  expect(report.match(/<script/g)).toHaveLength(1);

  // Git: every review branch is a plain name, and no option reached git.
  const branches = git(root, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/pagecare/review').split('\n');
  expect(branches).toHaveLength(4);
  for (const branch of branches) expect(branch).toMatch(/^pagecare\/review\/[a-z0-9][a-z0-9-]*$/);
  expect(branches.some((b) => b.startsWith('pagecare/review/upload-pack-touch-pwned-'))).toBe(true);
  for (const dir of [root, path.join(root, 'content', 'pages'), process.cwd()]) {
    expect(readdirSync(dir).filter((name) => name.startsWith('pwned')), dir).toEqual([]);
  }
  expect(existsSync(path.join(root, '.git', 'pwned'))).toBe(false);
  expect(git(root, 'fsck', '--no-progress', '--connectivity-only')).toBe('');
  // Pull request text quotes the title inertly: no raw HTML, no new lines.
  const prFiles = readdirSync(path.join(root, 'reports', 'pull-requests')).filter((f) => f.endsWith('.md'));
  const hostilePr = prFiles.map((f) => readFileSync(path.join(root, 'reports', 'pull-requests', f), 'utf8')).find((t) => t.includes('Carcinoid'));
  expect(hostilePr).toBeDefined();
  expect(hostilePr).not.toMatch(/<script>|\nBcc: /);
});

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { git, isolateGit, makeRemote } from '../notify/ledger/git-repos.js';
import { startSmtpServer, type TestSmtpServer } from '../notify/mail/smtp-server.js';
import { EDITORS, GLOSSARY_CHEMO } from '../helpers/temp-repo.js';
import { cli } from './cli.js';
import { CONFIG, EXPECTED, EXPECTED_KEYS, ledgerFile, PAGES, TODAY } from './fixture.js';

isolateGit();

let s: TestSmtpServer;
beforeAll(async () => {
  s = await startSmtpServer();
});
afterAll(() => s.close());

/** The content repository on a bare remote, its config keeping the ledger on a branch there. */
function contentRemote() {
  const repos = makeRemote();
  const admin = repos.clone('admin');
  const files: Record<string, string> = {
    'pagecare.config.yml': `${CONFIG}ledger:\n  store: git\n`,
    'content/editors.yml': EDITORS,
    'content/glossary/chemotherapy.md': GLOSSARY_CHEMO,
    '.gitignore': 'reports/\n.pagecare/\n.pagecare-cache/\n',
    ...PAGES,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(admin, name)), { recursive: true });
    writeFileSync(path.join(admin, name), text);
  }
  git(admin, 'add', '-A');
  git(admin, 'commit', '--quiet', '-m', 'content');
  git(admin, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  return repos;
}

describe('ledger.store: git', () => {
  test('a fresh clone (a new CI runner) the same day sends nothing new: the ledger came from the remote branch', async () => {
    const repos = contentRemote();
    const env = { PAGECARE_SMTP_URL: s.url() };

    const runnerA = repos.clone('runner-a');
    const first = await cli(['run', '--today', TODAY], { cwd: runnerA, env });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('reminders: 3 sent');
    expect(first.stdout).toContain('ledger: git ledger.json on branch pagecare/ledger of origin');
    expect(s.received.map((r) => r.to)).toEqual(EXPECTED.map((e) => [e.email]));

    // The branch holds ledger.json alone; no local file ledger was used; main is untouched.
    expect(git(repos.remote, 'ls-tree', '--name-only', 'pagecare/ledger')).toBe('ledger.json');
    const remoteLedger = JSON.parse(git(repos.remote, 'show', 'pagecare/ledger:ledger.json')) as { entries: Record<string, unknown> };
    expect(Object.keys(remoteLedger.entries).sort()).toEqual(EXPECTED_KEYS);
    expect(existsSync(ledgerFile(runnerA))).toBe(false);
    expect(git(repos.remote, 'log', '--format=%s', 'main')).toBe('content\nseed');
    expect(git(runnerA, 'status', '--porcelain')).toBe('');
    const tip = git(repos.remote, 'rev-parse', 'pagecare/ledger');

    const runnerB = repos.clone('runner-b');
    const second = await cli(['run', '--today', TODAY], { cwd: runnerB, env });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('reminders: 0 sent');
    expect(s.received).toHaveLength(3);
    // Nothing new recorded, so the branch did not move.
    expect(git(repos.remote, 'rev-parse', 'pagecare/ledger')).toBe(tip);
  });
});

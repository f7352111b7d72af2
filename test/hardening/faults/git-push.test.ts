import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { runJob, type JobResult } from '../../../src/job/run-job.js';
import { parseLedger } from '../../../src/notify/ledger-file.js';
import { startFakeGitHub, type FakeGitHub } from '../../forge/github/fake-github.js';
import { contentRepos, githubEnv, OVERDUE, removeContentRepos, SOON, TODAY, type ContentRepos } from '../../job/pull-requests/fixture.js';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';
import { startSmtpServer, type TestSmtpServer } from '../../notify/mail/smtp-server.js';
import { EMAIL } from '../kill/content-repo.js';
import { accountDeliveries } from '../kill/deliveries.js';

// The real GitHub forge with its waits shrunk.
vi.mock(import('../../../src/forge/github-forge.js'), async (load) => (await import('../../job/pull-requests/fast-forge.js')).fastForge(await load()));

isolateGit();
afterAll(removeContentRepos);

let github: FakeGitHub;
let smtp: TestSmtpServer;
beforeEach(async () => {
  github = await startFakeGitHub();
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await github.close();
  await smtp.close();
});

const LEDGER_REF = 'refs/heads/pagecare/ledger';
const PATH = process.env.PATH ?? '';
const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
afterEach(() => {
  process.env.PATH = PATH;
});

/**
 * A stand-in for git, first on PATH: the first push that names `ref` finds
 * that someone else moved it on the remote an instant before, after pagecare
 * had fetched it, as when another runner or a person pushed meanwhile. (A
 * move inside a pre-receive hook would be refused by git's own ref lock even
 * for a forced push, so it could not tell a lease from a force.)
 */
function raceFirstPush(repos: ContentRepos, ref: string, to: string): () => boolean {
  const marker = path.join(repos.remote, 'raced');
  const shim = mkdtempSync(path.join(tmpdir(), 'pagecare-git-shim-'));
  writeFileSync(
    path.join(shim, 'git'),
    [
      '#!/bin/sh',
      `case " $* " in *" push "*"${ref}"*)`,
      `  if [ ! -e "${marker}" ]; then touch "${marker}"; "${REAL_GIT}" --git-dir="${repos.remote}" update-ref "${ref}" "${to}"; fi;;`,
      'esac',
      `exec "${REAL_GIT}" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path.join(shim, 'git'), 0o755);
  process.env.PATH = `${shim}${path.delimiter}${PATH}`;
  return () => existsSync(marker);
}

/** A commit made in a clone of its own and parked on the remote under refs/side/. */
function parkedCommit(repos: ContentRepos, make: (dir: string) => void): string {
  const dir = repos.clone(`other-${Math.random().toString(36).slice(2)}`);
  make(dir);
  git(dir, 'push', '--quiet', 'origin', 'HEAD:refs/side/parked');
  return git(dir, 'rev-parse', 'HEAD');
}

/** The job's reminders with the ledger on its branch, or its pull requests. */
function run(repos: ContentRepos, steps: 'remind' | 'pull requests'): Promise<JobResult> {
  return runJob({
    cwd: repos.root,
    today: TODAY,
    steps: steps === 'remind' ? { lint: false, reports: false, remind: true } : { lint: true, reports: false, remind: false, pullRequests: true },
    dryRun: false,
    env: { ...githubEnv(github), PAGECARE_SMTP_URL: smtp.url() },
    ledgerStore: 'git',
  });
}

function remoteLedger(repos: ContentRepos) {
  return parseLedger(git(repos.remote, 'show', `${LEDGER_REF}:ledger.json`), 'remote ledger');
}

describe('git push rejected as non-fast-forward', () => {
  test("the ledger branch moved by another run: pagecare starts again from that run's ledger and loses neither run's entries", async () => {
    const repos = contentRepos();
    const other = { sentAt: '2026-06-01T07:00:00.000Z', messageId: '<other-run@pagecare>' };
    const theirs = parkedCommit(repos, (dir) => {
      git(dir, 'checkout', '--quiet', '--orphan', 'other-ledger');
      git(dir, 'rm', '--quiet', '-rf', '.');
      writeFileSync(path.join(dir, 'ledger.json'), JSON.stringify({ version: 1, entries: { 'calm|2027-06-01|before-90|jsmith': other } }));
      git(dir, 'add', 'ledger.json');
      git(dir, 'commit', '--quiet', '-m', 'another runner');
    });
    const raced = raceFirstPush(repos, LEDGER_REF, theirs);

    const first = await run(repos, 'remind');
    expect(raced()).toBe(true);
    expect(first.send?.failed).toEqual([]);
    expect(first.send?.sent).toHaveLength(4);

    const ledger = remoteLedger(repos);
    const otherKey = 'calm|2027-06-01|before-90|jsmith';
    expect(ledger[otherKey]).toEqual(other);
    // Built on the other run's commit: one line of history, nothing replaced.
    expect(git(repos.remote, 'merge-base', '--is-ancestor', theirs, LEDGER_REF)).toBe('');
    // Each of this run's six reminders was mailed once and recorded; the other run's entry was kept as it was.
    const ours = Object.keys(ledger).filter((key) => key !== otherKey);
    expect(ours).toHaveLength(6);
    const account = accountDeliveries(smtp.received, ledger, EMAIL);
    expect(account.perKey).toEqual({ ...Object.fromEntries(ours.map((key) => [key, 1])), [otherKey]: 0 });
    expect(account.unaccounted).toEqual([]);

    // A fresh runner the same day: nothing to send.
    const again = await run(repos, 'remind');
    expect(again.send?.sent).toEqual([]);
    expect(smtp.received).toHaveLength(4);
  });

  test("a review branch a person pushed to meanwhile: pagecare's push is refused and the branch is never overwritten", async () => {
    const repos = contentRepos();
    const theirs = parkedCommit(repos, (dir) => {
      writeFileSync(path.join(dir, OVERDUE.path), 'Rewritten by the clinical team.\n');
      git(dir, '-c', 'user.name=Jo Smith', '-c', 'user.email=jo.smith@example.org', 'commit', '--quiet', '-am', 'Clinical edits');
    });
    const raced = raceFirstPush(repos, `refs/heads/${OVERDUE.branch}`, theirs);

    const first = await run(repos, 'pull requests');
    expect(raced()).toBe(true);
    const report = first.pullRequests?.report;
    // A failed page is counted as a failure (exit 1), and the others go on.
    expect(report?.failed.map((f) => f.branch)).toEqual([OVERDUE.branch]);
    expect(report?.failed[0]?.error).toMatch(/stale info/);
    expect(report?.created.map((pr) => pr.branch)).toEqual([SOON.branch]);
    expect(git(repos.remote, 'rev-parse', OVERDUE.branch)).toBe(theirs);

    const rerun = await run(repos, 'pull requests');
    expect(rerun.pullRequests?.report?.failed).toEqual([]);
    expect(rerun.pullRequests?.report?.foreign.map((f) => f.branch)).toEqual([OVERDUE.branch]);
    const last = await run(repos, 'pull requests');
    expect(last.pullRequests?.report?.foreign.map((f) => f.branch)).toEqual([OVERDUE.branch]);

    expect(git(repos.remote, 'rev-parse', OVERDUE.branch)).toBe(theirs);
    // No pull request is opened on a person's branch, and none twice.
    expect(github.pulls().map((p) => [p.head, p.state])).toEqual([[SOON.branch, 'open']]);
    expect(git(repos.remote, 'rev-list', '--count', `main..${SOON.branch}`)).toBe('1');
  });
});

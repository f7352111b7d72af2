import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { faults } from '../../forge/github/fake-github.js';
import { git } from '../../notify/ledger/git-repos.js';
import { cli } from '../cli.js';
import { listFiles } from '../fixture.js';
import { contentRepos, githubEnv, OVERDUE, PULLS, runPullRequests, SOON, TODAY, useFakeGitHub } from './fixture.js';

// In this process, the real GitHub forge with its waits shrunk; the CLI runs below keep GitHub's real pacing.
vi.mock(import('../../../src/forge/github-forge.js'), async (load) => (await import('./fast-forge.js')).fastForge(await load()));

const github = useFakeGitHub();

/** Everything a run leaves behind that a person or a CI log could read. */
function outputs(root: string, remote: string, printed: string[]): Record<string, string> {
  const texts: Record<string, string> = { stdout: printed[0] ?? '', stderr: printed[1] ?? '' };
  for (const file of listFiles(path.join(root, 'reports'))) texts[`reports/${file}`] = readFileSync(path.join(root, 'reports', file), 'utf8');
  const ledger = path.join(root, '.pagecare', 'ledger.json');
  if (existsSync(ledger)) texts.ledger = readFileSync(ledger, 'utf8');
  texts['remote history'] = git(remote, 'log', '--all', '-p', '--format=%H %an %ae%n%B');
  texts['sent to GitHub'] = JSON.stringify(github.server.requests.map((r) => r.body));
  return texts;
}

describe('the GitHub token', () => {
  test('never appears in stdout, stderr, reports, the ledger, git or what is sent to GitHub (pagecare run, GitHub pacing)', async () => {
    const repos = contentRepos({ config: 'pullRequests:\n  perRun: 1\n' });
    github.server.failNext('POST', PULLS, faults.secondaryRateLimit(403, 1));
    const run = await cli(['run', '--today', TODAY], { cwd: repos.root, env: githubEnv(github.server) });

    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`created #1 on branch ${OVERDUE.branch}: Review due: Carcinoid syndrome (by 2026-05-20)`);
    expect(run.stdout).toContain(`held back ${SOON.path}: limit of 1 new pull requests per run reached`);
    expect(run.stderr).toBe('pagecare: GitHub secondary rate limit on POST /repos/{owner}/{repo}/pulls: waiting 1 s\n');
    expect(github.server.pulls()).toHaveLength(1);
    // The reminders went to the outbox and were recorded, so the ledger and the mails are part of what is checked.
    expect(existsSync(path.join(repos.root, '.pagecare', 'ledger.json'))).toBe(true);

    const texts = outputs(repos.root, repos.remote, [run.stdout, run.stderr]);
    expect(Object.keys(texts).filter((name) => name.startsWith('reports/outbox/')).length).toBeGreaterThan(0);
    for (const [name, text] of Object.entries(texts)) expect(text.includes(github.server.token), name).toBe(false);
    expect(github.server.requests.every((r) => r.headers.authorization === `token ${github.server.token}`)).toBe(true);
  });

  test('a token GitHub rejects stops the run with a reason that does not repeat it', async () => {
    const repos = contentRepos();
    const wrong = 'ghp_notTheRightToken0123456789abcdefABCD';
    const run = await cli(['run', '--today', TODAY], { cwd: repos.root, env: { ...githubEnv(github.server), GITHUB_TOKEN: wrong } });

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/stopped early, the next run resumes: GitHub rejected the token .*\(401 Bad credentials\); check GITHUB_TOKEN/);
    for (const [name, text] of Object.entries(outputs(repos.root, repos.remote, [run.stdout, run.stderr]))) {
      expect(text.includes(wrong), name).toBe(false);
    }
    expect(github.server.pulls()).toEqual([]);
  });
});

describe('GitHub failing', () => {
  test('a secondary rate limit with retry-after and a 500 on creating a pull request are retried: one pull request each', async () => {
    const repos = contentRepos();
    github.server.failNext('POST', PULLS, faults.secondaryRateLimit(403, 1));
    github.server.failNext('POST', PULLS, faults.serverError(500));
    const run = await runPullRequests(repos.root, githubEnv(github.server));

    expect(run.summary).toContain(': 2 created, 0 updated, 0 unchanged, 0 closed');
    expect(run.log).toEqual(['GitHub secondary rate limit on POST /repos/{owner}/{repo}/pulls: waiting 1 s']);
    expect(github.server.count('POST', PULLS)).toBe(4);
    expect(github.server.pulls().map((p) => p.head)).toEqual([OVERDUE.branch, SOON.branch]);
    expect(run.result.pullRequests?.report?.stoppedEarly).toBeUndefined();
  });

  test("a listing that missed another run's pull requests: GitHub's 422 'already exists' leads to them, no second one", async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    await runPullRequests(repos.root, env);
    const before = github.server.pulls().map((p) => [p.number, p.head, p.title]);

    // As if another runner opened them between this run's look and its create: the list and both look-ups come back empty.
    github.server.failNext('GET', PULLS, { status: 200, body: [], times: 3 });
    const raced = await runPullRequests(repos.root, env);

    expect(raced.result.pullRequests?.report?.failed).toEqual([]);
    expect(raced.result.pullRequests?.report?.stoppedEarly).toBeUndefined();
    expect(github.server.count('POST', PULLS)).toBe(4);
    expect(github.server.pulls().map((p) => [p.number, p.head, p.title])).toEqual(before);
  });

  test('a hard rate limit stops the run cleanly with a summary line; the next run resumes', async () => {
    const repos = contentRepos();
    github.server.failNext('POST', PULLS, faults.primaryRateLimit(403, 3600));
    const stopped = await cli(['run', '--today', TODAY], { cwd: repos.root, env: githubEnv(github.server) });

    expect(stopped.status).toBe(0);
    expect(stopped.stderr).toBe('');
    expect(stopped.stdout).toContain(': 0 created, 0 updated, 0 unchanged, 0 closed');
    expect(stopped.stdout).toMatch(
      new RegExp(
        `^ {4}stopped early, the next run resumes: GitHub rate limit reached while trying to create the pull request for ${OVERDUE.branch} ` +
          '\\(403 API rate limit exceeded for installation ID 4242\\.\\); the quota resets at \\S+; stopping here, the next run resumes$',
        'm',
      ),
    );
    // Asked once, not retried, and nothing after it.
    expect(github.server.count('POST', PULLS)).toBe(1);
    expect(github.server.pulls()).toEqual([]);
    expect(github.server.requests.at(-1)).toMatchObject({ method: 'POST', path: PULLS });

    const resumed = await runPullRequests(repos.root, githubEnv(github.server));
    expect(resumed.summary).toContain(': 2 created, 0 updated, 0 unchanged, 0 closed');
    expect(resumed.summary).not.toContain('stopped early');
    expect(github.server.pulls().map((p) => [p.head, p.state])).toEqual([
      [OVERDUE.branch, 'open'],
      [SOON.branch, 'open'],
    ]);
    expect(git(repos.remote, 'rev-list', '--count', `main..${OVERDUE.branch}`)).toBe('1');
  });
});

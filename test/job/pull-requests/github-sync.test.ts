import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { git } from '../../notify/ledger/git-repos.js';
import { changeOnMain, commitAndPush, contentRepos, githubEnv, OVERDUE, PULLS, remoteRefs, runPullRequests, SOON, useFakeGitHub } from './fixture.js';

// The real GitHub forge with its waits shrunk.
vi.mock(import('../../../src/forge/github-forge.js'), async (load) => (await import('./fast-forge.js')).fastForge(await load()));

const github = useFakeGitHub();

const pullFor = (branch: string) => {
  const found = github.server.pulls().filter((p) => p.head === branch);
  expect(found, branch).toHaveLength(1);
  return found[0]!;
};

/** The lines a branch changes against main, without the diff's own headers. */
/** What the branch's one commit changes (against its own parent, wherever main has moved since). */
function changedLines(remote: string, branch: string): string[] {
  return git(remote, 'diff', '--unified=0', `${branch}^`, branch)
    .split('\n')
    .filter((line) => /^[-+](?![-+]{2} )/.test(line));
}

describe('review pull requests on GitHub', () => {
  test('the first run opens one pull request per page in the window; a second run creates and pushes nothing', async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    const first = await runPullRequests(repos.root, env);

    expect(first.result.pullRequests?.report?.failed).toEqual([]);
    expect(first.summary).toContain('pull requests (GitHub acme/patient-info at http://127.0.0.1:');
    expect(first.summary).toContain('2 created, 0 updated, 0 unchanged, 0 closed');
    expect(first.summary).toContain('created #1 on branch pagecare/review/overdue: Review due: Carcinoid syndrome (by 2026-05-20)');
    expect(first.summary).toContain('created #2 on branch pagecare/review/soon: Review due: Living with NET (by 2026-06-20)');
    expect(github.server.pulls().map((p) => [p.number, p.head, p.base, p.state])).toEqual([
      [1, OVERDUE.branch, 'main', 'open'],
      [2, SOON.branch, 'main', 'open'],
    ]);

    const overdue = pullFor(OVERDUE.branch);
    expect(overdue.title).toBe('Review due: Carcinoid syndrome (by 2026-05-20)');
    const body = overdue.body ?? '';
    expect(body).toContain('@jo-smith, [Carcinoid syndrome](https://git.example.org/nets/content/blob/main/content/pages/overdue.md)');
    expect(body).toContain('is due for review by **2026-05-20**.');
    expect(body).toContain('- `last_reviewed: 2026-06-01`\n- `next_review: 2029-06-01`');
    expect(body).toContain('- [ ] Clinical accuracy');
    expect(body).toContain('  - [ ] M Pavel and others: ESMO Clinical Practice Guidelines for neuroendocrine neoplasms (2020, 6 years old)');
    expect(body).toContain('  - [ ] A Rinke: Somatostatin analogues in carcinoid syndrome (2025, 1 year old)');
    expect(body).toContain('- [ ] Glossary terms');
    expect(body).toContain('- [ ] Plain language');
    // The review date itself is what the pull request is for, and its day count would change the body daily.
    expect(body).not.toMatch(/`review-overdue`/);
    expect(pullFor(SOON.branch).body).not.toMatch(/`review-due-soon`/);

    // Labelled and with reviewers: the owner's and the reviewers' GitHub logins; the clinical team has none.
    expect(overdue.labels).toEqual(['content-review']);
    expect(overdue.reviewers).toEqual(['jo-smith', 'ann-lee']);
    expect(pullFor(SOON.branch).reviewers).toEqual(['jo-smith']);

    // Each branch is one pagecare commit on main changing only the two review dates.
    const main = git(repos.remote, 'rev-parse', 'main');
    for (const { branch, path: file } of [OVERDUE, SOON]) {
      expect(git(repos.remote, 'rev-list', '--count', `main..${branch}`)).toBe('1');
      expect(git(repos.remote, 'rev-parse', `${branch}^`)).toBe(main);
      expect(git(repos.remote, 'diff', '--name-only', 'main', branch)).toBe(file);
      expect(git(repos.remote, 'log', '-1', '--format=%an <%ae>', branch)).toBe('pagecare <pagecare@localhost>');
    }
    expect(changedLines(repos.remote, OVERDUE.branch)).toEqual([
      '-last_reviewed: 2025-03-18',
      '-next_review: 2026-05-20',
      '+last_reviewed: 2026-06-01',
      '+next_review: 2029-06-01',
    ]);
    // The clone pagecare ran in is still on main with no tracked file changed.
    expect(git(repos.root, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(git(repos.root, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');

    const refs = remoteRefs(repos.remote);
    const pushes = repos.pushes();
    const requests = github.server.requests.length;
    const second = await runPullRequests(repos.root, env);

    expect(second.summary).toContain('0 created, 0 updated, 2 unchanged, 0 closed');
    expect(remoteRefs(repos.remote)).toBe(refs);
    expect(repos.pushes()).toEqual(pushes);
    const later = github.server.requests.slice(requests);
    expect(later.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(github.server.count('POST', PULLS)).toBe(2);
    expect(github.server.pulls()).toHaveLength(2);
  });

  test('a run on a later day keeps the proposed dates and the text: nothing is pushed or updated', async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    await runPullRequests(repos.root, env);
    const refs = remoteRefs(repos.remote);
    const pushes = repos.pushes();

    const nextDay = await runPullRequests(repos.root, env, '2026-06-02');
    expect(nextDay.summary).toContain(': 0 created, 0 updated, 2 unchanged, 0 closed');
    expect(remoteRefs(repos.remote)).toBe(refs);
    expect(repos.pushes()).toEqual(pushes);
    const body = pullFor(OVERDUE.branch).body ?? '';
    expect(body).toContain('<!-- pagecare:review id=overdue due=2026-05-20 proposed=2026-06-01 -->');
    expect(body).toContain('- `last_reviewed: 2026-06-01`\n- `next_review: 2029-06-01`');
    expect(github.server.count('POST', PULLS)).toBe(2);
  });

  test('a page changed on main refreshes its branch and its pull request, still one pull request', async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    await runPullRequests(repos.root, env);
    const number = pullFor(OVERDUE.branch).number;
    const soonChange = changedLines(repos.remote, SOON.branch);

    // Body text only: the branch is rebuilt on the new main with the new text.
    const page = readFileSync(path.join(repos.root, OVERDUE.path), 'utf8');
    commitAndPush(repos.root, { [OVERDUE.path]: page.replace('Some people have', 'Many people have') }, 'Wording');
    const second = await runPullRequests(repos.root, env);

    expect(second.summary).toMatch(/: 0 created, \d updated, \d unchanged, 0 closed/);
    expect(second.summary).toContain(`updated #${number} on branch ${OVERDUE.branch}`);
    const main = git(repos.remote, 'rev-parse', 'main');
    expect(git(repos.remote, 'rev-parse', `${OVERDUE.branch}^`)).toBe(main);
    expect(git(repos.remote, 'show', `${OVERDUE.branch}:${OVERDUE.path}`)).toContain('Many people have');
    expect(changedLines(repos.remote, OVERDUE.branch)).toHaveLength(4);
    // The other page's proposal is the same, so its branch is left where it was.
    expect(changedLines(repos.remote, SOON.branch)).toEqual(soonChange);
    expect(second.summary).not.toContain(`on branch ${SOON.branch}`);

    // A new lint finding: the pull request's body lists it.
    const text = readFileSync(path.join(repos.root, OVERDUE.path), 'utf8');
    commitAndPush(repos.root, { [OVERDUE.path]: `${text}\nSee [treatment](treatment.md).\n` }, 'Link');
    const third = await runPullRequests(repos.root, env);

    expect(third.summary).toMatch(/: 0 created, \d updated, \d unchanged, 0 closed/);
    expect(third.summary).toContain(`updated #${number} on branch ${OVERDUE.branch}`);
    const pull = pullFor(OVERDUE.branch);
    expect(pull.number).toBe(number);
    expect(pull.body).toMatch(/- line \d+: error `link-broken`: /);
    expect(pull.body).toContain('<!-- pagecare:review id=overdue due=2026-05-20 proposed=2026-06-01 -->');
    expect(git(repos.remote, 'show', `${OVERDUE.branch}:${OVERDUE.path}`)).toContain('See [treatment](treatment.md).');
    expect(github.server.count('POST', PULLS)).toBe(2);
    expect(github.server.pulls()).toHaveLength(2);
    // Reviewers are asked once, when the pull request is created.
    expect(github.server.count('POST', '/repos/acme/patient-info/pulls/{n}/requested_reviewers')).toBe(2);
  });

  test('a page reviewed another way has its pull request closed with a comment and its branch deleted', async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    await runPullRequests(repos.root, env);
    const number = pullFor(OVERDUE.branch).number;

    changeOnMain(repos.root, OVERDUE.path, 'next_review', '2029-01-15');
    const second = await runPullRequests(repos.root, env);

    const reason = 'the page was reviewed another way: its `next_review` is no longer inside the review window';
    expect(second.summary).toMatch(/: 0 created, \d updated, \d unchanged, 1 closed/);
    expect(second.summary).toContain(`closed #${number} (${OVERDUE.branch}): ${reason}`);
    const closed = pullFor(OVERDUE.branch);
    expect(closed.state).toBe('closed');
    expect(closed.mergedAt).toBeNull();
    expect(closed.comments.map((c) => c.body)).toEqual([`pagecare is closing this pull request: ${reason}.`]);
    expect(git(repos.remote, 'ls-remote', '--heads', '.', OVERDUE.branch)).toBe('');
    expect(git(repos.remote, 'ls-remote', '--heads', '.', SOON.branch)).not.toBe('');
    expect(pullFor(SOON.branch).state).toBe('open');

    // Nothing more to do on the next run: the closed pull request stays closed, nothing is reopened.
    const third = await runPullRequests(repos.root, env);
    expect(third.summary).toContain(': 0 created, 0 updated, 1 unchanged, 0 closed');
    expect(github.server.pulls()).toHaveLength(2);
  });
});

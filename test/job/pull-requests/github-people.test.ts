import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { git } from '../../notify/ledger/git-repos.js';
import { changeOnMain, commitAndPush, contentRepos, githubEnv, OVERDUE, personPushes, PULLS, runPullRequests, SOON, useFakeGitHub } from './fixture.js';

// The real GitHub forge with its waits shrunk.
vi.mock(import('../../../src/forge/github-forge.js'), async (load) => (await import('./fast-forge.js')).fastForge(await load()));

const github = useFakeGitHub();

const pullsFor = (branch: string) => github.server.pulls().filter((p) => p.head === branch);

describe('what people do is respected', () => {
  test("a person's push to a review branch is never overwritten, and pagecare says so once", async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    await runPullRequests(repos.root, env);
    const [pull] = pullsFor(OVERDUE.branch);
    const theirs = personPushes(repos, OVERDUE.branch, OVERDUE.path);

    const second = await runPullRequests(repos.root, env);
    expect(second.summary).toContain(`left alone ${OVERDUE.branch}: Jo Smith <jo.smith@example.org> pushed commit ${theirs}`);
    expect(git(repos.remote, 'rev-parse', OVERDUE.branch)).toBe(theirs);

    // Main moves and the page changes: pagecare would rebuild its own branch, but this one is the person's now.
    const page = readFileSync(path.join(repos.root, OVERDUE.path), 'utf8');
    commitAndPush(repos.root, { [OVERDUE.path]: page.replace('Some people have', 'Many people have') }, 'Wording');
    await runPullRequests(repos.root, env);
    await runPullRequests(repos.root, env);

    expect(git(repos.remote, 'rev-parse', OVERDUE.branch)).toBe(theirs);
    const after = pullsFor(OVERDUE.branch);
    expect(after).toHaveLength(1);
    expect(after[0]!.number).toBe(pull!.number);
    expect(after[0]!.state).toBe('open');
    const comments = after[0]!.comments.map((c) => c.body);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain(`pagecare will not update this branch again: Jo Smith <jo.smith@example.org> pushed commit ${theirs} to ${OVERDUE.branch}`);
    expect(comments[0]).toContain('The review is yours to finish here.');
    // The other page's pull request carries on as usual.
    expect(pullsFor(SOON.branch)).toHaveLength(1);
    expect(github.server.count('POST', PULLS)).toBe(2);
  });

  test('a pull request a person closed unmerged is not reopened for the same due date; a new due date gets a new one', async () => {
    const repos = contentRepos();
    const env = githubEnv(github.server);
    await runPullRequests(repos.root, env);
    const [closed] = pullsFor(OVERDUE.branch);
    github.server.closeByPerson(closed!.number);

    const second = await runPullRequests(repos.root, env);
    expect(second.summary).toContain(`held back ${OVERDUE.path}: pull request #${closed!.number} for this due date was closed by a person`);
    expect(second.summary).toContain(': 0 created,');
    expect(github.server.count('POST', PULLS)).toBe(2);
    expect(github.server.count('PATCH', `${PULLS}/{n}`)).toBe(0);
    expect(pullsFor(OVERDUE.branch).map((p) => p.state)).toEqual(['closed']);

    // Rescheduled, still inside the window: a new review, so a new pull request.
    changeOnMain(repos.root, OVERDUE.path, 'next_review', '2026-06-10');
    const third = await runPullRequests(repos.root, env);
    const pulls = pullsFor(OVERDUE.branch);
    expect(pulls.map((p) => [p.state, p.title])).toEqual([
      ['closed', 'Review due: Carcinoid syndrome (by 2026-05-20)'],
      ['open', 'Review due: Carcinoid syndrome (by 2026-06-10)'],
    ]);
    expect(third.summary).toContain(`created #${pulls[1]!.number} on branch ${OVERDUE.branch}`);
    expect(git(repos.remote, 'show', `${OVERDUE.branch}:${OVERDUE.path}`)).toMatch(/^next_review: 2029-06-01$/m);
  });

  test('the dashboard issue is created once, updated in place, and left closed once a person closes it', async () => {
    const repos = contentRepos({ config: 'dashboard: true\n' });
    const env = githubEnv(github.server);
    const first = await runPullRequests(repos.root, env);

    expect(github.server.issues()).toHaveLength(1);
    const [issue] = github.server.issues();
    expect(issue!.title).toBe('Content review dashboard');
    expect(first.summary).toContain(`dashboard #${issue!.number}: created`);
    expect(issue!.body).toContain('### Overdue\n\n- Carcinoid syndrome (`content/pages/overdue.md`): due 2026-05-20, owner jsmith');
    expect(issue!.body).toContain('### Review pull requests open');
    for (const pull of github.server.pulls()) expect(issue!.body).toContain(`- #${pull.number} Review due: `);

    const second = await runPullRequests(repos.root, env);
    expect(second.summary).toContain(`dashboard #${issue!.number}: unchanged`);
    expect(github.server.count('PATCH', '/repos/acme/patient-info/issues/{n}')).toBe(0);

    changeOnMain(repos.root, 'content/pages/later.md', 'next_review', '2026-05-25');
    const third = await runPullRequests(repos.root, env);
    expect(third.summary).toContain(`dashboard #${issue!.number}: updated`);
    expect(github.server.issues()).toHaveLength(1);
    expect(github.server.item(issue!.number)!.body).toContain('- Diet after surgery (`content/pages/later.md`): due 2026-05-25');
    expect(github.server.count('PATCH', '/repos/acme/patient-info/issues/{n}')).toBe(1);

    github.server.closeByPerson(issue!.number);
    const body = github.server.item(issue!.number)!.body;
    changeOnMain(repos.root, SOON.path, 'next_review', '2026-06-25');
    const fourth = await runPullRequests(repos.root, env);
    expect(fourth.summary).toContain(`dashboard #${issue!.number}: closed-by-person`);
    expect(github.server.issues()).toHaveLength(1);
    expect(github.server.item(issue!.number)).toMatchObject({ state: 'closed', body });
    expect(github.server.count('POST', '/repos/acme/patient-info/issues')).toBe(1);
  });
});

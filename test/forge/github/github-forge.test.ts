import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DASHBOARD_MARKER } from '../../../src/forge/github-forge.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { forgeFor } from './forge-options.js';

const BRANCH = 'pagecare/review/small-bowel/treatment';
const NEW_PR = { branch: BRANCH, base: 'main', title: 'Review due: Treatment (by 2026-07-01)', body: 'Please review.' };

let server: FakeGitHub;
let log: string[];
beforeEach(async () => {
  server = await startFakeGitHub({ collaborators: ['jo-smith', 'sam-patel'], teams: ['net-clinical'] });
  log = [];
});
afterEach(() => server.close());

describe('pull requests on GitHub', () => {
  it('creates a pull request, then finds it by its branch', async () => {
    const forge = forgeFor(server, log);
    expect(await forge.findPullRequest(BRANCH)).toBeUndefined();

    const created = await forge.createPullRequest(NEW_PR);
    expect(created).toEqual({
      number: 1,
      branch: BRANCH,
      base: 'main',
      title: NEW_PR.title,
      body: NEW_PR.body,
      state: 'open',
      merged: false,
      url: `${new URL(server.url).origin}/acme/patient-info/pull/1`,
      labels: [],
    });
    expect(await forge.findPullRequest(BRANCH)).toEqual(created);
    expect(server.requests.every((r) => r.headers.authorization === `token ${server.token}`)).toBe(true);
    expect(forge.description).toBe(`GitHub acme/patient-info at ${server.url}`);
  });

  it('returns the existing pull request when GitHub says one already exists, and opens no second', async () => {
    const forge = forgeFor(server, log);
    const first = await forge.createPullRequest(NEW_PR);
    const again = await forge.createPullRequest({ ...NEW_PR, title: 'Another title' });

    expect(again.number).toBe(first.number);
    expect(server.pulls()).toHaveLength(1);
    expect(server.count('POST', '/repos/acme/patient-info/pulls')).toBe(2);
  });

  it('finds the most recent pull request for a branch, closed or merged ones included', async () => {
    const forge = forgeFor(server, log);
    const first = await forge.createPullRequest(NEW_PR);
    server.closeByPerson(first.number);
    expect(await forge.findPullRequest(BRANCH)).toMatchObject({ number: first.number, state: 'closed', merged: false });

    const second = await forge.createPullRequest(NEW_PR);
    server.merge(second.number);
    expect(await forge.findPullRequest(BRANCH)).toMatchObject({ number: second.number, state: 'closed', merged: true });
    expect(await forge.findPullRequest('pagecare/review/other')).toBeUndefined();
  });

  it('lists open pull requests whose branch starts with a prefix, across pages', async () => {
    const forge = forgeFor(server, log);
    for (let i = 0; i < 105; i++) server.openPull({ head: `pagecare/review/page-${i}`, user: 'github-actions[bot]' });
    server.openPull({ head: 'feature/unrelated' });
    server.closeByPerson(1);

    const open = await forge.listOpenPullRequests('pagecare/review/');
    expect(open).toHaveLength(104);
    expect(open.every((p) => p.branch.startsWith('pagecare/review/') && p.state === 'open')).toBe(true);
    expect(server.count('GET', '/repos/acme/patient-info/pulls')).toBe(2);
  });

  it('updates title and body', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.createPullRequest(NEW_PR);
    const updated = await forge.updatePullRequest(number, { title: 'New title', body: 'New body' });

    expect(updated).toMatchObject({ number, title: 'New title', body: 'New body', state: 'open' });
    expect(server.item(number)).toMatchObject({ title: 'New title', body: 'New body' });
  });

  it('adds labels, keeping those a person put on', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.createPullRequest(NEW_PR);
    await forge.setLabels(number, ['urgent']);
    await forge.setLabels(number, ['content-review']);
    await forge.setLabels(number, []);

    expect(server.item(number)!.labels).toEqual(['urgent', 'content-review']);
    expect((await forge.findPullRequest(BRANCH))!.labels).toEqual(['urgent', 'content-review']);
    expect(server.count('POST', '/repos/acme/patient-info/issues/{n}/labels')).toBe(2);
  });

  it('requests reviewers: users as reviewers, org/team as team reviewers', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.createPullRequest(NEW_PR);
    await forge.requestReviewers(number, ['jo-smith', '@sam-patel', 'acme/net-clinical', 'jo-smith']);

    expect(server.item(number)).toMatchObject({ reviewers: ['jo-smith', 'sam-patel'], teams: ['net-clinical'] });
    const request = server.requests.find((r) => r.path.endsWith('/requested_reviewers'));
    expect(request!.body).toEqual({ reviewers: ['jo-smith', 'sam-patel'], team_reviewers: ['net-clinical'] });
    expect(log).toEqual([]);
  });

  it('asks the reviewers it can when one is not a collaborator, and logs the one it cannot', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.createPullRequest(NEW_PR);
    await forge.requestReviewers(number, ['jo-smith', 'stranger']);

    expect(server.item(number)!.reviewers).toEqual(['jo-smith']);
    expect(log).toEqual([
      `GitHub would not request a review from stranger on pull request #${number}: Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/patient-info repository.`,
    ]);
  });

  it('retries reviewers once when GitHub refuses them just after the create', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.createPullRequest(NEW_PR);
    server.failNext('POST', '/repos/acme/patient-info/pulls/{n}/requested_reviewers', {
      status: 422,
      body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'invalid', field: 'reviewers' }] },
    });
    await forge.requestReviewers(number, ['jo-smith']);

    expect(server.item(number)!.reviewers).toEqual(['jo-smith']);
    expect(server.count('POST', '/repos/acme/patient-info/pulls/{n}/requested_reviewers')).toBe(2);
    expect(log).toEqual([]);
  });

  it('retries the create once while GitHub has not yet seen the pushed branch', async () => {
    const forge = forgeFor(server, log);
    server.failNext('POST', '/repos/acme/patient-info/pulls', {
      status: 422,
      body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] },
    });
    const created = await forge.createPullRequest(NEW_PR);

    expect(created.number).toBe(1);
    expect(server.count('POST', '/repos/acme/patient-info/pulls')).toBe(2);
  });

  it('closes a pull request with a comment first', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.createPullRequest(NEW_PR);
    await forge.comment(number, 'A note.');
    await forge.closePullRequest(number, 'Reviewed another way: next_review left the window.');

    const item = server.item(number)!;
    expect(item.state).toBe('closed');
    expect(item.comments.map((c) => c.body)).toEqual(['A note.', 'Reviewed another way: next_review left the window.']);
    const writes = server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(writes.slice(-2)).toEqual([`POST /repos/acme/patient-info/issues/${number}/comments`, `PATCH /repos/acme/patient-info/pulls/${number}`]);
  });
});

describe('the dashboard issue', () => {
  const TITLE = 'Content review dashboard';

  it('is created once, then updated in place, then left unchanged', async () => {
    const forge = forgeFor(server, log);
    await forge.createPullRequest(NEW_PR);
    const created = await forge.ensureDashboard(TITLE, '## Overdue\n\n- page A\n');
    expect(created).toEqual({ number: 2, url: `${new URL(server.url).origin}/acme/patient-info/issues/2`, outcome: 'created' });
    expect(server.item(2)).toMatchObject({ kind: 'issue', title: TITLE });
    expect(server.item(2)!.body).toContain(DASHBOARD_MARKER);

    expect(await forge.ensureDashboard(TITLE, '## Overdue\n\n- page B\n')).toMatchObject({ number: 2, outcome: 'updated' });
    expect(server.item(2)!.body).toContain('page B');
    expect(await forge.ensureDashboard(TITLE, '## Overdue\n\n- page B\n')).toMatchObject({ number: 2, outcome: 'unchanged' });

    expect(server.issues()).toHaveLength(1);
    expect(server.count('PATCH', '/repos/acme/patient-info/issues/{n}')).toBe(1);
  });

  it('is recognised by its marker, not by an issue a person titled the same, and survives a rename', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.ensureDashboard(TITLE, 'v1');
    const item = server.item(number)!;
    item.title = 'Our review board';
    item.body = item.body!.replace(/\n/g, '\r\n');
    // A person's own issue with the same title comes later and must not be taken for the dashboard.
    server.openIssue({ title: TITLE, body: 'Question about the dashboard' });

    expect(await forge.ensureDashboard(TITLE, 'v1')).toMatchObject({ number, outcome: 'unchanged' });
    expect(await forge.ensureDashboard(TITLE, 'v2')).toMatchObject({ number, outcome: 'updated' });
    expect(server.item(number)!.title).toBe('Our review board');
    expect(server.issues()).toHaveLength(2);
  });

  it('is never recreated nor reopened once a person closed it', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.ensureDashboard(TITLE, 'v1');
    server.closeByPerson(number);

    expect(await forge.ensureDashboard(TITLE, 'v2')).toMatchObject({ number, outcome: 'closed-by-person' });
    expect(server.issues()).toHaveLength(1);
    expect(server.item(number)).toMatchObject({ state: 'closed' });
    expect(server.item(number)!.body).toContain('v1');
  });

  it('is found past the first page of issues', async () => {
    const forge = forgeFor(server, log);
    const { number } = await forge.ensureDashboard(TITLE, 'v1');
    for (let i = 0; i < 120; i++) server.openIssue();

    expect(await forge.ensureDashboard(TITLE, 'v1')).toMatchObject({ number, outcome: 'unchanged' });
    expect(server.issues()).toHaveLength(121);
    expect(server.count('GET', '/repos/acme/patient-info/issues')).toBe(3);
  });
});

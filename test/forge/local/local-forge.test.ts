import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ForgeError } from '../../../src/forge/forge.js';
import { closeByPerson, createLocalForge, markMerged, pullRequestFile } from '../../../src/forge/local-forge.js';

const BRANCH = 'pagecare/review/glossary/laparoscope';
const DIR = 'reports/pull-requests';

function makeRoot(): string {
  return mkdtempSync(path.join(tmpdir(), 'pagecare-forge-'));
}

const TITLE = 'Review due: Laparoscope (by 2026-07-01)';
const review = (branch = BRANCH) => ({ branch, base: 'main', title: TITLE, body: 'Please review.\n' });

function readState(root: string) {
  return JSON.parse(readFileSync(path.join(root, DIR, 'state.json'), 'utf8'));
}

describe('local forge', () => {
  it('creates a pull request, writes it as Markdown, and finds it by branch', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root });
    expect(forge.kind).toBe('local');
    expect(forge.description).toBe('local forge: pull requests written to reports/pull-requests/');
    expect(await forge.findPullRequest(BRANCH)).toBeUndefined();

    const pr = await forge.createPullRequest(review());
    expect(pr).toEqual({
      number: 1,
      branch: BRANCH,
      base: 'main',
      title: TITLE,
      body: 'Please review.\n',
      state: 'open',
      merged: false,
      url: 'reports/pull-requests/pagecare__review__glossary__laparoscope.md',
      labels: [],
    });
    expect(await forge.findPullRequest(BRANCH)).toEqual(pr);
    expect(readFileSync(path.join(root, pr.url), 'utf8')).toBe(
      [
        '# Review due: Laparoscope (by 2026-07-01)',
        '',
        '- Pull request: #1 (open)',
        `- Branch: \`${BRANCH}\` into \`main\``,
        '- Labels: none',
        '- Reviewers: none',
        '',
        'Please review.',
        '',
      ].join('\n'),
    );
  });

  it('returns the open pull request of a branch instead of opening a second', async () => {
    const forge = createLocalForge({ root: makeRoot() });
    const first = await forge.createPullRequest(review());
    const again = await forge.createPullRequest({ ...review(), title: 'Another title' });
    expect(again).toEqual(first);
    expect(await forge.listOpenPullRequests('pagecare/')).toHaveLength(1);
  });

  it('updates, labels, requests reviewers, comments and closes, in state and in the file', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root });
    const { number, url } = await forge.createPullRequest(review());

    const updated = await forge.updatePullRequest(number, { title: 'New title', body: 'New body.' });
    expect(updated).toMatchObject({ number, title: 'New title', body: 'New body.', state: 'open' });
    await forge.setLabels(number, ['content-review', 'content-review']);
    await forge.requestReviewers(number, ['jo-smith']);
    await forge.requestReviewers(number, ['jo-smith', 'sam-patel']);
    await forge.comment(number, 'Still due.');
    await forge.closePullRequest(number, 'Reviewed another way; closing.');

    const found = await forge.findPullRequest(BRANCH);
    expect(found).toMatchObject({ number, title: 'New title', state: 'closed', merged: false, labels: ['content-review'] });
    expect(readState(root).pullRequests[0]).toEqual({
      number,
      branch: BRANCH,
      base: 'main',
      title: 'New title',
      body: 'New body.',
      state: 'closed',
      merged: false,
      labels: ['content-review'],
      reviewers: ['jo-smith', 'sam-patel'],
      comments: ['Still due.', 'Reviewed another way; closing.'],
    });
    const file = readFileSync(path.join(root, url), 'utf8');
    expect(file).toContain('- Pull request: #1 (closed)');
    expect(file).toContain('- Labels: content-review');
    expect(file).toContain('- Reviewers: @jo-smith, @sam-patel');
    expect(file).toMatch(/## Comments\n\n---\n\nStill due\.\n\n---\n\nReviewed another way; closing\.\n$/);
    expect(await forge.listOpenPullRequests('pagecare/')).toEqual([]);
  });

  it('replaces labels as a whole set', async () => {
    const forge = createLocalForge({ root: makeRoot() });
    const { number } = await forge.createPullRequest(review());
    await forge.setLabels(number, ['a', 'b']);
    await forge.setLabels(number, ['content-review']);
    expect((await forge.findPullRequest(BRANCH))?.labels).toEqual(['content-review']);
  });

  it('keeps state across instances, and a new pull request after a closed one finds the newest', async () => {
    const root = makeRoot();
    const first = await createLocalForge({ root }).createPullRequest(review());
    await createLocalForge({ root }).closePullRequest(first.number, 'closing');

    const later = createLocalForge({ root });
    expect(await later.findPullRequest(BRANCH)).toMatchObject({ number: first.number, state: 'closed' });
    const second = await later.createPullRequest(review());
    expect(second.number).toBe(2);
    expect(await createLocalForge({ root }).findPullRequest(BRANCH)).toMatchObject({ number: 2, state: 'open' });
  });

  it('lists open pull requests by branch prefix', async () => {
    const forge = createLocalForge({ root: makeRoot() });
    await forge.createPullRequest(review('pagecare/review/a'));
    await forge.createPullRequest(review('pagecare/review/b'));
    await forge.createPullRequest(review('pagecare/fix-formatting'));
    const closed = await forge.createPullRequest(review('pagecare/review/c'));
    await forge.closePullRequest(closed.number, 'done');

    const open = await forge.listOpenPullRequests('pagecare/review/');
    expect(open.map((pr) => pr.branch)).toEqual(['pagecare/review/a', 'pagecare/review/b']);
  });

  it('sees what a person did: closed unmerged, or merged', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root });
    const a = await forge.createPullRequest(review('pagecare/review/a'));
    const b = await forge.createPullRequest(review('pagecare/review/b'));

    await closeByPerson({ root }, a.number);
    await markMerged({ root }, b.number);

    expect(await forge.findPullRequest('pagecare/review/a')).toMatchObject({ state: 'closed', merged: false });
    expect(await forge.findPullRequest('pagecare/review/b')).toMatchObject({ state: 'closed', merged: true });
    expect(readFileSync(path.join(root, b.url), 'utf8')).toContain('#2 (merged)');
    await expect(markMerged({ root }, 99)).rejects.toThrow(ForgeError);
  });

  it('runs concurrent changes one after another, losing none', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root });
    const other = createLocalForge({ root });
    const { number } = await forge.createPullRequest(review());
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? forge : other).comment(number, `c${i}`)));
    expect(readState(root).pullRequests[0].comments.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
    expect(readdirSync(path.join(root, DIR)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('uses another folder when told, and refuses invalid branch names', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root, dir: 'out/prs' });
    const pr = await forge.createPullRequest(review());
    expect(pr.url).toBe(`out/prs/${pullRequestFile(BRANCH)}`);
    expect(existsSync(path.join(root, 'out/prs/state.json'))).toBe(true);
    for (const branch of ['../../etc/x', '-x', 'a b']) {
      await expect(forge.createPullRequest(review(branch))).rejects.toThrow(/not a valid branch name/);
    }
  });

  it('stops with a ForgeError on a state file it cannot read', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root });
    await forge.createPullRequest(review());
    writeFileSync(path.join(root, DIR, 'state.json'), '{"version": 1, "pullRequests": [{"number": "one"}]}');
    await expect(forge.findPullRequest(BRANCH)).rejects.toThrow(ForgeError);
    writeFileSync(path.join(root, DIR, 'state.json'), 'not json');
    await expect(forge.listOpenPullRequests('')).rejects.toThrow(/not valid JSON/);
    await expect(forge.updatePullRequest(1, { title: 't', body: 'b' })).rejects.toThrow(ForgeError);
  });

  it('fails clearly on a pull request number it does not know', async () => {
    const forge = createLocalForge({ root: makeRoot() });
    await expect(forge.comment(7, 'x')).rejects.toThrow(/No local pull request #7/);
  });
});

describe('local dashboard', () => {
  it('is created, left unchanged, updated in place, and never recreated once a person closed it', async () => {
    const root = makeRoot();
    const forge = createLocalForge({ root });
    const file = path.join(root, DIR, 'dashboard.md');
    await forge.createPullRequest(review());

    const created = await forge.ensureDashboard('Content review dashboard', 'Overdue: none.');
    expect(created).toEqual({ number: 2, url: 'reports/pull-requests/dashboard.md', outcome: 'created' });
    expect(readFileSync(file, 'utf8')).toBe('# Content review dashboard\n\n- Issue: #2 (open)\n\nOverdue: none.\n');

    expect((await forge.ensureDashboard('Content review dashboard', 'Overdue: none.')).outcome).toBe('unchanged');
    const updated = await createLocalForge({ root }).ensureDashboard('Content review dashboard', 'Overdue: 1 page.');
    expect(updated).toEqual({ ...created, outcome: 'updated' });
    expect(readFileSync(file, 'utf8')).toContain('Overdue: 1 page.');

    await closeByPerson({ root }, created.number);
    expect(readFileSync(file, 'utf8')).toContain('#2 (closed)');
    const after = await forge.ensureDashboard('Content review dashboard', 'Overdue: 2 pages.');
    expect(after).toEqual({ ...created, outcome: 'closed-by-person' });
    expect(readFileSync(file, 'utf8')).toContain('Overdue: 1 page.');
    expect(readState(root).dashboard).toEqual({
      number: 2,
      title: 'Content review dashboard',
      body: 'Overdue: 1 page.',
      state: 'closed',
    });
    // The numbering stays shared: the next pull request is #3.
    expect((await forge.createPullRequest(review('pagecare/review/other'))).number).toBe(3);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { pullRequestFile } from '../../../src/forge/local-forge.js';
import { makeRepo } from '../../helpers/temp-repo.js';
import { git, isolateGit } from '../../notify/ledger/git-repos.js';
import { cli } from '../cli.js';
import { BASE_CONFIG, EDITORS, OVERDUE, PAGES, SOON, TODAY } from './fixture.js';

isolateGit();

/** No GitHub in the environment, whatever the machine running the tests has: the embedded local forge. */
const NO_GITHUB = { GITHUB_TOKEN: undefined, GITHUB_REPOSITORY: undefined, GITHUB_API_URL: undefined };

/** A content repository with no remote, its pages committed on main (a fresh clone on a fresh machine). */
function localRepo(): string {
  const root = makeRepo({ 'pagecare.config.yml': BASE_CONFIG, 'content/editors.yml': EDITORS, '.gitignore': 'reports/\n.pagecare/\n', ...PAGES });
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'content');
  return root;
}

const reviewBranches = (root: string) => git(root, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/pagecare/review');

describe('pagecare run with the local forge (what `npm start` does)', () => {
  test('twice makes each review branch exactly once, writes each pull request to reports/, and leaves the work tree and HEAD alone', async () => {
    const root = localRepo();
    const head = git(root, 'rev-parse', 'HEAD');

    const first = await cli(['run', '--today', TODAY], { cwd: root, env: NO_GITHUB });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('pull requests (local forge: pull requests written to reports/pull-requests/): 2 created, 0 updated, 0 unchanged, 0 closed');
    expect(first.stdout).toContain(`created #1 on branch ${OVERDUE.branch}: Review due: Carcinoid syndrome (by 2026-05-20)`);
    expect(first.stdout).toContain(`created #2 on branch ${SOON.branch}: Review due: Living with NET (by 2026-06-20)`);

    const branches = reviewBranches(root);
    expect(branches.split('\n').map((line) => line.split(' ')[0])).toEqual([`refs/heads/${OVERDUE.branch}`, `refs/heads/${SOON.branch}`]);
    for (const { branch, path: file } of [OVERDUE, SOON]) {
      expect(git(root, 'rev-parse', `${branch}^`)).toBe(head);
      expect(git(root, 'diff', '--name-only', 'main', branch)).toBe(file);
      expect(git(root, 'log', '-1', '--format=%an <%ae>', branch)).toBe('pagecare <pagecare@localhost>');
      expect(git(root, 'show', `${branch}:${file}`)).toMatch(/^last_reviewed: 2026-06-01\nnext_review: 2029-06-01$/m);

      const report = path.join(root, 'reports', 'pull-requests', pullRequestFile(branch));
      expect(existsSync(report), report).toBe(true);
      const text = readFileSync(report, 'utf8');
      expect(text).toMatch(/^# Review due: .* \(by \d{4}-\d{2}-\d{2}\)\n/);
      expect(text).toContain(`- Branch: \`${branch}\` into \`main\``);
      expect(text).toContain('- Labels: content-review');
      expect(text).toContain('@jo-smith');
    }
    expect(readFileSync(path.join(root, 'reports', 'pull-requests', pullRequestFile(OVERDUE.branch)), 'utf8')).toContain(
      '- Reviewers: @jo-smith, @ann-lee',
    );

    const second = await cli(['run', '--today', TODAY], { cwd: root, env: NO_GITHUB });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(': 0 created, 0 updated, 2 unchanged, 0 closed');
    expect(reviewBranches(root)).toBe(branches);

    // Branches were made from git objects: HEAD, the index and the tracked files are as they were (outputs are untracked).
    expect(git(root, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(root, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    expect(git(root, 'for-each-ref', '--format=%(refname)', 'refs/heads')).toBe(
      ['refs/heads/main', `refs/heads/${OVERDUE.branch}`, `refs/heads/${SOON.branch}`].join('\n'),
    );
  });
});

import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewBranchName } from '../../../src/forge/branch-name.js';
import { BranchError, deleteBranch, syncBranch, type SyncBranchOptions } from '../../../src/forge/review-branch.js';
import { createGit } from '../../../src/git/git-client.js';
import { git, isolateGit, makeRemote } from '../../notify/ledger/git-repos.js';

const BRANCH = 'pagecare/review/glossary/laparoscope';
const PAGE = 'content/glossary/laparoscope.md';
const PAGECARE = 'pagecare <pagecare@localhost>';

beforeAll(isolateGit);

/** Syncing BRANCH from `work` onto origin's main. */
function options(work: string, changes: Record<string, string>): SyncBranchOptions {
  return { git: createGit(work), remote: 'origin', base: 'main', branch: BRANCH, changes, message: 'm' };
}

/** A bare remote that logs every ref update it receives, and a clone to run pagecare in. */
function setup() {
  const repos = makeRemote();
  const work = repos.clone('work');
  writeFileSync(path.join(repos.remote, 'hooks', 'pre-receive'), '#!/bin/sh\ncat >> pushes.log\n');
  chmodSync(path.join(repos.remote, 'hooks', 'pre-receive'), 0o755);
  const log = path.join(repos.remote, 'pushes.log');
  const pushes = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  const sync = (changes: Record<string, string>, extra: Partial<SyncBranchOptions> = {}) =>
    syncBranch({ ...options(work, changes), message: 'Review due: Laparoscope', ...extra });
  return { repos, work, pushes, sync };
}

/** What a person does: commit on top of the branch in their own clone and push. */
function personPushes(repos: ReturnType<typeof makeRemote>, branch: string): string {
  const person = repos.clone(`person-${Math.random().toString(36).slice(2)}`);
  git(person, 'fetch', '--quiet', 'origin', `refs/heads/${branch}`);
  git(person, 'checkout', '--quiet', '-b', 'edit', 'FETCH_HEAD');
  writeFileSync(path.join(person, PAGE), 'Edited by a person.\n');
  git(person, '-c', 'user.name=Jo Smith', '-c', 'user.email=jo@example.org', 'commit', '--quiet', '-am', 'Clinical edits');
  git(person, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
  return git(person, 'rev-parse', 'HEAD');
}

describe('syncBranch with a remote', () => {
  it('creates the branch on the remote: one pagecare commit on base holding the change', async () => {
    const { repos, sync } = setup();
    const result = await sync({ [PAGE]: 'Reviewed.\n' });

    const remoteRef = `refs/heads/${BRANCH}`;
    expect(result).toEqual({ status: 'created', sha: git(repos.remote, 'rev-parse', remoteRef) });
    expect(git(repos.remote, 'rev-parse', `${remoteRef}^`)).toBe(git(repos.remote, 'rev-parse', 'main'));
    expect(git(repos.remote, 'rev-list', '--count', `main..${remoteRef}`)).toBe('1');
    expect(git(repos.remote, 'show', `${remoteRef}:${PAGE}`)).toBe('Reviewed.');
    expect(git(repos.remote, 'diff', '--name-only', 'main', remoteRef)).toBe(PAGE);
    expect(git(repos.remote, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', remoteRef)).toBe(`${PAGECARE}|${PAGECARE}`);
    expect(git(repos.remote, 'log', '-1', '--format=%B', remoteRef)).toBe(`Review due: Laparoscope\n\nPagecare-Branch: ${BRANCH}`);
  });

  it('is unchanged on a rerun with the same change: no new commit, no push', async () => {
    const { repos, pushes, sync } = setup();
    const first = await sync({ [PAGE]: 'Reviewed.\n' });
    const pushed = pushes().length;
    const again = await sync({ [PAGE]: 'Reviewed.\n' });

    expect(again).toEqual({ status: 'unchanged', sha: first.sha });
    expect(pushes()).toHaveLength(pushed);
    expect(git(repos.remote, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(first.sha);
  });

  it('replaces its own commit when the change differs, still one commit on base', async () => {
    const { repos, sync } = setup();
    const first = await sync({ [PAGE]: 'Reviewed.\n' });
    const second = await sync({ [PAGE]: 'Reviewed again.\n' });

    expect(second.status).toBe('updated');
    expect(second.sha).not.toBe(first.sha);
    expect(git(repos.remote, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(second.sha);
    expect(git(repos.remote, 'rev-parse', `${second.sha}^`)).toBe(git(repos.remote, 'rev-parse', 'main'));
    expect(git(repos.remote, 'show', `refs/heads/${BRANCH}:${PAGE}`)).toBe('Reviewed again.');
  });

  it('leaves a branch that already proposes the same change alone when base has moved on', async () => {
    const { repos, sync } = setup();
    const first = await sync({ [PAGE]: 'Reviewed.\n' });
    const other = repos.clone('other');
    writeFileSync(path.join(other, 'NEWS.md'), 'news\n');
    git(other, 'add', 'NEWS.md');
    git(other, 'commit', '--quiet', '-m', 'news');
    git(other, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');

    const result = await sync({ [PAGE]: 'Reviewed.\n' });
    expect(result).toEqual({ status: 'unchanged', sha: first.sha });
  });

  it('rebuilds on the new base tip when the change differs', async () => {
    const { repos, sync } = setup();
    await sync({ [PAGE]: 'Reviewed.\n' });
    const other = repos.clone('other');
    writeFileSync(path.join(other, 'NEWS.md'), 'news\n');
    git(other, 'add', 'NEWS.md');
    git(other, 'commit', '--quiet', '-m', 'news');
    git(other, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');

    const result = await sync({ [PAGE]: 'Reviewed again.\n' });
    expect(result.status).toBe('updated');
    expect(git(repos.remote, 'rev-parse', `${result.sha}^`)).toBe(git(other, 'rev-parse', 'HEAD'));
    expect(git(repos.remote, 'rev-list', '--count', `main..refs/heads/${BRANCH}`)).toBe('1');
    expect(git(repos.remote, 'show', `${result.sha}:NEWS.md`)).toBe('news');
  });

  it("never overwrites a person's push, on this run or any later one", async () => {
    const { repos, pushes, sync } = setup();
    await sync({ [PAGE]: 'Reviewed.\n' });
    const theirs = personPushes(repos, BRANCH);
    const pushed = pushes().length;

    const result = await sync({ [PAGE]: 'Reviewed.\n' });
    expect(result.status).toBe('foreign');
    expect(result.sha).toBe(theirs);
    expect(result.note).toContain('Jo Smith <jo@example.org>');
    expect(result.note).toContain(theirs);

    expect((await sync({ [PAGE]: 'Something else.\n' })).status).toBe('foreign');
    expect(git(repos.remote, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(theirs);
    expect(pushes()).toHaveLength(pushed);
  });

  it('loses a race rather than overwriting: the push carries a lease on what it fetched', async () => {
    const { repos, sync } = setup();
    const first = await sync({ [PAGE]: 'Reviewed.\n' });
    // Another run moves the branch just as this push arrives (after this run's fetch).
    const moved = git(repos.remote, 'commit-tree', '-p', 'main', '-m', 'other run', `${first.sha}^{tree}`);
    const ref = `refs/heads/${BRANCH}`;
    const env = 'env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES';
    const hook = `#!/bin/sh\ncat >/dev/null\n${env} git update-ref ${ref} ${moved}\n`;
    writeFileSync(path.join(repos.remote, 'hooks', 'pre-receive'), hook);

    await expect(sync({ [PAGE]: 'Reviewed again.\n' })).rejects.toThrow(/cannot lock ref/);
    expect(git(repos.remote, 'rev-parse', ref)).toBe(moved);
  });

  it('leaves the work tree, index and HEAD exactly as they were', async () => {
    const { work, sync } = setup();
    mkdirSync(path.join(work, 'content/glossary'), { recursive: true });
    writeFileSync(path.join(work, PAGE), 'Local draft.\n');
    writeFileSync(path.join(work, 'staged.md'), 'staged\n');
    git(work, 'add', 'staged.md');
    const before = {
      head: git(work, 'rev-parse', 'HEAD'),
      symbolic: git(work, 'symbolic-ref', 'HEAD'),
      status: git(work, 'status', '--porcelain'),
      index: git(work, 'ls-files', '--stage'),
    };

    await sync({ [PAGE]: 'Reviewed.\n', 'README.md': '# changed\n' });

    expect(git(work, 'rev-parse', 'HEAD')).toBe(before.head);
    expect(git(work, 'symbolic-ref', 'HEAD')).toBe(before.symbolic);
    expect(git(work, 'status', '--porcelain')).toBe(before.status);
    expect(git(work, 'ls-files', '--stage')).toBe(before.index);
    expect(readFileSync(path.join(work, PAGE), 'utf8')).toBe('Local draft.\n');
    expect(readFileSync(path.join(work, 'README.md'), 'utf8')).toBe('# content\n');
  });

  it('keeps the executable bit of a file it changes', async () => {
    const { repos, work, sync } = setup();
    writeFileSync(path.join(work, 'run.sh'), '#!/bin/sh\n');
    git(work, 'add', '--chmod=+x', 'run.sh');
    git(work, 'commit', '--quiet', '-m', 'script');
    git(work, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');

    const result = await sync({ 'run.sh': '#!/bin/sh\necho hi\n', [PAGE]: 'x\n' });
    const modes = git(repos.remote, 'ls-tree', result.sha, 'run.sh', PAGE).split('\n').map((line) => line.split(' ')[0]);
    expect(modes).toEqual(['100644', '100755']);
  });

  it('creates branches for odd page ids by their sanitised names only', async () => {
    const { repos, work } = setup();
    const ids = ['../x', '-rf', 'a..b', '--upload-pack=x', 'Café/Crème'];
    for (const id of ids) {
      const branch = reviewBranchName(id);
      const result = await syncBranch({ ...options(work, { [PAGE]: id }), branch });
      expect(result.status).toBe('created');
    }
    const refs = git(repos.remote, 'for-each-ref', '--format=%(refname)', 'refs/heads/pagecare/').split('\n');
    expect(refs).toHaveLength(ids.length);
    for (const ref of refs) expect(ref).toMatch(/^refs\/heads\/pagecare\/review\/[a-z0-9][a-z0-9._/-]*$/);
  });

  it('refuses branches, bases, remotes and paths that are not its own or not safe, before running git', async () => {
    const { repos, work, sync } = setup();
    const marker = path.join(repos.remote, '..', 'pwned');
    for (const branch of ['main', '--upload-pack=x', 'pagecare/../x', 'pagecare//x', 'pagecare/x.lock', 'refs/heads/pagecare/x']) {
      await expect(sync({ [PAGE]: 'x' }, { branch })).rejects.toThrow(/Refusing to write branch/);
    }
    await expect(sync({ [PAGE]: 'x' }, { base: '--output=/tmp/x' })).rejects.toThrow(/not a valid branch name/);
    await expect(sync({ [PAGE]: 'x' }, { remote: `--upload-pack=touch ${marker}` })).rejects.toThrow(/No git remote named/);
    for (const file of ['../x.md', '/etc/passwd', '.git/config', 'a//b.md', 'a/./b.md', 'A/.GIT/hooks/x']) {
      await expect(sync({ [file]: 'x' })).rejects.toThrow(/not a plain repository-relative path/);
    }
    await expect(deleteBranch({ git: createGit(work), remote: 'origin', branch: 'main' })).rejects.toThrow(/Refusing/);
    expect(existsSync(marker)).toBe(false);
    expect(git(repos.remote, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
  });
});

describe('syncBranch without a remote (local forge)', () => {
  function local() {
    const repos = makeRemote();
    const work = repos.clone('work');
    const sync = (changes: Record<string, string>) => syncBranch({ ...options(work, changes), remote: undefined });
    return { work, sync };
  }

  it('creates, keeps and updates the local branch without checking it out', async () => {
    const { work, sync } = local();
    const head = git(work, 'rev-parse', 'HEAD');

    const created = await sync({ [PAGE]: 'Reviewed.\n' });
    expect(created.status).toBe('created');
    expect(git(work, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(created.sha);
    expect(git(work, 'rev-parse', `${created.sha}^`)).toBe(head);
    expect(git(work, 'show', `${BRANCH}:${PAGE}`)).toBe('Reviewed.');

    expect(await sync({ [PAGE]: 'Reviewed.\n' })).toEqual({ status: 'unchanged', sha: created.sha });
    const updated = await sync({ [PAGE]: 'Reviewed again.\n' });
    expect(updated.status).toBe('updated');
    expect(git(work, 'rev-list', '--count', `main..${BRANCH}`)).toBe('1');

    expect(git(work, 'symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(git(work, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(work, 'status', '--porcelain')).toBe('');
    expect(git(work, 'ls-remote', 'origin', `refs/heads/${BRANCH}`)).toBe('');
  });

  it("leaves a person's local commit alone, and a branch checked out in a work tree", async () => {
    const { work, sync } = local();
    await sync({ [PAGE]: 'Reviewed.\n' });
    const tree = path.join(work, '..', 'tree');
    git(work, 'worktree', 'add', '--quiet', tree, BRANCH);

    const checkedOut = await sync({ [PAGE]: 'Changed.\n' });
    expect(checkedOut.status).toBe('foreign');
    expect(checkedOut.note).toMatch(/checked out/);

    writeFileSync(path.join(tree, PAGE), 'Mine.\n');
    git(tree, '-c', 'user.name=Jo Smith', '-c', 'user.email=jo@example.org', 'commit', '--quiet', '-am', 'mine');
    git(work, 'worktree', 'remove', tree);
    const theirs = git(work, 'rev-parse', BRANCH);

    const result = await sync({ [PAGE]: 'Changed.\n' });
    expect(result).toMatchObject({ status: 'foreign', sha: theirs });
    expect(result.note).toContain('Jo Smith <jo@example.org>');
    expect(git(work, 'rev-parse', BRANCH)).toBe(theirs);
  });
});

describe('deleteBranch', () => {
  it('deletes its own branch on the remote, and reports one that is gone', async () => {
    const { repos, work, sync } = setup();
    await sync({ [PAGE]: 'Reviewed.\n' });
    expect(await deleteBranch({ git: createGit(work), remote: 'origin', branch: BRANCH })).toEqual({ status: 'deleted' });
    expect(git(repos.remote, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
    expect(await deleteBranch({ git: createGit(work), remote: 'origin', branch: BRANCH })).toEqual({ status: 'absent' });
  });

  it("keeps a branch a person pushed to", async () => {
    const { repos, work, sync } = setup();
    await sync({ [PAGE]: 'Reviewed.\n' });
    const theirs = personPushes(repos, BRANCH);
    const result = await deleteBranch({ git: createGit(work), remote: 'origin', branch: BRANCH });
    expect(result.status).toBe('foreign');
    expect(result.note).toContain(theirs);
    expect(git(repos.remote, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(theirs);
  });

  it('deletes a local branch with update-ref', async () => {
    const repos = makeRemote();
    const work = repos.clone('work');
    await syncBranch({ ...options(work, { [PAGE]: 'x' }), remote: undefined });
    expect(await deleteBranch({ git: createGit(work), remote: undefined, branch: BRANCH })).toEqual({ status: 'deleted' });
    expect(git(work, 'for-each-ref', '--format=%(refname)', 'refs/heads/')).toBe('refs/heads/main');
    expect(await deleteBranch({ git: createGit(work), remote: undefined, branch: BRANCH })).toEqual({ status: 'absent' });
  });
});

describe('after a git was killed while moving a ref', () => {
  /** What git leaves when killed holding a ref's lock: `<ref>.lock`, here `ageMs` old. */
  function leaveLock(work: string, ref: string, ageMs: number): string {
    const lock = path.join(work, '.git', `${ref}.lock`);
    mkdirSync(path.dirname(lock), { recursive: true });
    writeFileSync(lock, '');
    const then = new Date(Date.now() - ageMs);
    utimesSync(lock, then, then);
    return lock;
  }

  it('takes over a stale lock on the local branch, which git alone never removes', async () => {
    const repos = makeRemote();
    const work = repos.clone('work');
    const lock = leaveLock(work, `refs/heads/${BRANCH}`, 60_000);
    const created = await syncBranch({ ...options(work, { [PAGE]: 'x' }), remote: undefined });
    expect(created.status).toBe('created');
    expect(git(work, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(created.sha);
    expect(existsSync(lock)).toBe(false);

    leaveLock(work, `refs/heads/${BRANCH}`, 60_000);
    expect(await deleteBranch({ git: createGit(work), remote: undefined, branch: BRANCH })).toEqual({ status: 'deleted' });
  });

  it('takes over stale locks on the remote-tracking refs a fetch and a push write', async () => {
    const { repos, work, sync } = setup();
    const locks = ['refs/remotes/origin/main', `refs/remotes/origin/${BRANCH}`].map((ref) => leaveLock(work, ref, 60_000));
    const created = await sync({ [PAGE]: 'Reviewed.\n' });
    expect(created).toEqual({ status: 'created', sha: git(repos.remote, 'rev-parse', `refs/heads/${BRANCH}`) });
    expect(locks.filter((lock) => existsSync(lock))).toEqual([]);

    leaveLock(work, `refs/remotes/origin/${BRANCH}`, 60_000);
    expect(await deleteBranch({ git: createGit(work), remote: 'origin', branch: BRANCH })).toEqual({ status: 'deleted' });
    expect(git(repos.remote, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
  });

  it('waits for a fresh lock to be released rather than failing', async () => {
    const repos = makeRemote();
    const work = repos.clone('work');
    const lock = leaveLock(work, `refs/heads/${BRANCH}`, 0);
    // Another git finishing with the ref: its lock goes a moment later.
    setTimeout(() => rmSync(lock), 1_500);
    const created = await syncBranch({ ...options(work, { [PAGE]: 'x' }), remote: undefined });
    expect(created.status).toBe('created');
    expect(git(work, 'rev-parse', `refs/heads/${BRANCH}`)).toBe(created.sha);
  });
});

describe('git failures', () => {
  it('are BranchErrors that say what failed, with the credentials of the remote URL masked', async () => {
    const repos = makeRemote();
    const work = repos.clone('work');
    // Nothing listens on port 1 of the loopback address: the fetch fails at once.
    git(work, 'remote', 'set-url', 'origin', 'http://x-access-token:s3cret-token@127.0.0.1:1/content.git');
    const failure = syncBranch(options(work, { [PAGE]: 'x' }));
    await expect(failure).rejects.toThrow(BranchError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toMatch(/^Cannot sync branch pagecare\/review\/glossary\/laparoscope: /);
    expect(message).not.toContain('s3cret-token');
  });
});

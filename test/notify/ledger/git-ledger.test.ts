import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LedgerError } from '../../../src/notify/ledger-file.js';
import { createGitLedger } from '../../../src/notify/ledger-git.js';
import { git, isolateGit, makeRemote } from './git-repos.js';

const BRANCH = 'pagecare/ledger';
const sent = (messageId: string) => ({ sentAt: '2026-06-01T08:00:00.000Z', messageId });

beforeAll(isolateGit);

describe('git ledger', () => {
  it('loads as empty while the remote has no ledger branch', async () => {
    const repos = makeRemote();
    const ledger = createGitLedger({ repoDir: repos.clone('a') });
    expect(ledger.kind).toBe('git');
    expect(await ledger.load()).toEqual({});
  });

  it('records from one clone what another clone then loads, on an orphan branch holding only ledger.json', async () => {
    const repos = makeRemote();
    const a = createGitLedger({ repoDir: repos.clone('a'), remote: 'origin', branch: BRANCH });
    const b = createGitLedger({ repoDir: repos.clone('b'), remote: 'origin', branch: BRANCH });
    await a.record({ 'p|2027-01-01|d90|jsmith': sent('<1@x>') });
    await a.record({ 'q|2027-01-01|d90|jsmith': sent('<2@x>') });

    expect(await b.load()).toEqual({ 'p|2027-01-01|d90|jsmith': sent('<1@x>'), 'q|2027-01-01|d90|jsmith': sent('<2@x>') });

    const ref = `refs/heads/${BRANCH}`;
    expect(git(repos.remote, 'ls-tree', '--name-only', ref)).toBe('ledger.json');
    expect(git(repos.remote, 'rev-list', '--count', ref)).toBe('2');
    expect(git(repos.remote, 'rev-list', '--max-parents=0', ref)).not.toBe(git(repos.remote, 'rev-list', '--max-parents=0', 'main'));
    expect(git(repos.remote, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', ref)).toBe('pagecare <pagecare@localhost>|pagecare <pagecare@localhost>');
    expect(JSON.parse(git(repos.remote, 'show', `${ref}:ledger.json`)).version).toBe(1);
  });

  it('keeps every entry of two runs recording at once (compare-and-swap with retries)', async () => {
    const repos = makeRemote();
    const a = createGitLedger({ repoDir: repos.clone('a') });
    const b = createGitLedger({ repoDir: repos.clone('b') });
    const keys = (run: string) => Array.from({ length: 8 }, (_, i) => `${run}${i}|2027-01-01|d90|jsmith`);
    await Promise.all([
      ...keys('a').map((key) => a.record({ [key]: sent(`<${key}>`) })),
      ...keys('b').map((key) => b.record({ [key]: sent(`<${key}>`) })),
    ]);

    const final = await createGitLedger({ repoDir: repos.clone('c') }).load();
    expect(Object.keys(final).sort()).toEqual([...keys('a'), ...keys('b')].sort());
    // One line of history: every push built on the one before it, none replaced another.
    expect(git(repos.remote, 'rev-list', '--count', '--min-parents=2', `refs/heads/${BRANCH}`)).toBe('0');
  });

  it("starts again from the other run's ledger when that run moves the branch between fetch and push", async () => {
    const repos = makeRemote();
    const a = createGitLedger({ repoDir: repos.clone('a') });
    const b = createGitLedger({ repoDir: repos.clone('b') });
    const ref = `refs/heads/${BRANCH}`;
    await a.record({ first: sent('<first@x>') });
    // B's commit is made now but parked; the remote's hook lands it just as A's next push arrives.
    await b.record({ other: sent('<other@x>') });
    git(repos.remote, 'update-ref', 'refs/side/other', ref);
    git(repos.remote, 'update-ref', ref, `${ref}~1`);
    const hook = path.join(repos.remote, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      [
        '#!/bin/sh',
        'cat >/dev/null',
        '[ -e raced ] && exit 0',
        'touch raced',
        // Ref updates are refused inside the push's object quarantine; this one stands for another process.
        `env -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git update-ref ${ref} refs/side/other`,
        '',
      ].join('\n'),
    );
    chmodSync(hook, 0o755);

    await a.record({ mine: sent('<mine@x>') });

    expect(existsSync(path.join(repos.remote, 'raced'))).toBe(true);
    expect(await createGitLedger({ repoDir: repos.clone('c') }).load()).toEqual({
      first: sent('<first@x>'),
      other: sent('<other@x>'),
      mine: sent('<mine@x>'),
    });
    expect(git(repos.remote, 'rev-parse', `${ref}~1`)).toBe(git(repos.remote, 'rev-parse', 'refs/side/other'));
  });

  // Only the clone's refs/pagecare/ledger and its origin/pagecare/ledger remote-tracking ref may move.
  it('takes over the lock a git killed mid-fetch left on the local ledger ref', async () => {
    const repos = makeRemote();
    const a = repos.clone('a');
    const ledger = createGitLedger({ repoDir: a, remote: 'origin', branch: BRANCH });
    await ledger.record({ 'p|2027-01-01|d90|jsmith': sent('<1@x>') });
    const lock = path.join(a, '.git', 'refs', 'pagecare', 'ledger.lock');
    mkdirSync(path.dirname(lock), { recursive: true });
    writeFileSync(lock, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);

    await ledger.record({ 'q|2027-01-01|d90|jsmith': sent('<2@x>') });
    expect(Object.keys(await ledger.load()).sort()).toEqual(['p|2027-01-01|d90|jsmith', 'q|2027-01-01|d90|jsmith']);
    expect(existsSync(lock)).toBe(false);
  });

  it('leaves the work tree, index, HEAD and branches of the clone as they were', async () => {
    const repos = makeRemote();
    const dir = repos.clone('a');
    writeFileSync(path.join(dir, 'README.md'), '# edited, not staged\n');
    writeFileSync(path.join(dir, 'staged.md'), 'staged\n');
    git(dir, 'add', 'staged.md');
    writeFileSync(path.join(dir, 'untracked.md'), 'untracked\n');
    const snapshot = () => ({
      head: git(dir, 'rev-parse', 'HEAD'),
      symbolic: git(dir, 'symbolic-ref', 'HEAD'),
      status: git(dir, 'status', '--porcelain=v1', '--untracked-files=all'),
      index: createHash('sha256').update(readFileSync(path.join(dir, '.git', 'index'))).digest('hex'),
      branches: git(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads'),
      stash: git(dir, 'stash', 'list'),
      readme: readFileSync(path.join(dir, 'README.md'), 'utf8'),
    });
    const before = snapshot();

    const ledger = createGitLedger({ repoDir: dir });
    await ledger.record({ k: sent('<k@x>') });
    await ledger.prune(() => false);

    expect(snapshot()).toEqual(before);
    expect(readFileSync(path.join(dir, 'untracked.md'), 'utf8')).toBe('untracked\n');
  });

  it('prunes entries on the remote, and commits nothing when nothing changes', async () => {
    const repos = makeRemote();
    const a = createGitLedger({ repoDir: repos.clone('a') });
    await a.record({ a: sent('<a@x>'), b: sent('<b@x>'), c: sent('<c@x>') });
    await a.prune((key) => key !== 'b');
    expect(await createGitLedger({ repoDir: repos.clone('b') }).load()).toEqual({ a: sent('<a@x>'), c: sent('<c@x>') });

    const count = () => git(repos.remote, 'rev-list', '--count', `refs/heads/${BRANCH}`);
    const commits = count();
    await a.prune(() => true);
    await a.record({ a: sent('<a again@x>') });
    expect(count()).toBe(commits);
    expect((await a.load()).a).toEqual(sent('<a@x>'));
  });

  it('refuses a ledger branch whose ledger.json is not a ledger', async () => {
    const repos = makeRemote();
    const dir = repos.clone('a');
    git(dir, 'checkout', '--quiet', '--orphan', 'broken');
    git(dir, 'rm', '--quiet', '-rf', '.');
    writeFileSync(path.join(dir, 'ledger.json'), '{ "version": 1, "entr');
    git(dir, 'add', 'ledger.json');
    git(dir, 'commit', '--quiet', '-m', 'broken');
    git(dir, 'push', '--quiet', 'origin', `HEAD:refs/heads/${BRANCH}`);

    const ledger = createGitLedger({ repoDir: repos.clone('b') });
    const failure = await ledger.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LedgerError);
    expect((failure as Error).message).toMatch(/ledger\.json on branch pagecare\/ledger of origin is not valid JSON/);
    await expect(ledger.record({ k: sent('<k@x>') })).rejects.toBeInstanceOf(LedgerError);
  });

  it('never shows the credentials of a remote URL, in its description or its errors', async () => {
    const repos = makeRemote();
    const remote = 'http://pagecare-bot:s3cret-token@127.0.0.1:1/content.git';
    const ledger = createGitLedger({ repoDir: repos.clone('a'), remote });
    expect(ledger.description).not.toContain('s3cret');
    const failure = await ledger.record({ k: sent('<k@x>') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LedgerError);
    expect((failure as Error).message).toMatch(/Cannot fetch/);
    expect((failure as Error).message).not.toContain('s3cret');
  });

  it('rejects a branch name git would not accept', async () => {
    const repos = makeRemote();
    const ledger = createGitLedger({ repoDir: repos.clone('a'), branch: 'bad..name' });
    await expect(ledger.load()).rejects.toThrow(/not a valid git branch name/);
  });
});

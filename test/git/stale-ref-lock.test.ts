import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, expect, it } from 'vitest';
import { createGit } from '../../src/git/git-client.js';
import { clearStaleRefLocks } from '../../src/git/stale-ref-lock.js';
import { git, isolateGit, makeRemote } from '../notify/ledger/git-repos.js';

beforeAll(isolateGit);

const REF = 'refs/heads/pagecare/review/diet';

it('leaves a young lock in place while it may be a running git, and removes it once it is stale', async () => {
  const work = makeRemote().clone('work');
  const lock = path.join(work, '.git', `${REF}.lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  writeFileSync(lock, '');

  let settled = false;
  const clearing = clearStaleRefLocks(createGit(work), [REF], 1_500).then(() => (settled = true));
  await sleep(300);
  expect(existsSync(lock)).toBe(true);
  expect(settled).toBe(false);
  await clearing;
  expect(existsSync(lock)).toBe(false);
});

it('finds the locks of a linked work tree in the repository they share', async () => {
  const work = makeRemote().clone('work');
  const tree = path.join(work, '..', 'tree');
  git(work, 'worktree', 'add', '--quiet', '--detach', tree);
  const lock = path.join(work, '.git', `${REF}.lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  writeFileSync(lock, '');
  await clearStaleRefLocks(createGit(tree), [REF], 0);
  expect(existsSync(lock)).toBe(false);
});

it('does nothing when there is no lock', async () => {
  const work = makeRemote().clone('work');
  await expect(clearStaleRefLocks(createGit(work), [REF, 'refs/pagecare/ledger'])).resolves.toBeUndefined();
});

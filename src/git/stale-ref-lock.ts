import { stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimpleGit } from 'simple-git';

/** Git holds a ref's lock file for milliseconds; one this old was left by a git that was killed. */
const STALE_REF_LOCK_MS = 10_000;

/**
 * Clears the way to write `refs` (full names, e.g. `refs/heads/pagecare/review/x`).
 * A run killed while git was moving a ref leaves `<ref>.lock` behind, and git
 * never removes it, so every later run would fail on that ref until a person
 * did. A lock that goes within the wait was another git finishing; one that
 * outlives `staleMs` is removed. Only for refs no one but pagecare writes.
 */
export async function clearStaleRefLocks(git: SimpleGit, refs: string[], staleMs = STALE_REF_LOCK_MS): Promise<void> {
  // Refs live in the repository's common folder, shared by its linked work trees.
  const root = (await git.raw(['rev-parse', '--path-format=absolute', '--git-common-dir'])).trim();
  await Promise.all(refs.map((ref) => clearLock(path.join(root, `${ref}.lock`), staleMs)));
}

async function clearLock(lock: string, staleMs: number): Promise<void> {
  for (;;) {
    let age: number;
    try {
      age = Date.now() - (await stat(lock)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (age >= staleMs) {
      await unlink(lock).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      return;
    }
    await sleep(Math.min(100, staleMs - age));
  }
}

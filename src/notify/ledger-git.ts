import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGit, describeGitError, redactUrlCredentials } from '../git/git-client.js';
import { clearStaleRefLocks } from '../git/stale-ref-lock.js';
import type { Ledger, LedgerEntries } from './ledger.js';
import {
  changeQueue,
  formatLedger,
  keepEntries,
  LedgerError,
  mergeEntries,
  parseLedger,
  type LedgerChange,
} from './ledger-file.js';

export interface GitLedgerOptions {
  /** A clone of the content repository (any folder inside it). */
  repoDir: string;
  remote?: string;
  branch?: string;
  /** Pushes tried before giving up when other runs keep moving the branch. */
  attempts?: number;
}

const LEDGER_PATH = 'ledger.json';
/** Where the fetched ledger lands locally: outside refs/heads, so no branch of the clone changes. */
const LOCAL_REF = 'refs/pagecare/ledger';
/** Set through the environment so commits work on a runner with no git identity configured. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'pagecare',
  GIT_AUTHOR_EMAIL: 'pagecare@localhost',
  GIT_COMMITTER_NAME: 'pagecare',
  GIT_COMMITTER_EMAIL: 'pagecare@localhost',
};

interface Snapshot {
  /** The branch's commit on the remote; undefined while the branch does not exist. */
  commit: string | undefined;
  entries: LedgerEntries;
}

/**
 * The CI store: `ledger.json` alone on an orphan branch of the content
 * repository, so a scheduled run on a fresh runner sees what earlier runs
 * sent. Commits are built from objects only (never the work tree, index or
 * HEAD) and pushed with a lease on the commit they were built on; a run that
 * loses the race fetches the winner's ledger, merges again and retries, so
 * neither run's entries are lost.
 */
export function createGitLedger(options: GitLedgerOptions): Ledger {
  const { repoDir, remote = 'origin', branch = 'pagecare/ledger', attempts = 5 } = options;
  const git = createGit(repoDir);
  const remoteRef = `refs/heads/${branch}`;
  const shown = `${LEDGER_PATH} on branch ${branch} of ${redactUrlCredentials(remote)}`;
  let validated: Promise<void> | undefined;

  function validate(): Promise<void> {
    validated ??= git.raw(['check-ref-format', remoteRef]).then(
      () => undefined,
      () => {
        throw new LedgerError(`ledger.branch "${branch}" is not a valid git branch name`);
      },
    );
    return validated;
  }

  /** The remote branch's commit without fetching objects; undefined if it does not exist. */
  async function remoteCommit(): Promise<string | undefined> {
    const listing = await git.raw(['ls-remote', '--', remote, remoteRef]);
    for (const line of listing.split('\n')) {
      const [sha, ref] = line.split('\t');
      if (ref === remoteRef && sha) return sha;
    }
    return undefined;
  }

  async function fetchLatest(): Promise<Snapshot> {
    await validate();
    await clearStaleRefLocks(git, [LOCAL_REF]).catch((error: unknown) => {
      throw new LedgerError(`Cannot fetch ${shown}: ${describeGitError(error)}`);
    });
    try {
      await git.raw(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--', remote, `+${remoteRef}:${LOCAL_REF}`]);
    } catch (error) {
      // A failed fetch of a branch that does not exist yet is the empty ledger; any other failure stops the run.
      const exists = await remoteCommit().then(
        (commit) => commit !== undefined,
        () => true,
      );
      if (exists) throw new LedgerError(`Cannot fetch ${shown}: ${describeGitError(error)}`);
      return { commit: undefined, entries: {} };
    }
    const commit = (await git.raw(['rev-parse', '--verify', `${LOCAL_REF}^{commit}`])).trim();
    let text: string;
    try {
      // By commit id, not the ref, which another process in this clone may move meanwhile.
      text = await git.raw(['cat-file', 'blob', `${commit}:${LEDGER_PATH}`]);
    } catch (error) {
      throw new LedgerError(`Cannot read ${shown} (commit ${commit}): ${describeGitError(error)}`);
    }
    return { commit, entries: parseLedger(text, shown) };
  }

  /** A commit whose tree is just `ledger.json`, built with a throwaway index. */
  async function writeCommit(entries: LedgerEntries, parent: string | undefined, message: string): Promise<string> {
    const scratch = await mkdtemp(path.join(tmpdir(), 'pagecare-ledger-'));
    try {
      const file = path.join(scratch, LEDGER_PATH);
      await writeFile(file, formatLedger(entries), 'utf8');
      const blob = (await git.raw(['hash-object', '-w', '--no-filters', '--', file])).trim();
      const index = createGit(repoDir, { GIT_INDEX_FILE: path.join(scratch, 'index') });
      await index.raw(['update-index', '--add', '--cacheinfo', `100644,${blob},${LEDGER_PATH}`]);
      const tree = (await index.raw(['write-tree'])).trim();
      const parents = parent ? ['-p', parent] : [];
      const commit = createGit(repoDir, IDENTITY);
      return (await commit.raw(['commit-tree', '--no-gpg-sign', ...parents, '-m', message, tree])).trim();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** Moves the remote branch to `commit` only if it is still at `expected` (absent when undefined). */
  async function push(commit: string, expected: string | undefined): Promise<void> {
    await git.raw([
      'push',
      '--quiet',
      '--no-verify',
      `--force-with-lease=${remoteRef}:${expected ?? ''}`,
      '--',
      remote,
      `${commit}:${remoteRef}`,
    ]);
  }

  async function update(change: LedgerChange): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const latest = await fetchLatest();
      const next = change(latest.entries);
      const added = Object.keys(next).filter((key) => !(key in latest.entries)).length;
      const removed = Object.keys(latest.entries).filter((key) => !(key in next)).length;
      if (added === 0 && removed === 0) return;
      const commit = await writeCommit(next, latest.commit, `pagecare ledger: ${added} recorded, ${removed} pruned`);
      try {
        await push(commit, latest.commit);
        return;
      } catch (error) {
        const moved = await remoteCommit().then(
          (now) => now !== latest.commit,
          () => false,
        );
        if (!moved) throw new LedgerError(`Cannot push ${shown}: ${describeGitError(error)}`);
        if (attempt >= attempts) {
          throw new LedgerError(
            `Cannot record in ${shown}: other runs moved the branch during each of ${attempts} attempts; nothing was recorded.`,
          );
        }
        // Another run won the race: start again from its ledger, after a growing, jittered pause.
        await sleep(Math.random() * 50 * 2 ** attempt);
      }
    }
  }

  const queue = changeQueue(update);

  return {
    kind: 'git',
    description: `git ${shown}`,
    load: async () => {
      await queue.idle();
      return (await fetchLatest()).entries;
    },
    record: (entries) => queue.submit((current) => mergeEntries(current, entries)),
    prune: (keep) => queue.submit((current) => keepEntries(current, keep)),
  };
}

import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { createGit, describeGitError } from '../git/git-client.js';
import { clearStaleRefLocks } from '../git/stale-ref-lock.js';
import { isValidBranchName, PAGECARE_PREFIX } from './branch-name.js';

export interface Identity {
  name: string;
  email: string;
}

/** Who pagecare's commits are by; any other author or committer on a branch means a person pushed. */
export const PAGECARE_IDENTITY: Identity = { name: 'pagecare', email: 'pagecare@localhost' };

export interface SyncBranchOptions {
  git: SimpleGit;
  /** A configured remote's name; undefined for the local forge, where branches stay in this repository. */
  remote: string | undefined;
  base: string;
  branch: string;
  /** Repository-relative path (forward slashes) → the file's new content. */
  changes: Record<string, string>;
  message: string;
  identity?: Identity;
}

export interface SyncResult {
  status: 'created' | 'updated' | 'unchanged' | 'foreign';
  /** The branch's commit afterwards (for 'foreign', the commit left alone). */
  sha: string;
  /** For 'foreign': who pushed what, to pass on to people. */
  note?: string;
}

export interface DeleteBranchOptions {
  git: SimpleGit;
  remote: string | undefined;
  branch: string;
  identity?: Identity;
}

export interface DeleteResult {
  status: 'deleted' | 'absent' | 'foreign';
  note?: string;
}

/** A branch pagecare will not or could not write; the message is safe to show (credentials masked). */
export class BranchError extends Error {
  override name = 'BranchError';
}

/** The fields of one commit, unit-separated, from `git log --format`. */
const COMMIT_FORMAT = '%H%x1f%an%x1f%ae%x1f%cn%x1f%ce';

/**
 * Makes `branch` one commit on top of `base`'s tip holding `changes`, and
 * publishes it: pushed with a lease on what was there (with a remote), or
 * the local ref moved by compare-and-swap (without). Built from objects with
 * a throwaway index, so the work tree, index and HEAD never change. A branch
 * someone else has pushed to is left alone for good ('foreign').
 */
export async function syncBranch(options: SyncBranchOptions): Promise<SyncResult> {
  const { branch, base, changes } = options;
  assertOwnBranch(branch);
  if (!isValidBranchName(base)) throw new BranchError(`Base branch ${JSON.stringify(base)} is not a valid branch name`);
  for (const file of Object.keys(changes)) assertRepoPath(file);
  return explained(`Cannot sync branch ${branch}`, () => sync(options));
}

async function sync(options: SyncBranchOptions): Promise<SyncResult> {
  const { git, remote, base, branch, changes, message, identity = PAGECARE_IDENTITY } = options;
  const files = Object.entries(changes);
  if (remote !== undefined) await assertRemote(git, remote);

  const tips = await readTips(git, remote, base, branch);
  const existing = tips.branch;
  if (existing !== undefined) {
    const stranger = await foreignCommit(git, existing, tips.base, identity);
    if (stranger) return { status: 'foreign', sha: existing, note: foreignNote(branch, stranger) };
  }

  // A branch already proposing these exact files on a base that is still published stays as it is:
  // a new commit on main elsewhere is no reason to rewrite it and notify everyone.
  if (existing !== undefined && (await proposesSame(git, existing, tips.base, files))) {
    return { status: 'unchanged', sha: existing };
  }
  const tree = await writeTree(git, tips.base, files);
  if (remote === undefined && (await checkedOutBranches(git)).has(`refs/heads/${branch}`)) {
    // Moving a checked-out branch would leave that work tree showing the change reversed.
    return { status: 'foreign', sha: existing ?? tips.base, note: checkedOutNote(branch) };
  }
  const sha = await commitTree(git, tree, tips.base, `${message.trimEnd()}\n\nPagecare-Branch: ${branch}\n`, identity);
  const ref = `refs/heads/${branch}`;
  if (remote === undefined) {
    await clearStaleRefLocks(git, [ref]);
    // An empty old value means "must not exist yet".
    await git.raw(['update-ref', '-m', 'pagecare: sync review branch', ref, sha, existing ?? '']);
  } else {
    // The push records the branch in its remote-tracking ref: cleared by the fetch when the branch was there to fetch.
    if (existing === undefined) await clearStaleRefLocks(git, [trackingRef(remote, branch)]);
    await git.raw(['push', '--quiet', '--no-verify', `--force-with-lease=${ref}:${existing ?? ''}`, '--', remote, `${sha}:${ref}`]);
  }
  return { status: existing === undefined ? 'created' : 'updated', sha };
}

/**
 * Deletes pagecare's `branch` (remote: a push with a lease; local:
 * compare-and-swap), unless its tip is someone else's commit.
 */
export async function deleteBranch(options: DeleteBranchOptions): Promise<DeleteResult> {
  assertOwnBranch(options.branch);
  return explained(`Cannot delete branch ${options.branch}`, () => remove(options));
}

async function remove(options: DeleteBranchOptions): Promise<DeleteResult> {
  const { git, remote, branch, identity = PAGECARE_IDENTITY } = options;
  const ref = `refs/heads/${branch}`;
  let tip: string | undefined;
  if (remote === undefined) {
    tip = await resolve(git, ref);
  } else {
    await assertRemote(git, remote);
    if ((await lsRemote(git, remote, [ref])).has(ref)) {
      await fetchRefs(git, remote, [branch]);
      tip = await resolve(git, trackingRef(remote, branch));
    }
  }
  if (tip === undefined) return { status: 'absent' };
  // pagecare only ever commits on top of base, so its branches end in its own commit.
  const [head] = await commitsBetween(git, tip, undefined, 1);
  if (head && !isBy(head, identity)) return { status: 'foreign', note: foreignNote(branch, head) };
  if (remote === undefined) {
    if ((await checkedOutBranches(git)).has(ref)) {
      return { status: 'foreign', note: checkedOutNote(branch) };
    }
    await clearStaleRefLocks(git, [ref]);
    await git.raw(['update-ref', '-m', 'pagecare: delete review branch', '-d', ref, tip]);
  } else {
    // The push moves the remote-tracking ref the fetch above just cleared the way to.
    await git.raw(['push', '--quiet', '--no-verify', `--force-with-lease=${ref}:${tip}`, '--', remote, `:${ref}`]);
  }
  return { status: 'deleted' };
}

/** Git's own words with any credentials in remote URLs masked; refusals pass through as they are. */
async function explained<T>(context: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BranchError) throw error;
    throw new BranchError(`${context}: ${describeGitError(error)}`);
  }
}

function assertOwnBranch(branch: string): void {
  if (!branch.startsWith(PAGECARE_PREFIX) || !isValidBranchName(branch)) {
    throw new BranchError(
      `Refusing to write branch ${JSON.stringify(branch)}: pagecare only writes valid branches under ${PAGECARE_PREFIX}`,
    );
  }
}

/** A path inside the repository, never into `.git` or above the root. */
function assertRepoPath(file: string): void {
  const unsafePart = (part: string) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git';
  const bad = /[\x00-\x1f\\]/.test(file) || file.split('/').some(unsafePart);
  if (bad) throw new BranchError(`Refusing to write ${JSON.stringify(file)}: not a plain repository-relative path`);
}

/** Only a configured remote: its name also names the remote-tracking refs, and it keeps URLs out of arguments. */
async function assertRemote(git: SimpleGit, remote: string): Promise<void> {
  const names = (await git.raw(['remote'])).split('\n').map((line) => line.trim());
  if (!names.includes(remote)) throw new BranchError(`No git remote named ${JSON.stringify(remote)}`);
}

interface Tips {
  base: string;
  branch: string | undefined;
}

/** The base's tip and the branch's, fresh from the remote when there is one. */
async function readTips(git: SimpleGit, remote: string | undefined, base: string, branch: string): Promise<Tips> {
  if (remote === undefined) {
    const baseTip = await resolve(git, `refs/heads/${base}`);
    if (baseTip === undefined) throw new BranchError(`Base branch ${base} does not exist`);
    return { base: baseTip, branch: await resolve(git, `refs/heads/${branch}`) };
  }
  // Only what exists can be fetched; a branch not there yet is simply absent.
  const listed = await lsRemote(git, remote, [`refs/heads/${base}`, `refs/heads/${branch}`]);
  if (!listed.has(`refs/heads/${base}`)) throw new BranchError(`Base branch ${base} does not exist on remote ${remote}`);
  const wanted = listed.has(`refs/heads/${branch}`) ? [base, branch] : [base];
  await fetchRefs(git, remote, wanted);
  const baseTip = await resolve(git, trackingRef(remote, base));
  if (baseTip === undefined) throw new BranchError(`Cannot read the fetched base branch ${remote}/${base}`);
  const branchTip = wanted.includes(branch) ? await resolve(git, trackingRef(remote, branch)) : undefined;
  return { base: baseTip, branch: branchTip };
}

async function lsRemote(git: SimpleGit, remote: string, refs: string[]): Promise<Map<string, string>> {
  const listing = await git.raw(['ls-remote', '--', remote, ...refs]);
  const found = new Map<string, string>();
  for (const line of listing.split('\n')) {
    const [sha, ref] = line.split('\t');
    if (sha && ref && refs.includes(ref)) found.set(ref, sha);
  }
  return found;
}

async function fetchRefs(git: SimpleGit, remote: string, branches: string[]): Promise<void> {
  await clearStaleRefLocks(git, branches.map((name) => trackingRef(remote, name)));
  const refspecs = branches.map((name) => `+refs/heads/${name}:${trackingRef(remote, name)}`);
  await git.raw(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--', remote, ...refspecs]);
}

/** Where a fetch (and a push, after it succeeds) records the remote's branch in this clone. */
function trackingRef(remote: string, branch: string): string {
  return `refs/remotes/${remote}/${branch}`;
}

/** The commit `ref` names, or undefined when it does not exist. */
async function resolve(git: SimpleGit, ref: string): Promise<string | undefined> {
  try {
    return (await git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Branches checked out in any work tree of this repository. */
async function checkedOutBranches(git: SimpleGit): Promise<Set<string>> {
  const listing = await git.raw(['worktree', 'list', '--porcelain']);
  return new Set(
    listing
      .split('\n')
      .filter((line) => line.startsWith('branch '))
      .map((line) => line.slice('branch '.length)),
  );
}

interface CommitPeople {
  sha: string;
  author: string;
  authorEmail: string;
  committer: string;
  committerEmail: string;
}

/** Commits on `tip` and not on `base` (all of `tip`'s history when base is undefined), newest first. */
async function commitsBetween(git: SimpleGit, tip: string, base: string | undefined, limit?: number): Promise<CommitPeople[]> {
  const args = ['log', '--no-show-signature', `--format=${COMMIT_FORMAT}`];
  if (limit !== undefined) args.push(`--max-count=${limit}`);
  args.push(tip);
  if (base !== undefined) args.push(`^${base}`);
  const output = await git.raw([...args, '--']);
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha = '', author = '', authorEmail = '', committer = '', committerEmail = ''] = line.split('\x1f');
      return { sha, author, authorEmail, committer, committerEmail };
    });
}

function isBy(commit: CommitPeople, identity: Identity): boolean {
  return (
    commit.author === identity.name &&
    commit.authorEmail === identity.email &&
    commit.committer === identity.name &&
    commit.committerEmail === identity.email
  );
}

async function foreignCommit(git: SimpleGit, tip: string, base: string, identity: Identity): Promise<CommitPeople | undefined> {
  return (await commitsBetween(git, tip, base)).find((commit) => !isBy(commit, identity));
}

function foreignNote(branch: string, commit: CommitPeople): string {
  const pusher =
    commit.committerEmail === commit.authorEmail
      ? `${commit.author} <${commit.authorEmail}>`
      : `${commit.author} <${commit.authorEmail}> (committed by ${commit.committer} <${commit.committerEmail}>)`;
  return `${pusher} pushed commit ${commit.sha} to ${branch}; pagecare will not overwrite this branch.`;
}

function checkedOutNote(branch: string): string {
  return `${branch} is checked out in a work tree; pagecare left it alone this run.`;
}

/** pagecare's own commit on top of `base` with exactly `tree`: nothing to do. */
/** `commit` holds exactly `files` and sits on a commit that `base` still contains. */
async function proposesSame(git: SimpleGit, commit: string, base: string, files: Array<[string, string]>): Promise<boolean> {
  const parent = (await git.raw(['show', '-s', '--no-show-signature', '--format=%P', commit, '--'])).trim();
  if (parent === '' || parent.includes(' ')) return false;
  const onBase = await git.raw(['merge-base', '--is-ancestor', parent, base]).then(() => true, () => false);
  if (!onBase) return false;
  const touched = (await git.raw(['diff-tree', '-r', '-z', '--name-only', '--no-commit-id', parent, commit, '--'])).split('\0').filter(Boolean);
  if (touched.length !== files.length || !files.every(([file]) => touched.includes(file))) return false;
  const blobs = (await git.raw(['rev-parse', ...files.map(([file]) => `${commit}:${file}`)]).catch(() => '')).trim().split('\n');
  return files.every(([, content], i) => blobs[i] === blobId(content));
}

/** The id git gives a file with this content (`git hash-object`), computed here. */
function blobId(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * A git instance for plumbing with its own environment (a throwaway index,
 * a fixed identity), found through the repository's git directory so the
 * caller's instance is never re-configured.
 */
async function plumbing(git: SimpleGit, env: Record<string, string>): Promise<SimpleGit> {
  const gitDir = (await git.raw(['rev-parse', '--absolute-git-dir'])).trim();
  return createGit(gitDir, { GIT_DIR: gitDir, ...env });
}

/** `base`'s tree with `files` written over it, through a throwaway index. */
async function writeTree(git: SimpleGit, base: string, files: Array<[string, string]>): Promise<string> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'pagecare-branch-'));
  try {
    const index = await plumbing(git, { GIT_INDEX_FILE: path.join(scratch, 'index'), GIT_LITERAL_PATHSPECS: '1' });
    await index.raw(['read-tree', base]);
    if (files.length === 0) return (await index.raw(['write-tree'])).trim();
    const temp = files.map((_, i) => path.join(scratch, `blob-${i}`));
    await Promise.all(files.map(([, content], i) => writeFile(temp[i]!, content, 'utf8')));
    const blobs = (await index.raw(['hash-object', '-w', '--no-filters', '--', ...temp])).trim().split('\n');
    const executable = await executablePaths(index, files.map(([file]) => file));
    const mode = (file: string) => (executable.has(file) ? '100755' : '100644');
    const cacheinfo = files.flatMap(([file], i) => ['--cacheinfo', `${mode(file)},${blobs[i]},${file}`]);
    await index.raw(['update-index', '--add', ...cacheinfo]);
    return (await index.raw(['write-tree'])).trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Which of `files` the index holds as executable, to keep that bit when replacing their content. */
async function executablePaths(index: SimpleGit, files: string[]): Promise<Set<string>> {
  const listing = await index.raw(['ls-files', '--stage', '-z', '--', ...files]);
  const executable = new Set<string>();
  for (const entry of listing.split('\0')) {
    const [info = '', file] = entry.split('\t');
    if (file !== undefined && info.startsWith('100755 ')) executable.add(file);
  }
  return executable;
}

async function commitTree(git: SimpleGit, tree: string, parent: string, message: string, identity: Identity): Promise<string> {
  const committer = await plumbing(git, {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  });
  return (await committer.raw(['commit-tree', '--no-gpg-sign', '-p', parent, '-m', message, tree])).trim();
}

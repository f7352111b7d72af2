import type { SimpleGit } from 'simple-git';
import type { Editor } from '../config/editors-schema.js';
import type { ResolvedConfig } from '../config/load-config.js';
import type { ContentIndex, ReviewChange } from '../content/content-index.js';
import { isGlossaryPath } from '../content/discover.js';
import { readFrontMatterFields } from '../content/front-matter.js';
import { parseGrepLines } from '../git/grep-lines.js';
import type { FileChange } from './changed-files.js';

export interface ReviewChangesOptions {
  config: ResolvedConfig;
  index: ContentIndex;
  git: SimpleGit;
  /** The merge base `--changed` resolved, and the changes it found since (root-relative paths). */
  mergeBase: string;
  changes: readonly FileChange[];
  /** The untracked files among them (root-relative): work not yet committed. */
  untracked: readonly string[];
}

/**
 * What `review-signoff` needs from git about each page a pull request
 * changed, worked out once before linting and handed to the rules as plain
 * data: `last_reviewed` at the merge base, and who made the newest change
 * (the author of the newest commit since the merge base, or git's
 * `user.email` when the page has uncommitted changes), as editors.yml
 * handles matched by email. Three git processes whatever the number of
 * pages, and a fourth for `user.email` when some page has uncommitted work.
 */
export async function reviewChanges(options: ReviewChangesOptions): Promise<Record<string, ReviewChange>> {
  const { config, index, git, mergeBase } = options;
  const content = new Set(index.data.content);
  const pages = options.changes.filter(
    (change) => change.status !== 'removed' && content.has(change.path) && !isGlossaryPath(config, change.path),
  );
  if (pages.length === 0) return {};

  const [baseDates, committedBy, uncommitted] = await Promise.all([
    baseLastReviewed(git, mergeBase, pages.map((change) => (change.status === 'renamed' ? change.from! : change.path))),
    newestAuthors(git, mergeBase),
    uncommittedEmails(git, pages, options.untracked),
  ]);
  const handlesOf = handlesByEmail(index.data.editors);
  const result: Record<string, ReviewChange> = {};
  for (const change of pages) {
    const basePath = change.status === 'renamed' ? change.from! : change.path;
    const email = uncommitted.has(change.path) ? uncommitted.get(change.path) : committedBy.get(change.path);
    const baseDate = change.status === 'added' ? undefined : baseDates.get(basePath);
    result[change.path] = {
      ...(baseDate === undefined ? {} : { baseLastReviewed: baseDate }),
      lastEditors: email === undefined ? [] : (handlesOf.get(email.toLowerCase()) ?? []),
    };
  }
  return result;
}

/**
 * `last_reviewed` of every page at the merge base, from one `git grep` of
 * the front-matter fences and `last_reviewed:` lines: the value on such a
 * line between the opening fence (line 1) and the closing one. A page whose
 * base value this cannot read (a quoted key, flow-style front matter) counts
 * as having none, so its review needs sign-off: strict, never silent.
 */
async function baseLastReviewed(git: SimpleGit, mergeBase: string, paths: string[]): Promise<Map<string, string>> {
  // Only the changed pages: a pull request touching three pages need not search ten thousand.
  const pathspecs = paths.length <= MAX_PATHSPECS ? paths.map((file) => `:(literal)${file}`) : ['*.md'];
  const output = await git
    .raw(['grep', '-z', '-n', '-I', '--no-full-name', '-E', '-e', '^---[[:space:]]*$', '-e', '^last_reviewed[[:space:]]*:', mergeBase, '--', ...pathspecs])
    // git grep exits 1 when nothing matches: no page had front matter then.
    .catch(() => '');
  const dates = new Map<string, string>();
  const fences = new Map<string, number>();
  for (const { file, line, text } of parseGrepLines(output, mergeBase)) {
    const seen = fences.get(file) ?? 0;
    if (text.startsWith('---')) {
      // Only a fence on line 1 opens front matter; the next one closes it.
      fences.set(file, seen === 0 && line !== 1 ? 2 : seen + 1);
    } else if (seen === 1 && !dates.has(file)) {
      const value = readFrontMatterFields(`---\n${text}\n---\n`, LAST_REVIEWED)?.last_reviewed;
      if (typeof value === 'string') dates.set(file, value);
    }
  }
  return dates;
}

const LAST_REVIEWED = new Set(['last_reviewed']);
/** More changed pages than this are searched with one `*.md` pattern, keeping the command line short. */
const MAX_PATHSPECS = 500;

/** The author email of the newest commit since the merge base touching each path (git log lists newest first). */
async function newestAuthors(git: SimpleGit, mergeBase: string): Promise<Map<string, string>> {
  const output = await git.raw(['log', '--relative', '--format=%x01%ae', '-z', '--name-only', `${mergeBase}..HEAD`, '--', '.']);
  const authors = new Map<string, string>();
  for (const commit of output.split('\x01')) {
    const [email, ...names] = commit.split('\0');
    if (!email) continue;
    for (const name of names) {
      const file = name.replace(/^\n/, '');
      if (file !== '' && !authors.has(file)) authors.set(file, email);
    }
  }
  return authors;
}

/**
 * The pages with work not yet committed (staged or unstaged changes against
 * HEAD, or untracked), each with git's `user.email`, asked only when there
 * are some: a pull request's checkout has none.
 */
async function uncommittedEmails(git: SimpleGit, pages: readonly FileChange[], untracked: readonly string[]): Promise<Map<string, string | undefined>> {
  const tracked = await git.raw(['diff', '--name-only', '-z', '--relative', '--no-ext-diff', 'HEAD', '--']);
  const paths = new Set([...tracked.split('\0').filter((file) => file !== ''), ...untracked]);
  const uncommitted = pages.filter((change) => paths.has(change.path));
  if (uncommitted.length === 0) return new Map();
  const email = await git.raw(['config', 'user.email']).then(
    (value) => value.trim() || undefined,
    () => undefined,
  );
  return new Map(uncommitted.map((change) => [change.path, email]));
}

function handlesByEmail(editors: Record<string, Editor> | undefined): Map<string, string[]> {
  const byEmail = new Map<string, string[]>();
  for (const [handle, editor] of Object.entries(editors ?? {})) {
    const email = editor.email.toLowerCase();
    byEmail.set(email, [...(byEmail.get(email) ?? []), handle]);
  }
  return byEmail;
}

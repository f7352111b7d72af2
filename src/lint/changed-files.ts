import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { SimpleGit } from 'simple-git';
import { UsageError } from '../config/config-error.js';
import { editorsFileSchema, type Editor } from '../config/editors-schema.js';
import type { ResolvedConfig } from '../config/load-config.js';
import type { ContentIndex } from '../content/content-index.js';
import { isGlossaryPath } from '../content/discover.js';
import { parseFrontMatter } from '../content/front-matter.js';
import { scanHeadingSlugs } from '../content/headings.js';
import { relativeTo } from '../content/repo-path.js';
import { createGit, describeGitError } from '../git/git-client.js';
import { textsAt } from '../git/grep-lines.js';
import { trimEnd } from '../content/repo-path.js';

export interface ChangedTargetsOptions {
  config: ResolvedConfig;
  /** The index of the work tree (the full index the run lints with). */
  index: ContentIndex;
  /** The ref a pull request merges into: `origin/main`, `main`, `HEAD~1`. */
  base: string;
  /** A simple-git instance working in `config.root` (default: one made there). */
  git?: SimpleGit;
  /** What git already said about `base` (readBaseChanges), so a caller can ask it other things meanwhile. */
  found?: BaseChanges;
}

/** The merge base of the base ref and HEAD, and every change since it. */
export interface BaseChanges {
  mergeBase: string;
  changes: FileChange[];
  /** Untracked files (root-relative), also among `changes` as added: review-changes.ts needs them apart. */
  untracked: string[];
}

export interface ChangedTargets extends BaseChanges {
  /** Root-relative paths of the pages and glossary entries to lint, sorted. */
  targets: string[];
  /** Why each target is linted: `changed`, `links to glossary entry \`x\` which changed`, … */
  reasons: Map<string, string>;
}

/** One file changed between the merge base and the work tree; paths are root-relative. */
export interface FileChange {
  status: 'added' | 'modified' | 'removed' | 'renamed';
  path: string;
  /** The old path of a rename. */
  from?: string;
}

/** Whether a page's text may make its findings depend on a change elsewhere. */
interface Dependency {
  reason: string;
  /** `text` is the whole file; false positives are fine, misses are not. */
  test: (text: string) => boolean;
}

/** Files read at once while scanning for dependants: enough to keep the disk busy, far below the fd limit. */
const READ_CONCURRENCY = 32;

/**
 * The pages and glossary entries a pull request needs linted: the governed
 * files changed against the merge base of `base` and HEAD (committed, staged,
 * unstaged and untracked), plus the files whose findings depend on a change
 * elsewhere: links to a changed, added, removed or renamed glossary entry;
 * links to a removed, renamed or added file, or to a heading of an edited page
 * whose headings changed; owners, reviewers and sign-off handles whose editors.yml entry
 * changed. A changed config changes every finding, so it selects every file.
 * Dependants are found by plain substring search of the raw text, each file
 * read once, and only when some change has dependants.
 */
export async function changedTargets(options: ChangedTargetsOptions): Promise<ChangedTargets> {
  const { config, index } = options;
  const git = options.git ?? createGit(config.root);
  const { mergeBase, changes, untracked } = options.found ?? (await readBaseChanges(git, options.base));

  const content = new Set(index.data.content);
  const reasons = new Map<string, string>();
  for (const change of changes) {
    if (change.status !== 'removed' && content.has(change.path)) reasons.set(change.path, changeReason(change));
  }

  const editors = await editorsDependencies(git, mergeBase, config, index, changes);
  const everything = configReason(config, changes) ?? editors.everyFile;
  if (everything) {
    for (const file of index.data.content) if (!reasons.has(file)) reasons.set(file, everything);
    return { ...sorted(reasons), mergeBase, changes, untracked };
  }
  const dependencies = [
    ...glossaryDependencies(config, changes),
    ...linkDependencies(config, changes),
    ...(await headingDependencies(git, mergeBase, config, index, changes)),
    ...editors.dependencies,
  ];
  if (dependencies.length > 0) {
    const rest = index.data.content.filter((file) => !reasons.has(file));
    await forEachLimited(rest, READ_CONCURRENCY, async (file) => {
      const text = await readFile(path.join(config.root, file), 'utf8').catch(() => undefined);
      // An unreadable file is linted anyway: its own lint reports why.
      const hit = text === undefined ? { reason: 'could not be read to check its links' } : dependencies.find((d) => d.test(text));
      if (hit) reasons.set(file, hit.reason);
    });
  }
  return { ...sorted(reasons), mergeBase, changes, untracked };
}

function sorted(reasons: Map<string, string>): Pick<ChangedTargets, 'targets' | 'reasons'> {
  const targets = [...reasons.keys()].sort();
  return { targets, reasons: new Map(targets.map((file) => [file, reasons.get(file)!])) };
}

/** The merge base of `base` and HEAD, and the changes from it to the work tree. */
export async function readBaseChanges(git: SimpleGit, base: string): Promise<BaseChanges> {
  const mergeBase = await resolveMergeBase(git, base);
  return { mergeBase, ...(await readChanges(git, mergeBase)) };
}

async function resolveMergeBase(git: SimpleGit, base: string): Promise<string> {
  // A base that looks like an option would be read as one by git.
  if (base === '' || base.startsWith('-')) throw new UsageError(`Invalid base \`${base}\`, expected a branch, tag or commit such as origin/main`);
  const mergeBase = await git.raw(['merge-base', base, 'HEAD']).catch(() => undefined);
  if (mergeBase !== undefined) return mergeBase.trim();
  // Only now is it worth a second process to tell an unknown base from unrelated history.
  try {
    await git.raw(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  } catch (error) {
    const detail = describeGitError(error);
    const why = /^git exited with code/.test(detail) ? 'no such branch, tag or commit' : detail;
    throw new UsageError(`Unknown base \`${base}\` (${why}), expected a branch, tag or commit of this repository such as origin/main (in CI, fetch it first)`);
  }
  throw new UsageError(
    `No common history between base \`${base}\` and HEAD, expected a base this branch was made from (in CI, check out with full history: fetch-depth: 0)`,
  );
}

/** Changes from the merge base to the work tree, relative to the content root (git runs there). */
async function readChanges(git: SimpleGit, mergeBase: string): Promise<{ changes: FileChange[]; untracked: string[] }> {
  const [diff, others] = await Promise.all([
    git.raw(['diff', '--name-status', '-z', '--find-renames', '--relative', '--no-ext-diff', mergeBase, '--']),
    git.raw(['ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  const changes = parseNameStatus(diff);
  const untracked = others.split('\0').filter((file) => file !== '');
  for (const file of untracked) changes.push({ status: 'added', path: file });
  return { changes, untracked };
}

/** `git diff --name-status -z` output: `M\0path\0`, `R087\0old\0new\0`, … */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const status = fields[i]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i + 1]!;
      const to = fields[i + 2]!;
      // A copy leaves its source in place: only the new file is a change.
      changes.push(status.startsWith('R') ? { status: 'renamed', path: to, from } : { status: 'added', path: to });
      i += 3;
    } else {
      const kind = status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified';
      changes.push({ status: kind, path: fields[i + 1]! });
      i += 2;
    }
  }
  return changes;
}

function changeReason(change: FileChange): string {
  if (change.status === 'renamed') return `renamed from \`${change.from}\``;
  return change.status === 'added' ? 'added' : 'changed';
}

/** A changed config can change any finding (severities, policy, which files are governed). */
function configReason(config: ResolvedConfig, changes: FileChange[]): string | undefined {
  if (!config.file) return undefined;
  const file = relativeTo(config.root, config.file);
  return changes.some((c) => c.path === file || c.from === file) ? `\`${file}\` changed` : undefined;
}

function glossaryDependencies(config: ResolvedConfig, changes: FileChange[]): Dependency[] {
  const idOf = (file: string | undefined) =>
    file !== undefined && file.endsWith('.md') && isGlossaryPath(config, file) ? path.posix.basename(file, '.md') : undefined;
  const linkers = (id: string, what: string): Dependency => ({
    reason: `links to glossary entry \`${id}\` which ${what}`,
    test: (text) => mentionsGlossaryId(text, id),
  });
  return changes.flatMap((change) => {
    const id = idOf(change.path);
    const old = idOf(change.from);
    const found: Dependency[] = [];
    if (change.status === 'renamed') {
      if (old !== undefined) found.push(linkers(old, id === undefined ? 'was removed' : `was renamed to \`${id}\``));
      if (id !== undefined) found.push(linkers(id, old === undefined ? 'was added' : `was renamed from \`${old}\``));
    } else if (id !== undefined) {
      found.push(linkers(id, change.status === 'modified' ? 'changed' : `was ${change.status}`));
    }
    return found;
  });
}

/** A character that would make the id in a link longer, so a different id. */
const ID_CONTINUES = /[A-Za-z0-9_-]/;

/** `glossary:<id>` anywhere in the text, the scheme in any case (as the link rules read it). */
function mentionsGlossaryId(text: string, id: string): boolean {
  const needle = `:${id}`;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const next = text[at + needle.length];
    if (next !== undefined && ID_CONTINUES.test(next)) continue;
    if (at >= 8 && text.slice(at - 8, at).toLowerCase() === 'glossary') return true;
  }
  return false;
}

/**
 * Relative links break when their target goes away and start to resolve when
 * it appears. Links may point at any file, so removals count everywhere,
 * additions inside the content root (the only files link-broken indexes).
 */
function linkDependencies(config: ResolvedConfig, changes: FileChange[]): Dependency[] {
  const inContent = inContentRoot(config);
  const linkers = (file: string, what: string): Dependency => ({
    reason: `links to \`${file}\` which ${what}`,
    test: (text) => linkNames(file).some((name) => mentionsLinkTo(text, name)),
  });
  return changes.flatMap((change): Dependency[] => {
    if (change.status === 'removed') return [linkers(change.path, 'was removed')];
    if (change.status === 'added') return inContent(change.path) ? [linkers(change.path, 'was added')] : [];
    if (change.status !== 'renamed') return [];
    return [
      linkers(change.from!, `was renamed to \`${change.path}\``),
      ...(inContent(change.path) ? [linkers(change.path, `was renamed from \`${change.from}\``)] : []),
    ];
  });
}

/**
 * Edited pages whose heading anchors are checked against the merge base: one
 * git process brings back their whole texts, so past this many (an answer of
 * megabytes) their fragment linkers are looked for without checking (the scan
 * reads every file once, whatever their number).
 */
const HEADING_CHECKS = 16;

/** A `#fragment` link breaks or starts to resolve when the target's heading anchors change. */
async function headingDependencies(
  git: SimpleGit,
  mergeBase: string,
  config: ResolvedConfig,
  index: ContentIndex,
  changes: FileChange[],
): Promise<Dependency[]> {
  const inContent = inContentRoot(config);
  const edited = changes.filter((c) => c.status === 'modified' && c.path.endsWith('.md') && inContent(c.path)).map((c) => c.path);
  const texts = edited.length <= HEADING_CHECKS ? await textsAt(git, mergeBase, edited) : new Map<string, string | undefined>();
  const changed = (file: string) => {
    const text = texts.get(file);
    const before = text === undefined ? undefined : headingSlugsOf(text);
    const after = index.headingSlugs(file);
    return !(before && after && before.size === after.size && [...before].every((slug) => after.has(slug)));
  };
  return edited
    .filter(changed)
    .map((file) => ({
      reason: `links to a heading of \`${file}\` whose headings changed`,
      test: (text) => linkNames(file).some((name) => mentionsFragmentLinkTo(text, name)),
    }));
}

/** Heading anchors of a page's text, as ContentIndex.headingSlugs finds them in the file. */
function headingSlugsOf(text: string): Set<string> {
  const bodyLine = parseFrontMatter(text).bodyLine;
  let offset = 0;
  for (let line = 1; line < bodyLine && offset !== -1; line++) {
    const next = text.indexOf('\n', offset);
    offset = next === -1 ? -1 : next + 1;
  }
  return new Set(offset === -1 ? [] : scanHeadingSlugs(text.slice(offset)));
}

function inContentRoot(config: ResolvedConfig): (file: string) => boolean {
  const root = trimEnd(path.posix.normalize(config.config.content.root), '/');
  return (file) => root === '.' || file.startsWith(`${root}/`);
}

/**
 * The last path segment a link to `file` ends with: the file name, without
 * `.md` for a page (links may leave it off), and the folder's name for an
 * `index.md` (a link to the folder); each also percent-encoded.
 */
function linkNames(file: string): string[] {
  const base = path.posix.basename(file);
  const names = [file.endsWith('.md') ? base.slice(0, -'.md'.length) : base];
  const folder = path.posix.basename(path.posix.dirname(file));
  if (base === 'index.md' && folder !== '.' && folder !== '') names.push(folder);
  return [...new Set(names.flatMap((name) => [name, encodeURIComponent(name)]))].filter((name) => name !== '');
}

/** Characters that may follow a link's last path segment: `.md`, `)`, `#`, `?`, `>`, `/`, a title or line end. */
const AFTER_LINK_NAME = /[.)#?>/\s"']/;

function mentionsLinkTo(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const next = text[at + name.length];
    if (next === undefined || AFTER_LINK_NAME.test(next)) return true;
  }
  return false;
}

function mentionsFragmentLinkTo(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const after = at + name.length;
    if (text.startsWith('#', after) || text.startsWith('.md#', after) || text.startsWith('/#', after)) return true;
  }
  return false;
}

/**
 * owner-unknown depends on editors.yml: a handle added, removed or edited
 * there selects the files whose front matter names it. When the roster became
 * usable or unusable every file is selected (handle checks are skipped while
 * it is unusable).
 */
async function editorsDependencies(
  git: SimpleGit,
  mergeBase: string,
  config: ResolvedConfig,
  index: ContentIndex,
  changes: FileChange[],
): Promise<{ everyFile?: string; dependencies: Dependency[] }> {
  const file = path.posix.normalize(config.config.content.editors);
  if (!changes.some((c) => c.path === file || c.from === file)) return { dependencies: [] };
  // The roster at the merge base (missing there: unusable, as it would have been then).
  const before = await git.raw(['cat-file', 'blob', `${mergeBase}:./${file}`]).then(parseEditors, () => undefined);
  const after = index.data.editors;
  if (before === undefined || after === undefined) {
    if (before === after) return { dependencies: [] };
    return { everyFile: `\`${file}\` ${after === undefined ? 'can no longer be used' : 'became usable'}, so every handle is checked anew`, dependencies: [] };
  }
  const dependencies: Dependency[] = [];
  for (const handle of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = Object.hasOwn(before, handle) ? before[handle] : undefined;
    const is = Object.hasOwn(after, handle) ? after[handle] : undefined;
    if (isDeepStrictEqual(was, is)) continue;
    const what = was === undefined ? 'was added' : is === undefined ? 'was removed' : 'changed';
    dependencies.push({
      reason: `names \`${handle}\` whose entry in \`${file}\` ${what}`,
      test: (text) => frontMatterText(text).includes(handle),
    });
  }
  return { dependencies };
}

/** The roster as the index reads it (undefined when unusable), from text instead of a file. */
function parseEditors(text: string): Record<string, Editor> | undefined {
  const parsed = parseFrontMatter(`---\n${text}\n---\n`);
  if (parsed.errors.length > 0) return undefined;
  const result = editorsFileSchema.safeParse(parsed.data ?? {});
  return result.success ? result.data.editors : undefined;
}

const CLOSING_FENCE = /\n---[ \t]*\r?(?:\n|$)/;

/** The front matter block by plain search (no YAML parse); empty when the file has none. */
function frontMatterText(text: string): string {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!source.startsWith('---')) return '';
  const end = source.slice(3).search(CLOSING_FENCE);
  return end === -1 ? source : source.slice(0, end + 3);
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

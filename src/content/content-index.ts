import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Editor } from '../config/editors-schema.js';
import type { ResolvedConfig } from '../config/load-config.js';
import { discoverFiles, isGlossaryPath } from './discover.js';
import { namesOneOf, normaliseName } from './glossary-names.js';
import { readFrontMatterFields, splitFrontMatter } from './front-matter.js';
import { scanHeadingSlugs } from './headings.js';
import { loadEditors, type EditorsProblem } from './load-editors.js';
import { words } from './words.js';

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
  /** Root-relative path of the entry. */
  file: string;
}

/**
 * What the cross-file rules need to know about the whole repository, built
 * once per run: compact and plain data, so it can be shared with workers.
 */
export interface IndexData {
  root: string;
  editorsFile: string;
  editors: Record<string, Editor> | undefined;
  escalation: string[];
  editorsProblems: EditorsProblem[];
  glossary: Record<string, GlossaryTerm>;
  /** Root-relative paths of every file under the content root. */
  files: string[];
  /** Root-relative paths of the pages and glossary entries to lint. */
  content: string[];
  /**
   * With a base (`lint --changed`): what git says about each page changed
   * against it, by root-relative path, for `review-signoff`. Absent on a full run.
   */
  reviewChanges?: Record<string, ReviewChange>;
}

/** One changed page as git saw it, computed once before linting (src/lint/review-changes.ts). */
export interface ReviewChange {
  /** `last_reviewed` at the merge base as written; absent for a new page or one that had none. */
  baseLastReviewed?: string;
  /** Handles in editors.yml whose email made the newest change (uncommitted work: git's user.email); empty when none match. */
  lastEditors: string[];
}

/**
 * A dependency of one file's findings on the rest of the repository, named so
 * the cache can ask later whether it still holds: `r:<path>` what git says
 * about the page against the base (`--changed`), `g:<id>` a glossary entry,
 * `gx:<id>` whether it exists, `m:["<id>","<text>"]` whether a link's text
 * names it, `e:<handle>` an editor, `w:<word>` whether a glossary term has a word, `f:<path>` a file's existence, `h:<path>` a page's
 * headings, `x:<path>` a file outside the content root, and `G`, `E`, `F`
 * the whole glossary, roster and file list (for suggestions), `E?` whether
 * editors.yml is usable at all.
 */
export type Dependency = string;

export class ContentIndex {
  private readonly files: ReadonlySet<string>;
  private readonly slugCache = new Map<string, ReadonlySet<string> | undefined>();
  private readonly wholeFingerprints = new Map<string, string>();
  private readonly fingerprints = new Map<Dependency, string>();
  private readonly entryNames = new Map<string, readonly string[]>();
  private recorder: Set<Dependency> | undefined;
  private glossaryWords: Set<string> | undefined;
  private readonly hashes = new Map<string, string>();

  constructor(readonly data: IndexData) {
    this.files = new Set(data.files);
  }

  get root(): string {
    return this.data.root;
  }

  /** Note every dependency the rules touch into `set` (one file at a time), or stop noting. */
  recordInto(set: Set<Dependency> | undefined): void {
    this.recorder = set;
  }

  editorsUsable(): boolean {
    this.recorder?.add('E?');
    return this.data.editors !== undefined;
  }

  editor(handle: string): Editor | undefined {
    this.recorder?.add(`e:${handle}`);
    const editors = this.data.editors;
    return editors && Object.hasOwn(editors, handle) ? editors[handle] : undefined;
  }

  editorHandles(): string[] {
    this.recorder?.add('E');
    return Object.keys(this.data.editors ?? {});
  }

  /** What git says about this page against the base; undefined on a full run or when the page did not change. */
  reviewChange(relative: string): ReviewChange | undefined {
    this.recorder?.add(`r:${relative}`);
    const changes = this.data.reviewChanges;
    return changes && Object.hasOwn(changes, relative) ? changes[relative] : undefined;
  }

  glossaryTerm(id: string): GlossaryTerm | undefined {
    this.recorder?.add(`g:${id}`);
    return Object.hasOwn(this.data.glossary, id) ? this.data.glossary[id] : undefined;
  }

  hasGlossaryEntry(id: string): boolean {
    this.recorder?.add(`gx:${id}`);
    return Object.hasOwn(this.data.glossary, id);
  }

  /**
   * Whether a glossary link's text names its entry (glossary-names.ts), or
   * undefined when there is no such entry. Recorded as the question asked, so
   * a cached page waits on the answer, not on everything the entry says.
   */
  glossaryLinkNamesEntry(id: string, text: string): boolean | undefined {
    this.recorder?.add(`m:${JSON.stringify([id, text])}`);
    if (!Object.hasOwn(this.data.glossary, id)) return undefined;
    let names = this.entryNames.get(id);
    if (!names) {
      // Each link to an entry compares its text with the entry's names: normalised once a run.
      const entry = this.data.glossary[id]!;
      this.entryNames.set(id, (names = [entry.term, ...entry.aliases].map(normaliseName)));
    }
    return namesOneOf(text, names);
  }

  /** Whether any glossary term or alias has this (lower-case) word. */
  glossaryHasWord(word: string): boolean {
    this.recorder?.add(`w:${word}`);
    this.glossaryWords ??= new Set(Object.values(this.data.glossary).flatMap((entry) => [entry.term, ...entry.aliases].flatMap(words)));
    return this.glossaryWords.has(word);
  }

  glossaryTerms(): GlossaryTerm[] {
    this.recorder?.add('G');
    return Object.values(this.data.glossary);
  }

  hasFile(relative: string): boolean {
    this.recorder?.add(`f:${relative}`);
    return this.files.has(relative);
  }

  filePaths(): ReadonlySet<string> {
    this.recorder?.add('F');
    return this.files;
  }

  /** A file outside the content root (rare: `../../README.md`), looked up on disk. */
  existsOutside(relative: string): boolean {
    this.recorder?.add(`x:${relative}`);
    return existsSync(path.join(this.root, relative));
  }

  /** Heading anchors of a root-relative Markdown file, scanned on first use. */
  headingSlugs(relative: string): ReadonlySet<string> | undefined {
    this.recorder?.add(`h:${relative}`);
    if (!this.slugCache.has(relative)) {
      let slugs: ReadonlySet<string> | undefined;
      try {
        const bytes = readFileSync(path.join(this.root, relative));
        // The `h:` dependency just recorded is fingerprinted by these bytes' hash: one read for both.
        if (this.recorder && !this.hashes.has(relative)) this.contentHash(relative, bytes);
        const text = bytes.toString('utf8');
        slugs = new Set(scanHeadingSlugs(text.slice(splitFrontMatter(text).bodyOffset + (text.charCodeAt(0) === 0xfeff ? 1 : 0))));
      } catch {
        slugs = undefined;
      }
      this.slugCache.set(relative, slugs);
    }
    return this.slugCache.get(relative);
  }

  /** SHA-256 of a root-relative file's bytes (read once, or told by the engine that already read it). */
  contentHash(relative: string, bytes?: Uint8Array): string {
    let hash = bytes ? undefined : this.hashes.get(relative);
    if (hash === undefined) {
      try {
        hash = createHash('sha256').update(bytes ?? readFileSync(path.join(this.root, relative))).digest('hex');
      } catch {
        hash = 'missing';
      }
      this.hashes.set(relative, hash);
    }
    return hash;
  }

  /** Record a hash the engine knows without reading the file again (its size and time match the cache). */
  knowHash(relative: string, hash: string): void {
    this.hashes.set(relative, hash);
  }

  /** Recorded dependencies, sorted, each with what it resolves to now: what a result stores. */
  fingerprinted(dependencies: Iterable<Dependency>): Array<[Dependency, string]> {
    return [...dependencies].sort().map((dependency) => [dependency, this.fingerprint(dependency)]);
  }

  /** What a dependency resolves to now; a cached result stands only while every one is unchanged. */
  fingerprint(dependency: Dependency): string {
    // Page-specific ones are cheap and asked by few pages: remembered, they were most of a worker's
    // growth over a cold run (`f:`, `h:` and `r:` were 16,700 of 17,800 entries after 5,000 pages).
    // The index does not change during a run: each shared dependency is resolved once, however many files ask.
    let known = this.fingerprints.get(dependency);
    if (known !== undefined) return known;
    const [kind, key = ''] = split(dependency);
    known = this.resolveFingerprint(kind, key);
    if (SHARED.has(kind)) this.fingerprints.set(dependency, known);
    return known;
  }

  private resolveFingerprint(kind: string, key: string): string {
    const saved = this.recorder;
    this.recorder = undefined;
    try {
      switch (kind) {
        case 'e':
          return digest(JSON.stringify(this.editor(key) ?? null));
        case 'r':
          // A full run and an unchanged page read the same (nothing): one fingerprint for both.
          return digest(JSON.stringify(this.reviewChange(key) ?? null));
        case 'g':
          return digest(JSON.stringify(this.glossaryTerm(key) ?? null));
        case 'w':
          return this.glossaryHasWord(key) ? '1' : '0';
        case 'gx':
          return this.hasGlossaryEntry(key) ? '1' : '0';
        case 'm': {
          const [id, text] = JSON.parse(key) as [string, string];
          const names = this.glossaryLinkNamesEntry(id, text);
          return names === undefined ? '-' : names ? '1' : '0';
        }
        case 'f':
          return this.hasFile(key) ? '1' : '0';
        case 'x':
          return this.existsOutside(key) ? '1' : '0';
        case 'h':
          // The target's bytes stand for its headings: no re-scan to check a cached result.
          return this.contentHash(key).slice(0, 16);
        case 'E?':
          return this.editorsUsable() ? '1' : '0';
        default:
          return this.whole(kind);
      }
    } finally {
      this.recorder = saved;
    }
  }

  private whole(kind: string): string {
    let value = this.wholeFingerprints.get(kind);
    if (value === undefined) {
      const source =
        kind === 'G'
          ? // Sorted: entries are read in parallel, so their order in the record varies between runs.
            Object.keys(this.data.glossary).sort().map((id) => this.data.glossary[id])
          : kind === 'E'
            ? (this.data.editors ?? null)
            : kind === 'F'
              ? this.data.files
              : `unknown ${kind}`;
      value = createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 32);
      this.wholeFingerprints.set(kind, value);
    }
    return value;
  }
}

/** Dependency kinds many pages share, whose fingerprints are worth remembering: editors and glossary entries (the wholes keep their own). */
const SHARED = new Set(['e', 'g', 'gx', 'm', 'w']);

/** Long fingerprints as a short digest: the cache stores one per dependency per file. */
function digest(value: string): string {
  return value.length <= 16 ? value : createHash('sha256').update(value).digest('base64url').slice(0, 16);
}

function split(dependency: Dependency): [string, string?] {
  const colon = dependency.indexOf(':');
  return colon === -1 ? [dependency] : [dependency.slice(0, colon), dependency.slice(colon + 1)];
}

export async function buildIndex(config: ResolvedConfig): Promise<ContentIndex> {
  const editorsFile = config.config.content.editors;
  const [editors, { files, content }] = await Promise.all([loadEditors(path.join(config.root, editorsFile)), discoverFiles(config)]);
  const glossary: Record<string, GlossaryTerm> = {};
  await Promise.all(
    content
      .filter((file) => isGlossaryPath(config, file))
      .map(async (file) => {
        const id = path.posix.basename(file, '.md');
        const entry = await readGlossaryTerm(path.join(config.root, file));
        glossary[id] = { id, file, term: entry.term ?? id, aliases: entry.aliases };
      }),
  );
  return new ContentIndex({
    root: config.root,
    editorsFile,
    editors: editors.editors,
    escalation: editors.escalation,
    editorsProblems: editors.problems,
    glossary,
    files,
    content,
  });
}

const GLOSSARY_FIELDS = new Set(['term', 'aliases']);

async function readGlossaryTerm(file: string): Promise<{ term: string | undefined; aliases: string[] }> {
  try {
    const data = readFrontMatterFields(await readFile(file, 'utf8'), GLOSSARY_FIELDS);
    const term = typeof data?.term === 'string' ? data.term : undefined;
    const aliases = Array.isArray(data?.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
    return { term, aliases };
  } catch {
    // An unreadable entry still exists as an id; its own lint run reports the problem.
    return { term: undefined, aliases: [] };
  }
}

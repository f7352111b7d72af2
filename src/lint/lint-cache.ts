import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiJson } from '../fs/ascii-json.js';
import { inPieces } from '../fs/in-pieces.js';
import { readStart } from '../fs/read-start.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import type { ResolvedConfig } from '../config/load-config.js';
import type { ContentIndex, Dependency } from '../content/content-index.js';
import { parseIsoDate, compareDates, type PlainDate } from '../time/calendar-date.js';
import { VERSION } from '../version.js';
import type { FileMetrics } from './file-metrics.js';
import type { RuleId } from '../rules/catalog.js';
import type { LintContext } from './context.js';
import { compareInFile } from './finding.js';
import { checkLinks, LINK_RULES, type LinkRecord } from './link-recheck.js';
import { LinkRecordsFile } from './link-records-file.js';
import type { FileFinding, FileResult } from './lint-file.js';
import { letYoungGenerationGrow } from './young-generation.js';

const FORMAT = 7;
export const CACHE_DIR = '.pagecare-cache';

interface Entry extends Omit<FileResult, 'dependencies' | 'links'> {
  /** SHA-256 of the file's bytes: content, not timestamps, so a fresh CI checkout can reuse it. */
  hash: string;
  /** Size and modification time when hashed: when both still match, the file is not read again. */
  size: number;
  mtimeMs: number;
  /** Positions in the cache's table of (dependency, fingerprint) pairs. */
  dependencies: number[];
  /** The day a result with date findings (`validUntil` set) was checked: it holds from then to `validUntil`, not before. */
  checkedOn?: string;
  /** What the findings of the page's glossary links depend on (src/lint/link-recheck.ts); the links are in links.json. */
  links?: { dependencies: number[] };
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What a run's cached results rest on besides the cache's key: each file's stamp and hash, every (dependency, fingerprint) pair they name. */
export interface RunInputs {
  /** Root-relative path, size, modification time and hash, in the run's order. */
  files: Array<[string, number, number, string]>;
  pairs: Array<[Dependency, string]>;
}

interface CacheFile {
  format: number;
  key: string;
  /**
   * Every (dependency, fingerprint) pair the entries name, stored once: most pages share
   * their glossary and editor dependencies, so this keeps the file small and each pair is
   * checked against the index once per run, not once per page.
   */
  dependencies: Array<[Dependency, string]>;
  entries: Record<string, Entry>;
}

/**
 * Lint results by file, reused only while nothing they depend on changed:
 * the file's bytes, pagecare's code and version, the config, the parts of
 * the cross-file index the file's rules looked at, and (for the date rules)
 * the day. Kept in `.pagecare-cache/` of the content repository.
 */
export class LintCache {
  private dirty = false;
  /** Each stored pair's position, built when the first result is stored: a run with every file cached never needs it. */
  private pairIds: Map<string, number> | undefined;
  /** Whether each pair still holds in this run's index (filled in as lookups ask). */
  private readonly holds: Array<boolean | undefined> = [];
  private readonly validUntil = new Map<string, PlainDate | undefined>();
  /** Results served after checking their glossary links again, without a parse. */
  rechecked = 0;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly pairs: Array<[Dependency, string]>,
    private readonly entries: Record<string, Entry>,
    private readonly links: LinkRecordsFile,
  ) {}

  static async open(config: ResolvedConfig): Promise<LintCache> {
    const file = path.join(config.root, CACHE_DIR, 'lint.json');
    const key = cacheKey(config);
    const links = new LinkRecordsFile(path.join(config.root, CACHE_DIR, 'links.json'), key);
    try {
      // A cache from another version or config is dropped unread: parsed, its tens of megabytes
      // stayed on the heap as garbage through the cold lint that follows (310-318 MB at 10,000 pages).
      if (readStart(file, cacheHead(key).length).toString('latin1') !== cacheHead(key)) throw new Error('another version or config');
      letYoungGenerationGrow();
      // Written as ASCII (see `save`), so read byte for character: no UTF-8 decoding of megabytes.
      const stored = JSON.parse(await readFile(file, 'latin1')) as CacheFile;
      if (stored.format === FORMAT && stored.key === key && Array.isArray(stored.dependencies) && stored.entries && typeof stored.entries === 'object') {
        return new LintCache(file, key, stored.dependencies, stored.entries, links);
      }
    } catch {
      // Missing or unreadable: start empty. A cache is never a reason to fail.
    }
    return new LintCache(file, key, [], Object.create(null) as Record<string, Entry>, links);
  }

  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** Whether any file's result is stored: with none (a cold run) no file's hash is known from its size and time. */
  holdsResults(): boolean {
    for (const relative in this.entries) if (Object.hasOwn(this.entries, relative)) return true;
    return false;
  }

  /** The stored hash when the file's size and time are as they were (as git's index does); else undefined. */
  knownHash(relative: string, stamp: FileStamp): string | undefined {
    const entry = Object.hasOwn(this.entries, relative) ? this.entries[relative] : undefined;
    return entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs ? entry.hash : undefined;
  }

  /**
   * The stored findings for `relative`, if they still hold for these bytes,
   * this run's index and day. When all that changed is what the page's
   * glossary links depend on, their findings are checked again from the
   * stored links, without a parse.
   */
  lookup(relative: string, hash: string, context: LintContext): FileFinding[] | undefined {
    const entry = Object.hasOwn(this.entries, relative) ? this.entries[relative] : undefined;
    if (!entry || entry.hash !== hash) return undefined;
    if (entry.validUntil !== null) {
      // A date finding holds from the day it was checked to its last day: `--today` may go back as well as on.
      const from = entry.checkedOn === undefined ? undefined : this.day(entry.checkedOn);
      const until = this.day(entry.validUntil);
      if (!from || !until || compareDates(context.today, from) < 0 || compareDates(context.today, until) > 0) return undefined;
    }
    if (!this.allHold(entry.dependencies, context.index)) return undefined;
    if (entry.links && !this.allHold(entry.links.dependencies, context.index)) return this.recheckLinks(relative, entry, context);
    return entry.findings;
  }

  private allHold(ids: readonly number[], index: ContentIndex): boolean {
    for (const id of ids) {
      let holds = this.holds[id];
      if (holds === undefined) {
        const pair = this.pairs[id];
        this.holds[id] = holds = pair !== undefined && index.fingerprint(pair[0]) === pair[1];
      }
      if (!holds) return false;
    }
    return true;
  }

  /** The entry with its link findings checked again; undefined (a full re-lint) when its links are not stored or that fails. */
  private recheckLinks(relative: string, entry: Entry, context: LintContext): FileFinding[] | undefined {
    const records = this.links.get(relative, entry.hash);
    if (records === undefined) return undefined;
    let fresh: ReturnType<typeof checkLinks>;
    try {
      fresh = checkLinks(JSON.parse(records) as LinkRecord[], context);
    } catch {
      return undefined;
    }
    entry.findings = [...entry.findings.filter((finding) => !LINK_RULES.has(finding.ruleId as RuleId)), ...fresh.findings].sort(compareInFile);
    entry.links = { dependencies: this.ids(fresh.dependencies) };
    this.dirty = true;
    this.rechecked++;
    return entry.findings;
  }

  /**
   * After a `lookup` hit: the file's stored metrics, with its size and time
   * brought up to date (a fresh checkout changes times, not bytes), so later
   * runs and `review` know the file without reading it.
   */
  reuse(relative: string, stamp: FileStamp): FileMetrics {
    const entry = this.entries[relative]!;
    if (entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) {
      entry.size = stamp.size;
      entry.mtimeMs = stamp.mtimeMs;
      this.dirty = true;
    }
    return entry.metrics;
  }

  /**
   * The metrics stored for `relative` when its size and time are as they were
   * when linted: no read and no hash, so `review` stays as cheap as reading
   * front matter. Undefined when the file changed since, or was never linted.
   */
  knownMetrics(relative: string, stamp: FileStamp): FileMetrics | undefined {
    const entry = Object.hasOwn(this.entries, relative) ? this.entries[relative] : undefined;
    return entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs ? entry.metrics : undefined;
  }

  /** What the results of `relatives` rest on; undefined when one has none stored. */
  inputsOf(relatives: readonly string[]): RunInputs | undefined {
    const files: RunInputs['files'] = [];
    const ids = new Set<number>();
    for (const relative of relatives) {
      const entry = Object.hasOwn(this.entries, relative) ? this.entries[relative] : undefined;
      if (!entry) return undefined;
      files.push([relative, entry.size, entry.mtimeMs, entry.hash]);
      for (const id of entry.dependencies) ids.add(id);
      for (const id of entry.links?.dependencies ?? []) ids.add(id);
    }
    return { files, pairs: [...ids].sort((a, b) => a - b).map((id) => this.pairs[id]!) };
  }

  /** Keep a fresh result, checked on `today`. */
  store(relative: string, hash: string, stamp: FileStamp, result: FileResult, today: PlainDate): void {
    const { findings, metrics, validUntil, links } = result;
    this.entries[relative] = {
      hash,
      size: stamp.size,
      mtimeMs: stamp.mtimeMs,
      findings,
      metrics,
      validUntil,
      ...(validUntil !== null ? { checkedOn: today.toString() } : {}),
      dependencies: this.ids(result.dependencies),
      ...(links ? { links: { dependencies: this.ids(links.dependencies) } } : {}),
    };
    if (links) this.links.set(relative, hash, links.records);
    this.dirty = true;
  }

  /** Each pair's position in the table, added when new. */
  private ids(pairs: ReadonlyArray<[Dependency, string]>): number[] {
    return pairs.map(([dependency, fingerprint]) => this.pairId(dependency, fingerprint));
  }

  private pairId(dependency: Dependency, fingerprint: string): number {
    const key = pairKey(dependency, fingerprint);
    this.pairIds ??= new Map(this.pairs.map(([dependency, fingerprint], id) => [pairKey(dependency, fingerprint), id]));
    let id = this.pairIds.get(key);
    if (id === undefined) {
      // Cut from the key, not kept as given: a worker's pairs are slices of its whole answer (wire-result.ts), which they would keep alive.
      const cut = dependency.length;
      this.pairIds.set(key, (id = this.pairs.push([key.slice(0, cut), key.slice(cut + 1)]) - 1));
      // A pair first seen now was just computed from this run's index.
      this.holds[id] = true;
    }
    return id;
  }

  private day(text: string): PlainDate | undefined {
    if (!this.validUntil.has(text)) {
      const parsed = parseIsoDate(text);
      this.validUntil.set(text, parsed.ok ? parsed.date : undefined);
    }
    return this.validUntil.get(text);
  }

  /** Give up this run's results without saving (the run failed): only the spilled links need letting go. */
  discard(): void {
    this.links.close();
  }

  /** Drop files no longer linted, then write atomically (temp file + rename). */
  async save(keep: ReadonlySet<string>): Promise<void> {
    for (const relative of Object.keys(this.entries)) {
      if (!keep.has(relative)) {
        delete this.entries[relative];
        this.dirty = true;
      }
    }
    try {
      if (!this.dirty) return;
      // A cache that cannot be written is only a slower next run. Links first: lint.json is what names them.
      const ignore = () => undefined;
      if (this.links.changed) {
        const wanted = Object.entries(this.entries).flatMap(([relative, entry]): Array<[string, string]> => (entry.links ? [[relative, entry.hash]] : []));
        await writeFileAtomic(this.links.file, this.links.text(wanted)).catch(ignore);
      }
      await writeFileAtomic(this.file, cacheText(this.key, this.pairs, this.entries)).catch(ignore);
    } finally {
      this.links.close();
    }
  }
}

/**
 * The cache file as ASCII JSON, a piece at a time (src/fs/ascii-json.ts).
 * Entries come first, so the table of pairs is renumbered as they are
 * written: only pairs some entry still names are kept.
 */
function cacheText(key: string, pairs: ReadonlyArray<[Dependency, string]>, entries: Record<string, Entry>): Iterable<string> {
  const kept: Array<[Dependency, string]> = [];
  const renumbered = new Map<number, number>();
  const renumber = (ids: readonly number[]) =>
    ids.map((id) => {
      let at = renumbered.get(id);
      if (at === undefined) renumbered.set(id, (at = kept.push(pairs[id]!) - 1));
      return at;
    });
  return inPieces(
    (function* () {
      yield `${cacheHead(key)}"entries":{`;
      let first = true;
      for (const relative of Object.keys(entries)) {
        const entry = entries[relative]!;
        const written: Entry = { ...entry, dependencies: renumber(entry.dependencies) };
        if (entry.links) written.links = { dependencies: renumber(entry.links.dependencies) };
        yield `${first ? '' : ','}${asciiJson(relative)}:${asciiJson(written)}`;
        first = false;
      }
      yield `},"dependencies":${asciiJson(kept)}}`;
    })(),
  );
}

/** How the cache file of this format and key starts: written first, so a stale file is known from its first bytes. */
function cacheHead(key: string): string {
  return `{"format":${FORMAT},"key":${JSON.stringify(key)},`;
}

function pairKey(dependency: Dependency, fingerprint: string): string {
  return `${dependency}\u0000${fingerprint}`;
}

/** Everything besides the file and its dependencies that decides its findings. */
export function cacheKey(config: ResolvedConfig): string {
  const { timezone, content, policy, rules } = config.config;
  return createHash('sha256')
    .update(JSON.stringify({ FORMAT, VERSION, code: codeFingerprint(), timezone, content, policy, rules }))
    .digest('hex');
}

let code: string | undefined;

/**
 * A digest of pagecare's own running code, so a changed rule never serves a
 * stale result: the CLI bundle's folder when this runs from it, else the
 * compiled tree without the bundle.
 */
function codeFingerprint(): string {
  if (code !== undefined) return code;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.basename(here) === BUNDLE_DIR;
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== BUNDLE_DIR) walk(full);
      } else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(bundled ? here : path.dirname(here));
  return (code = hash.digest('hex'));
}

/** Where scripts/bundle.mjs writes the CLI bundle, inside the compiled tree. */
const BUNDLE_DIR = 'bundle';

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fs/write-atomic.js';
import type { ResolvedConfig } from '../config/load-config.js';
import type { ContentIndex } from '../content/content-index.js';
import { parseIsoDate, compareDates, type PlainDate } from '../time/calendar-date.js';
import { VERSION } from '../version.js';
import type { FileResult } from './lint-file.js';

const FORMAT = 2;
export const CACHE_DIR = '.pagecare-cache';

interface Entry extends FileResult {
  /** SHA-256 of the file's bytes: content, not timestamps, so a fresh CI checkout can reuse it. */
  hash: string;
  /** Size and modification time when hashed: when both still match, the file is not read again. */
  size: number;
  mtimeMs: number;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

interface CacheFile {
  format: number;
  key: string;
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

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly entries: Record<string, Entry>,
  ) {}

  static async open(config: ResolvedConfig): Promise<LintCache> {
    const file = path.join(config.root, CACHE_DIR, 'lint.json');
    const key = cacheKey(config);
    try {
      const stored = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
      if (stored.format === FORMAT && stored.key === key && stored.entries && typeof stored.entries === 'object') {
        return new LintCache(file, key, stored.entries);
      }
    } catch {
      // Missing or unreadable: start empty. A cache is never a reason to fail.
    }
    return new LintCache(file, key, Object.create(null) as Record<string, Entry>);
  }

  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The stored hash when the file's size and time are as they were (as git's index does); else undefined. */
  knownHash(relative: string, stamp: FileStamp): string | undefined {
    const entry = Object.hasOwn(this.entries, relative) ? this.entries[relative] : undefined;
    return entry && entry.size === stamp.size && entry.mtimeMs === stamp.mtimeMs ? entry.hash : undefined;
  }

  /** The stored result for `relative`, if it still holds for these bytes, this index and `today`. */
  lookup(relative: string, hash: string, index: ContentIndex, today: PlainDate): FileResult | undefined {
    const entry = Object.hasOwn(this.entries, relative) ? this.entries[relative] : undefined;
    if (!entry || entry.hash !== hash) return undefined;
    if (entry.validUntil !== null) {
      const until = parseIsoDate(entry.validUntil);
      if (!until.ok || compareDates(today, until.date) > 0) return undefined;
    }
    for (const [dependency, fingerprint] of entry.dependencies) {
      if (index.fingerprint(dependency) !== fingerprint) return undefined;
    }
    return entry;
  }

  store(relative: string, hash: string, stamp: FileStamp, result: FileResult): void {
    this.entries[relative] = { hash, size: stamp.size, mtimeMs: stamp.mtimeMs, ...result };
    this.dirty = true;
  }

  /** Drop files no longer linted, then write atomically (temp file + rename). */
  async save(keep: ReadonlySet<string>): Promise<void> {
    for (const relative of Object.keys(this.entries)) {
      if (!keep.has(relative)) {
        delete this.entries[relative];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    await writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, key: this.key, entries: this.entries } satisfies CacheFile)).catch(
      // A cache that cannot be written is only a slower next run.
      () => undefined,
    );
  }
}

/** Everything besides the file and its dependencies that decides its findings. */
function cacheKey(config: ResolvedConfig): string {
  const { timezone, content, policy, rules } = config.config;
  return createHash('sha256')
    .update(JSON.stringify({ FORMAT, VERSION, code: codeFingerprint(), timezone, content, policy, rules }))
    .digest('hex');
}

let code: string | undefined;

/** A digest of pagecare's own compiled code, so a changed rule never serves a stale result. */
function codeFingerprint(): string {
  if (code !== undefined) return code;
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(dir);
  return (code = hash.digest('hex'));
}

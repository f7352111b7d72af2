import { readFileSync } from 'node:fs';
import { asciiJson, inPieces } from '../fs/ascii-json.js';
import type { FileData } from '../fs/write-atomic.js';

interface LinksFile {
  key: string;
  /** By root-relative path: the hash of the bytes the links were read from, and the links (src/lint/link-recheck.ts). */
  records: Record<string, [string, string]>;
}

/**
 * Each page's glossary links as the cache keeps them, in a file beside
 * lint.json (`links.json`). Read only when a run needs them (the glossary
 * changed under some page, or new links are written), so a warm run does not
 * parse them: they are about a third of the cache. Kept by the hash of the
 * page's bytes, so a links file out of step with lint.json is never used for
 * the wrong content.
 */
export class LinkRecordsFile {
  private stored: Record<string, [string, string]> | undefined;
  private readonly fresh = new Map<string, [string, string]>();

  constructor(
    readonly file: string,
    private readonly key: string,
  ) {}

  get(relative: string, hash: string): string | undefined {
    const stored = this.load();
    const found = this.fresh.get(relative) ?? (Object.hasOwn(stored, relative) ? stored[relative] : undefined);
    return found?.[0] === hash ? found[1] : undefined;
  }

  set(relative: string, hash: string, records: string): void {
    this.fresh.set(relative, [hash, records]);
  }

  /** Whether any links were set this run: only then is the file written again. */
  get changed(): boolean {
    return this.fresh.size > 0;
  }

  /** The file's text with the links of `wanted` (path and hash), a piece at a time; links no longer wanted are dropped. */
  text(wanted: Iterable<[string, string]>): FileData {
    const self = this;
    return inPieces(
      (function* () {
        yield `{"key":${JSON.stringify(self.key)},"records":{`;
        let first = true;
        for (const [relative, hash] of wanted) {
          const records = self.get(relative, hash);
          if (records === undefined) continue;
          yield `${first ? '' : ','}${asciiJson(relative)}:${asciiJson([hash, records])}`;
          first = false;
        }
        yield '}}';
      })(),
    );
  }

  private load(): Record<string, [string, string]> {
    if (!this.stored) {
      try {
        const read = JSON.parse(readFileSync(this.file, 'latin1')) as LinksFile;
        if (read.key === this.key && read.records && typeof read.records === 'object') this.stored = read.records;
      } catch {
        // Missing or unreadable: pages whose links are needed are linted again. A cache is never a reason to fail.
      }
      this.stored ??= Object.create(null) as Record<string, [string, string]>;
    }
    return this.stored;
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asciiJson } from '../fs/ascii-json.js';
import { inPieces } from '../fs/in-pieces.js';
import { ScratchFile, type Piece } from '../fs/scratch-file.js';
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
  /** This run's links by path: where they sit in the spill file, or the text itself when there is none. */
  private readonly fresh = new Map<string, { hash: string; piece: Piece } | { hash: string; text: string }>();
  /**
   * A scratch file the links set this run are appended to as they arrive. Held in
   * memory to the end they were the main thread's largest keep in a cold run (9.5 MB
   * of strings at 10,000 pages, ten times that at 100,000); they are read back once,
   * when the links file is written.
   */
  private spill: ScratchFile | null | undefined;

  constructor(
    readonly file: string,
    private readonly key: string,
  ) {}

  get(relative: string, hash: string): string | undefined {
    const fresh = this.fresh.get(relative);
    if (fresh) return fresh.hash !== hash ? undefined : 'text' in fresh ? fresh.text : this.spill!.read(fresh.piece).toString('utf8');
    const stored = this.load();
    const found = Object.hasOwn(stored, relative) ? stored[relative] : undefined;
    return found?.[0] === hash ? found[1] : undefined;
  }

  set(relative: string, hash: string, records: string): void {
    // Undefined until the first set; null when it cannot be made (a read-only cache folder): then links stay in memory.
    if (this.spill === undefined) this.spill = ScratchFile.create(path.dirname(this.file), 'links') ?? null;
    // A full disk keeps them in memory too.
    const piece = this.spill?.append(Buffer.from(records, 'utf8'));
    this.fresh.set(relative, piece ? { hash, piece } : { hash, text: records });
  }

  /** Drop the spill file: call once the links file is written (or will not be). */
  close(): void {
    this.spill?.close();
    this.spill = undefined;
    this.fresh.clear();
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

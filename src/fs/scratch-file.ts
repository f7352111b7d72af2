import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Where a piece of a scratch file sits. */
export interface Piece {
  at: number;
  length: number;
}

/**
 * A file for data a run holds until its end, kept out of memory: removed from
 * its folder as soon as it is opened (everywhere but Windows, where `close`
 * removes it), so a run that stops half way leaves nothing behind while the
 * open file stays readable. Written at its end and read by position. Its
 * descriptor may be handed to a worker thread (threads share the process's
 * files), which appends through `attach`: one writer to a file.
 */
export class ScratchFile {
  private constructor(
    readonly fd: number,
    private readonly file: string | undefined,
    private size: number,
  ) {}

  /** A new scratch file in `folder` (made if missing); undefined when none can be made there (a read-only folder). */
  static create(folder: string, prefix: string): ScratchFile | undefined {
    const file = path.join(folder, `.${prefix}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    let fd: number;
    try {
      mkdirSync(folder, { recursive: true });
      fd = openSync(file, 'wx+');
    } catch {
      return undefined;
    }
    try {
      unlinkSync(file);
      return new ScratchFile(fd, undefined, 0);
    } catch {
      return new ScratchFile(fd, file, 0);
    }
  }

  /** The scratch file another thread created, to append to (its owner reads and closes it). */
  static attach(fd: number): ScratchFile {
    return new ScratchFile(fd, undefined, 0);
  }

  /** Where `bytes` went at the end of the file; undefined when they could not be written (a full disk). */
  append(bytes: Uint8Array): Piece | undefined {
    const at = this.size;
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, at + written);
    } catch {
      return undefined;
    }
    this.size += bytes.length;
    return { at, length: bytes.length };
  }

  read(piece: Piece): Buffer {
    const bytes = Buffer.alloc(piece.length);
    for (let read = 0; read < piece.length; ) {
      const got = readSync(this.fd, bytes, read, piece.length - read, piece.at + read);
      if (got === 0) throw new Error(`Scratch file ended at ${piece.at + read} bytes, expected ${piece.at + piece.length}`);
      read += got;
    }
    return bytes;
  }

  close(): void {
    closeSync(this.fd);
    if (this.file === undefined) return;
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A buffer files are read into one after another, shared with worker threads
 * rather than copied to them. A fresh buffer a file left each file's bytes on
 * the main thread until its next garbage collection, which comes seldom when
 * that thread does little else: at 10,000 pages they came to 20 MB or more
 * of its memory at a time.
 */
export class ReadBuffer {
  private memory = new SharedArrayBuffer(16 * 1024);

  /** The whole of `file`'s bytes, valid until the next read (so the caller must be done with them by then). */
  read(file: string): Uint8Array {
    const fd = openSync(file, 'r');
    try {
      // One byte more than its size, so a file that has not grown since is read to its end in one call.
      this.reserve(fstatSync(fd).size + 1);
      let length = 0;
      for (;;) {
        if (length === this.memory.byteLength) this.reserve(2 * length);
        const got = readSync(fd, new Uint8Array(this.memory, length), 0, this.memory.byteLength - length, null);
        if (got === 0) return new Uint8Array(this.memory, 0, length);
        length += got;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Room for `size` bytes, keeping what was read so far. */
  private reserve(size: number): void {
    if (size <= this.memory.byteLength) return;
    const larger = new SharedArrayBuffer(Math.max(size, 2 * this.memory.byteLength));
    new Uint8Array(larger).set(new Uint8Array(this.memory));
    this.memory = larger;
  }
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadBuffer } from '../../src/fs/read-buffer.js';

describe('ReadBuffer', () => {
  it('reads each file whole, whatever its size, into shared memory it reuses while the file fits', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pagecare-read-'));
    const buffer = new ReadBuffer();
    const sizes = [0, 1, 9_000, 16 * 1024, 16 * 1024 + 1, 1_000_003, 12];
    const seen = new Set<ArrayBufferLike>();
    for (const [n, size] of sizes.entries()) {
      const file = path.join(dir, `f${n}`);
      writeFileSync(file, Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + n) % 256)));
      const bytes = buffer.read(file);
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
      seen.add(bytes.buffer);
    }
    // Grown twice (past 16 KB, then to a megabyte), kept for the small file after.
    expect(seen.size).toBe(3);
  });

  it('throws the file system’s error for a file it cannot read', () => {
    const buffer = new ReadBuffer();
    expect(() => buffer.read(path.join(tmpdir(), 'pagecare-no-such-file'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

import { closeSync, openSync, readSync } from 'node:fs';

/** Up to the first `length` bytes of a file, without reading the rest (throws when it cannot be read). */
export function readStart(file: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

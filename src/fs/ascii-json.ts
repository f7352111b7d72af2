/**
 * JSON with every character past ASCII escaped, so a file of it can be read
 * byte for character (`latin1`), without decoding megabytes of UTF-8;
 * JSON.parse restores the characters (surrogate pairs as two escapes).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NOT_ASCII = /[\u0080-\uffff]/g;

/** Characters per piece. */
const PIECE = 1 << 20;

/**
 * Small strings joined into pieces of about a megabyte, for writeFileAtomic:
 * a cache as one string would be twice its size in memory (two bytes a
 * character once any is past Latin-1), and at 10,000 pages that was 48 MB
 * with its escaped copy at the end of a run.
 */
export function* inPieces(parts: Iterable<string>): Generator<string> {
  let piece = '';
  for (const part of parts) {
    piece += part;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

/** Characters per piece. */
const PIECE = 1 << 20;

/**
 * Small strings joined into pieces of about a megabyte, to be written one
 * after another (writeFileAtomic, standard output): a cache or report as one
 * string would be twice its size in memory (two bytes a character once any is
 * past Latin-1), and at 10,000 pages the cache was 48 MB with its escaped copy
 * at the end of a run.
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

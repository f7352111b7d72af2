/**
 * What one cheap pass over a file's bytes says about how hard it is to parse.
 * The Markdown parser is super-linear on a few shapes (measured with remark-parse 11
 * on the 2-core build machine): containers opened on one line (`- - - … x` 1,000
 * deep: 0.8 s, 4,000: 8 s), lists nested line by line (350 levels: 4 s), unmatched
 * inline openers (`![a ` 2,000 times: 1.7 s; `*a ` … `a*` 2,000 deep: 0.9 s; 4,000
 * reference definitions: 3 s) and, in front matter, thousands of YAML anchors or
 * keys. Each needs many markers on a line, deep indentation or many openers, which
 * one loop over the bytes counts at a small fraction of a parse's cost. UTF-8 never
 * puts these ASCII bytes inside another character.
 */
export interface Screen {
  /** Most container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) opening one line. */
  depth: number;
  /** The line with that many. */
  depthLine: number;
  /** `[`, `*`, `_`, `<` and `&`: the bytes that open inline constructs the parser must pair up. */
  openers: number;
  /** Widest indentation opening a line (a tab counts 4): lists nested line by line need 2 or 3 a level. */
  indent: number;
}

/** Deeper than this is refused before parsing: no page needs it, and at 10,000 the parse takes minutes. */
export const MAX_NESTING = 100;
/** Above this a file in a small run is checked on a worker thread, under the time budget (about 0.5 s of parse at worst). */
const MAX_OPENERS = 1_000;
/** More indentation than this (some 30 levels of nested list) sends a file in a small run to a worker: 350 levels take 4 s to parse. */
const MAX_INDENT = 64;
/** Larger files in a small run are checked on a worker thread too: rare, and worth the thread's start-up. */
const MAX_SMALL_FILE = 128 * 1024;

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

export function screen(bytes: Uint8Array): Screen {
  let depth = 0;
  let depthLine = 1;
  let openers = 0;
  let indent = 0;
  let line = 1;
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    // The line's indentation, then its opening run of container markers.
    let width = 0;
    for (; bytes[i] === SPACE || bytes[i] === TAB; i++) width += bytes[i] === TAB ? 4 : 1;
    if (width > indent) indent = width;
    let markers = 0;
    for (;;) {
      while (bytes[i] === SPACE || bytes[i] === TAB) i++;
      const byte = bytes[i];
      if (byte === 0x3e /* > */) {
        markers++;
        i++;
      } else if ((byte === 0x2d /* - */ || byte === 0x2a /* * */ || byte === 0x2b) /* + */ && (bytes[i + 1] === SPACE || bytes[i + 1] === TAB)) {
        markers++;
        i += 2;
      } else if (byte !== undefined && byte >= 0x30 && byte <= 0x39) {
        let end = i + 1;
        while (end - i < 9 && bytes[end]! >= 0x30 && bytes[end]! <= 0x39) end++;
        if ((bytes[end] !== 0x2e /* . */ && bytes[end] !== 0x29) /* ) */ || (bytes[end + 1] !== SPACE && bytes[end + 1] !== TAB)) break;
        markers++;
        i = end + 2;
      } else break;
    }
    if (markers > depth) {
      depth = markers;
      depthLine = line;
    }
    // The rest of the line, which ends as Markdown's do: `\n`, `\r\n` or a lone `\r`.
    for (; i < length; i++) {
      const byte = bytes[i];
      if (byte === NEWLINE || byte === RETURN) {
        i += byte === RETURN && bytes[i + 1] === NEWLINE ? 2 : 1;
        line++;
        break;
      }
      if (byte === 0x5b || byte === 0x2a || byte === 0x5f || byte === 0x3c || byte === 0x26) openers++;
    }
  }
  return { depth, depthLine, openers, indent };
}

/** Whether a file in a small run should be checked on a worker thread, where the time budget holds. */
export function needsBudget(bytes: Uint8Array, found: Screen): boolean {
  return bytes.length > MAX_SMALL_FILE || found.openers > MAX_OPENERS || found.indent > MAX_INDENT;
}

/**
 * Unicode's sentence boundaries (UAX #29, the rules ICU and `Intl.Segmenter`
 * follow) for text of printable ASCII, spaces and tabs: most of a page's
 * prose. The segmenter was the costliest part of reading a page's sentences;
 * for these characters the rules reduce to a loop over a class table.
 * test/content/ascii-sentence-breaks.test.ts checks it against the segmenter.
 */

const OTHER = 0;
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
/** A character outside the table (line breaks, controls, anything not ASCII): the segmenter decides. */
const UNKNOWN = 9;

const CLASSES = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (char === ' ' || char === '\t') return SP;
  if (code < 0x20 || code === 0x7f) return UNKNOWN;
  if (char >= 'a' && char <= 'z') return LOWER;
  if (char >= 'A' && char <= 'Z') return UPPER;
  if (char >= '0' && char <= '9') return NUMERIC;
  if (char === '.') return ATERM;
  if (char === '!' || char === '?') return STERM;
  if ('"\'()[]{}'.includes(char)) return CLOSE;
  if (',-:;'.includes(char)) return SCONTINUE;
  return OTHER;
});

/**
 * Where each sentence of `text` starts (0 first), as `Intl.Segmenter` with
 * sentence granularity would say; undefined when `text` holds a character the
 * table does not cover.
 */
export function asciiSentenceStarts(text: string): number[] | undefined {
  const length = text.length;
  // One pass, classes looked up as read: the loop below visits every character that is not a
  // closer or a space (which the table has), so one outside the table always ends it.
  const kindAt = (at: number) => {
    const code = text.charCodeAt(at);
    return code < 128 ? CLASSES[code]! : UNKNOWN;
  };
  const starts = length === 0 ? [] : [0];
  let at = 0;
  while (at < length) {
    const kind = kindAt(at);
    if (kind === UNKNOWN) return undefined;
    if (kind !== ATERM && kind !== STERM) {
      at++;
      continue;
    }
    let next = at + 1;
    // SB6 and SB7: `3.5`, `U.S`, `e.G` do not end a sentence.
    if (kind === ATERM && next < length) {
      const after = kindAt(next);
      const before = at > 0 ? kindAt(at - 1) : OTHER;
      if (after === NUMERIC || (after === UPPER && (before === UPPER || before === LOWER))) {
        at = next;
        continue;
      }
    }
    // SB9 and SB10: closing punctuation, then spaces, stay with the sentence.
    while (next < length && kindAt(next) === CLOSE) next++;
    while (next < length && kindAt(next) === SP) next++;
    if (next >= length) break;
    const following = kindAt(next);
    // SB8a: a comma, dash, colon or another terminator carries on the sentence.
    if (following === SCONTINUE || following === ATERM || following === STERM) {
      at = next;
      continue;
    }
    // SB8: after a full stop, a lower-case letter before any capital, letter or terminator carries it on too.
    // (A character outside the table on the way is passed over here; the loop still reaches it.)
    if (kind === ATERM) {
      let ahead = next;
      while (ahead < length) {
        const c = kindAt(ahead);
        if (c === UPPER || c === LOWER || c === ATERM || c === STERM) break;
        ahead++;
      }
      if (ahead < length && kindAt(ahead) === LOWER) {
        at = next;
        continue;
      }
    }
    // SB11: a break after the terminator, its closers and spaces.
    starts.push(next);
    at = next;
  }
  return starts;
}

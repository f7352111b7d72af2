/** Words longer than this are not words (a URL, a hash): they are never looked up. */
const MAX_WORD = 40;
const LETTERS = /\p{L}+/gu;
const NOT_ASCII = /[^\0-\x7f]/;

/** The lower-case words of a text: runs of letters, the unit glued-word checks reason about. */
export function words(text: string): string[] {
  if (NOT_ASCII.test(text)) {
    const found: string[] = [];
    for (const match of text.matchAll(LETTERS)) if (match[0].length <= MAX_WORD) found.push(match[0].toLowerCase());
    return found;
  }
  // ASCII text (nearly every field) by a loop over its characters: the Unicode pattern cost twice as much.
  const found: string[] = [];
  const end = text.length;
  let from = -1;
  for (let at = 0; at < end; at++) {
    // Setting bit 5 folds capitals onto lower case; nothing else lands on a-z.
    const code = text.charCodeAt(at) | 0x20;
    if (code >= 97 && code <= 122) {
      if (from < 0) from = at;
    } else if (from >= 0) {
      if (at - from <= MAX_WORD) found.push(text.slice(from, at).toLowerCase());
      from = -1;
    }
  }
  if (from >= 0 && end - from <= MAX_WORD) found.push(text.slice(from).toLowerCase());
  return found;
}

/**
 * A word's hash with one more code unit, kept to 30 bits (a small integer, which a map holds
 * without boxing): for keeping words as numbers rather than strings cut from the text.
 */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) & 0x3fffffff;
}

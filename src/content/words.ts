/** Words longer than this are not words (a URL, a hash): they are never looked up. */
const MAX_WORD = 40;
const LETTERS = /\p{L}+/gu;

/** The lower-case words of a text: runs of letters, the unit glued-word checks reason about. */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(LETTERS)) if (match[0].length <= MAX_WORD) found.push(match[0].toLowerCase());
  return found;
}

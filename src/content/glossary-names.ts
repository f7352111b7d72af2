/**
 * Whether a glossary link's text names its entry: the term or an alias, with
 * case, surrounding whitespace and punctuation (`“Chemo”`, `NET,`), curly vs
 * straight apostrophes, a hyphen for a space (`lymph-node`), and a simple
 * plural or possessive on either side (`NETs` for alias `NET`, `chemo's`)
 * ignored. Empty text names nothing. The names come already through
 * normaliseName: the index keeps them so for a run.
 */
export function namesOneOf(text: string, normalisedNames: readonly string[]): boolean {
  const shown = normaliseName(text);
  return shown !== '' && normalisedNames.some((name) => sameWord(name, shown));
}

/** Lower case, straight apostrophes, single spaces for whitespace and hyphens, no surrounding punctuation. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    // Soft hyphens are invisible; hyphens count as spaces (a split, not a backtracking regex).
    .replace(/\u00ad/g, '')
    .split(/[-\u2010\u2011]/)
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** Equal, or equal once a simple plural (`s`, `es`) or possessive (`'s`) ending is taken off either side. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const stems = (word: string) => [word, word.replace(/'s$/, ''), word.replace(/s$/, ''), word.replace(/es$/, '')];
  const left = new Set(stems(a));
  return stems(b).some((stem) => stem !== '' && left.has(stem));
}

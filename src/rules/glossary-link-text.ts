import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks, shownText } from '../lint/links.js';

/**
 * `glossary-link-text`: a glossary link's text should be the term or one of
 * its aliases, so readers know what they will be told. Ignored: case,
 * surrounding whitespace and punctuation (`“Chemo”`, `NET,`), curly vs
 * straight apostrophes, a hyphen for a space (`lymph-node`), and a simple
 * plural or possessive on either side (`NETs` for alias `NET`, `chemo's`).
 * Unknown ids are left to `glossary-link-unknown`.
 *
 * Valid: `[NETs](glossary:neuroendocrine-tumour)` with alias `NET`.
 * Invalid: `[cancer drugs](glossary:chemotherapy)` (expected `Chemotherapy` or `chemo`).
 */
export default defineRule('glossary-link-text', ['page', 'glossary'], ({ tree, prepared, report }) => {
  for (const link of glossaryLinks(tree)) {
    const entry = prepared.context.index.glossaryTerm(link.id);
    if (!entry) continue;
    const names = [entry.term, ...entry.aliases];
    const text = normalise(link.text);
    if (text !== '' && names.some((name) => sameWord(normalise(name), text))) continue;
    const listed = names.map((name) => `\`${name}\``).join(' or ');
    const what = text === '' ? 'Empty link text' : `Unexpected link text ${shownText(link.text)}`;
    report(`${what} for glossary entry \`${link.id}\`, expected the term or an alias: ${listed}`, link.at);
  }
});

/** Lower case, straight apostrophes, single spaces for whitespace and hyphens, no surrounding punctuation. */
function normalise(text: string): string {
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

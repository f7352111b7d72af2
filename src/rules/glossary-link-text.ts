import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks } from '../lint/links.js';

/**
 * `glossary-link-text`: a glossary link's text should be the term or one of
 * its aliases, so readers know what they will be told. Case, surrounding
 * punctuation, curly apostrophes and a simple plural (`NETs` for `NET`) are
 * ignored. Unknown ids are left to `glossary-link-unknown`.
 *
 * Valid: `[NETs](glossary:neuroendocrine-tumour)` with alias `NET`.
 * Invalid: `[cancer drugs](glossary:chemotherapy)`.
 */
export default defineRule('glossary-link-text', ['page', 'glossary'], ({ tree, prepared, report }) => {
  for (const link of glossaryLinks(tree)) {
    const entry = prepared.context.index.glossaryTerm(link.id);
    if (!entry) continue;
    const names = [entry.term, ...entry.aliases];
    const text = normalise(link.text);
    if (names.some((name) => sameWord(normalise(name), text))) continue;
    const listed = names.map((name) => `\`${name}\``).join(' or ');
    report(`Unexpected link text \`${link.text}\` for glossary entry \`${link.id}\`, expected ${listed}`, link.at, undefined);
  }
});

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'([{]+|[\s"')\]}.,;:!?]+$/g, '');
}

/** Equal, or equal once a simple plural ending is taken off either side. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const stems = (word: string) => [word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/'s$/, '')];
  const left = new Set(stems(a));
  return stems(b).some((stem) => stem !== '' && left.has(stem));
}

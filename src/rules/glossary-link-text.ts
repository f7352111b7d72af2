import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks, shownText } from '../lint/links.js';
import { normaliseName } from '../content/glossary-names.js';

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
  const index = prepared.context.index;
  for (const link of glossaryLinks(tree)) {
    // Asked as a yes or no, so a cached page is re-checked only when its answer changes (an alias
    // added for other pages leaves it alone). Unknown ids are left to `glossary-link-unknown`.
    if (index.glossaryLinkNamesEntry(link.id, link.text) !== false) continue;
    // The message lists the entry's names: a page with a finding depends on all of them.
    const entry = index.glossaryTerm(link.id)!;
    const listed = [entry.term, ...entry.aliases].map((name) => `\`${name}\``).join(' or ');
    const what = normaliseName(link.text) === '' ? 'Empty link text' : `Unexpected link text ${shownText(link.text)}`;
    report(`${what} for glossary entry \`${link.id}\`, expected the term or an alias: ${listed}`, link.at);
  }
});

import { defineRule } from '../lint/define-rule.js';
import { linkTextProblem } from '../lint/glossary-link-checks.js';
import { glossaryLinks } from '../lint/links.js';

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
    const problem = linkTextProblem(link, prepared.context.index);
    if (problem) report(problem, link.at);
  }
});

import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks } from '../lint/links.js';

/**
 * `glossary-link-repeated`: link a term once per page, at its first
 * mention; more links to the same explanation add noise, not help.
 *
 * Valid: one `[chemo](glossary:chemotherapy)` on the page.
 * Invalid: a second link to `glossary:chemotherapy` further down.
 */
export default defineRule('glossary-link-repeated', ['page', 'glossary'], ({ tree, report }) => {
  const first = new Map<string, number>();
  for (const link of glossaryLinks(tree)) {
    const seen = first.get(link.id);
    if (seen === undefined) {
      first.set(link.id, link.at.line);
      continue;
    }
    report(`Repeated link to glossary entry \`${link.id}\`, expected only the first mention (line ${seen}) linked`, link.at);
  }
});

import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks } from '../lint/links.js';
import { nearest } from '../content/nearest.js';

/**
 * `glossary-link-unknown`: a `[text](glossary:<id>)` link must name an entry
 * `content/glossary/<id>.md`. Suggests the nearest existing id. Odd ids
 * (capitals, `../`, empty) are simply unknown: they are looked up in the
 * index, never on disk.
 *
 * Valid: `[chemo](glossary:chemotherapy)`.
 * Invalid: `[chemo](glossary:chemotherpy)` (expected `chemotherapy`).
 */
export default defineRule('glossary-link-unknown', ['page', 'glossary'], ({ tree, prepared, report }) => {
  const index = prepared.context.index;
  const dir = prepared.context.config.config.content.glossary;
  for (const link of glossaryLinks(tree)) {
    if (index.glossaryTerm(link.id)) continue;
    const shown = link.id === '' ? 'Empty glossary id' : `Unknown glossary id \`${link.id}\``;
    const close = link.id === '' ? undefined : nearest(link.id, Object.keys(index.data.glossary));
    const expected = close
      ? `expected an existing entry such as \`${close}\``
      : `expected the id of an entry in ${dir}/ (or add ${dir}/<id>.md for this term)`;
    report(`${shown} in link \`${link.text}\`, ${expected}`, link.at);
  }
});

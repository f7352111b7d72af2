import { defineRule } from '../lint/define-rule.js';
import { glossaryLinks, shownText } from '../lint/links.js';
import { nearest } from '../content/nearest.js';
import { trimEnd } from '../content/repo-path.js';

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `glossary-link-unknown`: a `[text](glossary:<id>)` link (inline, or a
 * reference through its definition) must name an entry
 * `content/glossary/<id>.md`; a `#fragment` after the id is allowed. Suggests
 * the nearest existing id, or says which file to add. Odd ids (capitals,
 * `%20`, `../`, empty) are simply unknown: they are looked up in the index,
 * never on disk. Reported at each link.
 *
 * Valid: `[chemo](glossary:chemotherapy)`.
 * Invalid: `[chemo](glossary:chemotherpy)` (expected `chemotherapy`).
 */
export default defineRule('glossary-link-unknown', ['page', 'glossary'], ({ tree, prepared, report }) => {
  const index = prepared.context.index;
  const dir = trimEnd(prepared.context.config.config.content.glossary, '/');
  let ids: string[] | undefined;
  for (const link of glossaryLinks(tree)) {
    // Whether the entry exists, not what it says: editing an entry leaves pages that link to it alone.
    if (index.hasGlossaryEntry(link.id)) continue;
    ids ??= index.glossaryTerms().map((term) => term.id);
    const close = link.id === '' ? undefined : nearest(link.id, ids);
    const what = link.id === '' ? 'Empty glossary id' : `Unknown glossary id ${shownText(link.id)}`;
    const expected = close
      ? `expected an existing entry such as \`${close}\``
      : KEBAB_ID.test(link.id)
        ? `expected the id of an existing entry in ${dir}/, or a new entry ${dir}/${link.id}.md`
        : `expected \`glossary:<id>\` with the kebab-case id of an entry ${dir}/<id>.md`;
    const defined = link.definitionLine === undefined ? '' : ` (defined on line ${link.definitionLine})`;
    report(`${what} in link ${shownText(link.text)}${defined}, ${expected}`, link.at);
  }
});

import { defineRule } from '../lint/define-rule.js';
import { unknownLinkProblem } from '../lint/glossary-link-checks.js';
import { glossaryLinks } from '../lint/links.js';
import { trimEnd } from '../content/repo-path.js';

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
  const dir = trimEnd(prepared.context.config.config.content.glossary, '/');
  for (const link of glossaryLinks(tree)) {
    const problem = unknownLinkProblem(link, prepared.context.index, dir);
    if (problem) report(problem, link.at);
  }
});

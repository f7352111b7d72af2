import { defineRule } from '../lint/define-rule.js';
import { frontMatterStart, isDraft } from '../lint/fields.js';

/**
 * `references-missing`: a published page (any `status` but `draft`) must
 * cite its sources. Reported at the `references` key when the list is there
 * but empty, else at the front matter's first line. Silent when the front
 * matter is absent or does not parse (other rules report that), and when
 * `references` is not a list (`frontmatter-schema` reports the type).
 *
 * Valid: `references:` with one or more items; `status: draft` with none.
 * Invalid: no `references` key; `references: []`.
 */
export default defineRule('references-missing', ['page'], ({ prepared, report }) => {
  const data = prepared.data;
  if (!data || isDraft(prepared)) return;
  const list = Object.hasOwn(data, 'references') ? data.references : undefined;
  if (list === undefined) {
    report(
      'Missing `references` on a published page, expected a list of the sources the page is based on (or `status: draft` while it is being written)',
      frontMatterStart(prepared),
    );
    return;
  }
  if (Array.isArray(list) && list.length === 0) {
    report(
      'Empty `references` on a published page, expected at least one source the page is based on',
      prepared.frontMatter.keySpan(['references']) ?? frontMatterStart(prepared),
    );
  }
});

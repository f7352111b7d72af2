import { defineRule } from '../lint/define-rule.js';
import { field, isDraft } from '../lint/fields.js';
import type { ContentIndex } from '../content/content-index.js';

/**
 * `review-signoff`: a full review is signed off (NHS Standard for Creating
 * Health Content: clinical approval is recorded, and only a full review moves
 * `last_reviewed`). A published page with `last_reviewed` needs
 * `reviewed_by`, naming at least one clinical reviewer (`clinical: true` in
 * editors.yml). With a base (`pagecare lint --changed <base>`), a page whose
 * `last_reviewed` the change moved (or a new page) must also name someone
 * other than its last editor: the author of the newest commit to it since
 * the merge base, or git's `user.email` for uncommitted work, matched to
 * editors.yml by email (an author not in editors.yml cannot be matched, so
 * that part is then not judged). Drafts are exempt. Unknown handles are
 * `owner-unknown`'s; while any is unknown, or editors.yml is unusable, the
 * clinical check waits.
 *
 * Valid: `reviewed_by: [net-clinical]` by a change jsmith made.
 * Invalid: no `reviewed_by`; `reviewed_by: [jsmith]` (not clinical); with a
 * base, `last_reviewed` moved in net-clinical's own commit with only
 * `reviewed_by: [net-clinical]`.
 */
export default defineRule('review-signoff', ['page'], ({ prepared, report }) => {
  if (!prepared.data || isDraft(prepared)) return;
  const last = field(prepared, ['last_reviewed']);
  if (!last || last.value === null || last.value === undefined) return;
  const reviewed = String(last.value).trim();
  const index = prepared.context.index;
  const change = index.reviewChange(prepared.path);
  const moved = change !== undefined && change.baseLastReviewed?.trim() !== reviewed;
  const what = moved
    ? change.baseLastReviewed === undefined
      ? `\`last_reviewed\` ${reviewed} is set by this change`
      : `\`last_reviewed\` moves from ${change.baseLastReviewed.trim()} to ${reviewed}`
    : `The review of ${reviewed}`;

  const signed = field(prepared, ['reviewed_by']);
  if (!signed || signed.value === null || signed.value === undefined) {
    report(`${what} without \`reviewed_by\`, expected \`reviewed_by\` with the handles of who signed the review off, at least one a clinical reviewer`, last.at);
    return;
  }
  // Not a list: frontmatter-schema's to report.
  if (!Array.isArray(signed.value)) return;
  const handles = signed.value.filter((handle): handle is string => typeof handle === 'string' && handle.trim() !== '');
  if (handles.length === 0) {
    report(`${what} with an empty \`reviewed_by\`, expected the handles of who signed the review off, at least one a clinical reviewer`, signed.at);
    return;
  }

  if (index.editorsUsable()) {
    const known = handles.map((handle) => index.editor(handle));
    if (known.every((editor) => editor !== undefined) && !known.some((editor) => editor.clinical === true)) {
      report(
        `${what} signed off by ${list(handles)}, none of them a clinical reviewer, expected at least one handle with \`clinical: true\` in ${index.data.editorsFile}${clinicalExample(index)}`,
        signed.at,
      );
    }
  }

  const editors = moved ? change.lastEditors : [];
  if (editors.length > 0 && handles.every((handle) => editors.includes(handle))) {
    report(
      `${what} signed off only by ${list(handles)}, who made the last change to this page, expected someone other than the last editor in \`reviewed_by\``,
      signed.at,
    );
  }
});

function list(handles: string[]): string {
  return handles.map((handle) => `\`${handle}\``).join(', ');
}

/** One clinical reviewer to name, when the roster has any. */
function clinicalExample(index: ContentIndex): string {
  const clinical = index.editorHandles().find((handle) => index.editor(handle)?.clinical === true);
  return clinical === undefined ? ' (it marks nobody clinical yet)' : ` such as \`${clinical}\``;
}

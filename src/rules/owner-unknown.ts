import { defineRule } from '../lint/define-rule.js';
import { field } from '../lint/fields.js';
import { nearest } from '../content/nearest.js';
import type { Span } from '../content/front-matter.js';

/**
 * `owner-unknown`: the `owner` and every `reviewers` and `reviewed_by` handle
 * must be defined in content/editors.yml, or nobody is told when the page
 * falls due (and a sign-off cannot be traced to a person). Suggests the
 * nearest known handle. Silent when editors.yml itself is unusable (that file's
 * problems are reported on their own) and for values that are not text
 * (`frontmatter-schema` reports those).
 *
 * Valid: `owner: jsmith`, `reviewers: [net-clinical]`, `reviewed_by: [net-clinical]`.
 * Invalid: `owner: jsmth` (suggests `jsmith`), `reviewers: [net-clinicl]`, `reviewed_by: [net-clinicl]`.
 */
export default defineRule('owner-unknown', ['page', 'glossary'], ({ prepared, report }) => {
  const index = prepared.context.index;
  if (!prepared.data || !index.editorsUsable()) return;
  const source = index.data.editorsFile;

  const check = (role: string, value: unknown, at: Span | undefined) => {
    if (typeof value !== 'string' || value.trim() === '' || index.editor(value)) return;
    // Only an unknown handle needs the whole roster, for the suggestion.
    const handles = index.editorHandles();
    const close = nearest(value, handles);
    let expected: string;
    if (close) expected = `a handle from ${source} such as \`${close}\``;
    else if (handles.length > 0) expected = `a handle from ${source} (${listHandles(handles)})`;
    else expected = `a handle defined in ${source}, which defines none yet`;
    report(`Unknown ${role} \`${value}\`, expected ${expected}`, at);
  };

  const owner = field(prepared, ['owner']);
  if (owner) check('owner', owner.value, owner.at);

  for (const [key, role] of [['reviewers', 'reviewer'], ['reviewed_by', 'sign-off handle']] as const) {
    const handles = field(prepared, [key]);
    if (handles && Array.isArray(handles.value)) {
      handles.value.forEach((handle, i) => check(role, handle, prepared.frontMatter.keySpan([key, i]) ?? handles.at));
    }
  }
});

/** A short list of the known handles for when no single one is close. */
function listHandles(handles: string[]): string {
  const sorted = [...handles].sort();
  const shown = sorted.slice(0, 5).map((h) => `\`${h}\``);
  if (sorted.length > 5) return `such as ${shown.join(', ')}…`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

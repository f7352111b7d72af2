import { defineRule } from '../lint/define-rule.js';
import { dateField, references } from '../lint/fields.js';
import { compareDates } from '../time/calendar-date.js';

/**
 * `reference-unchecked`: a reference whose `checked` date is before the
 * page's `last_reviewed`, so the last review moved the date without
 * re-checking that source (still the best evidence, details still right).
 * `checked` itself is optional: a page adopts it reference by reference as
 * its reviews happen, and requiring it at once would make every existing
 * page fail; the review pull request's checklist asks for it. Dates that are
 * not real dates are left to `review-date-invalid`.
 *
 * Valid: `last_reviewed: 2025-03-18` with `checked: 2025-03-18` or no `checked`.
 * Invalid: `last_reviewed: 2025-03-18` with `checked: 2022-01-10`.
 */
export default defineRule('reference-unchecked', ['page'], ({ prepared, report }) => {
  const reviewed = dateField(prepared, ['last_reviewed']);
  if (!reviewed) return;
  for (const { index } of references(prepared)) {
    const checked = dateField(prepared, ['references', index, 'checked']);
    if (!checked || compareDates(checked.value, reviewed.value) >= 0) continue;
    report(
      `Reference ${index + 1} was last checked on ${checked.value}, before the review of ${reviewed.value}, expected it re-checked at that review and \`checked: ${reviewed.value}\` (or the date it was)`,
      checked.at,
    );
  }
});

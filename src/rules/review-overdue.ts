import { defineRule } from '../lint/define-rule.js';
import { dateField, isDraft } from '../lint/fields.js';

/**
 * `review-overdue`: `next_review` has passed. Drafts (`status: draft`) are
 * not yet published and are skipped; invalid dates are left to
 * `review-date-invalid`.
 *
 * Valid (today 2026-06-01): `next_review: 2026-06-01` (due today, a warning
 * from `review-due-soon` instead).
 * Invalid: `next_review: 2026-05-31` (passed 1 day ago).
 */
export default defineRule('review-overdue', ['page', 'glossary'], ({ prepared, report }) => {
  if (isDraft(prepared)) return;
  const next = dateField(prepared, ['next_review']);
  const clock = prepared.clock;
  if (!next || clock.compare(next.value) <= 0) return;
  const days = -clock.daysUntil(next.value);
  report(
    `Overdue review: \`next_review\` ${next.value} passed ${days} ${days === 1 ? 'day' : 'days'} ago, expected a review and a new \`next_review\` after today (${clock})`,
    next.at,
  );
});

import { defineRule } from '../lint/define-rule.js';
import { dateField, isDraft } from '../lint/fields.js';
import { compareDates, daysBetween } from '../time/calendar-date.js';
import { addDuration } from '../time/duration.js';

/**
 * `review-due-soon`: `next_review` falls between today and today plus
 * `dueSoon` (default P90D), both ends included. Drafts are skipped; a date
 * already passed is `review-overdue`'s.
 *
 * Valid (today 2026-06-01): `next_review: 2026-08-31` (91 days away).
 * Invalid: `next_review: 2026-08-30` (90 days), `next_review: 2026-06-01` (today).
 */
export default defineRule('review-due-soon', ['page', 'glossary'], ({ prepared, report }) => {
  if (isDraft(prepared)) return;
  const next = dateField(prepared, ['next_review']);
  if (!next) return;
  const { today, config } = prepared.context;
  if (compareDates(next.value, today) < 0) return;
  if (compareDates(next.value, addDuration(today, config.policy.dueSoon)) > 0) return;
  const days = daysBetween(today, next.value);
  const when = days === 0 ? 'is due today' : `is due in ${days} ${days === 1 ? 'day' : 'days'}`;
  report(
    `Review due soon: \`next_review\` ${next.value} ${when}, expected a review and a new \`next_review\` ${days === 0 ? 'today' : 'by then'}`,
    next.at,
  );
});

import { defineRule } from '../lint/define-rule.js';
import { dateField, isDraft } from '../lint/fields.js';
import { subtractDuration } from '../time/duration.js';

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
  const clock = prepared.clock;
  // Due soon from `next_review − dueSoon` up to and including `next_review` itself.
  if (clock.compare(next.value) > 0) return;
  if (clock.compare(subtractDuration(next.value, prepared.context.config.policy.dueSoon)) < 0) return;
  const days = clock.daysUntil(next.value);
  const when = days === 0 ? 'is due today' : `is due in ${days} ${days === 1 ? 'day' : 'days'}`;
  report(
    `Review due soon: \`next_review\` ${next.value} ${when}, expected a review and a new \`next_review\` ${days === 0 ? 'today' : 'by then'}`,
    next.at,
  );
});

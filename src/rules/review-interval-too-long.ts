import { defineRule } from '../lint/define-rule.js';
import { dateField } from '../lint/fields.js';
import { compareDates } from '../time/calendar-date.js';
import { addDuration } from '../time/duration.js';

/**
 * `review-interval-too-long`: `next_review` may be at most `maxInterval`
 * (default P3Y) after `last_reviewed`, in calendar arithmetic: from 2025-03-18
 * the latest is 2028-03-18; from 2024-02-29 it is 2027-02-28. Silent when the
 * dates are in the wrong order (`review-date-order` reports that) or invalid.
 *
 * Valid: `last_reviewed: 2025-03-18`, `next_review: 2028-03-18`.
 * Invalid: `last_reviewed: 2025-03-18`, `next_review: 2028-03-19`.
 */
export default defineRule('review-interval-too-long', ['page', 'glossary'], ({ prepared, report }) => {
  const last = dateField(prepared, ['last_reviewed']);
  const next = dateField(prepared, ['next_review']);
  if (!last || !next || compareDates(next.value, last.value) <= 0) return;
  const interval = prepared.context.config.policy.maxInterval;
  const latest = addDuration(last.value, interval);
  if (compareDates(next.value, latest) <= 0) return;
  report(
    `Unexpected \`next_review\` ${next.value}, more than \`maxInterval\` (${interval}) after \`last_reviewed\` ${last.value}, expected ${latest} or earlier`,
    next.at,
  );
});

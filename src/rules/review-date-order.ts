import { defineRule } from '../lint/define-rule.js';
import { dateField } from '../lint/fields.js';
import { compareDates } from '../time/calendar-date.js';
import { addDuration } from '../time/duration.js';

/**
 * `review-date-order`: `next_review` must come after `last_reviewed`, and
 * neither `last_reviewed` nor `last_updated` can be in the future. Dates that
 * are not real dates are left to `review-date-invalid`. `last_updated` may
 * lie before `last_reviewed`: a full review after the last small edit is the
 * usual order, and the review itself is not an "update".
 *
 * Valid: `last_reviewed: 2025-03-18`, `next_review: 2028-03-18`,
 * `last_updated: 2026-01-10`.
 * Invalid: `next_review: 2024-03-18` (before the last review),
 * `last_reviewed: 2026-06-02` or `last_updated: 2026-06-02` when today is 2026-06-01.
 */
export default defineRule('review-date-order', ['page', 'glossary'], ({ prepared, report }) => {
  const { config } = prepared.context;
  const clock = prepared.clock;
  const last = dateField(prepared, ['last_reviewed']);
  const next = dateField(prepared, ['next_review']);

  if (last && next) {
    const order = compareDates(next.value, last.value);
    if (order <= 0) {
      const relation = order === 0 ? 'on the same day as' : 'before';
      const suggestion = addDuration(last.value, config.policy.maxInterval).toString();
      report(
        `Unexpected \`next_review\` ${next.value} ${relation} \`last_reviewed\` ${last.value}, expected a later date such as ${suggestion}`,
        next.at,
      );
    }
  }

  for (const [name, date] of [['last_reviewed', last], ['last_updated', dateField(prepared, ['last_updated'])]] as const) {
    if (date && clock.compare(date.value) < 0) {
      report(`Unexpected \`${name}\` ${date.value} in the future, expected today (${clock}) or earlier`, date.at);
    }
  }
});

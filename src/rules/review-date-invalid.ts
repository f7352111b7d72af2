import { defineRule } from '../lint/define-rule.js';
import { field, references } from '../lint/fields.js';
import { isoSpelling, parseIsoDate } from '../time/calendar-date.js';
import type { YamlPath } from '../content/front-matter.js';

/**
 * `review-date-invalid`: `last_reviewed`, `next_review`, `last_updated` and
 * each reference's `accessed` and `checked` must be a real ISO 8601 calendar
 * date, `YYYY-MM-DD` (this rule owns the validity of every date field). Impossible
 * days are never rolled over (`2027-09-31` is not 1 October); the message
 * suggests the nearest real date or the ISO spelling of a date written another
 * way. Missing fields are `frontmatter-schema`'s concern, not this rule's.
 *
 * Valid: `next_review: 2028-03-18`.
 * Invalid: `next_review: 2025-02-30`, `last_reviewed: 18 Mar 2025`,
 * `last_reviewed: 20250318` (a number to YAML), `accessed: 2025-3-18`.
 */
export default defineRule('review-date-invalid', ['page', 'glossary'], ({ prepared, report }) => {
  if (!prepared.data) return;
  const check = (path: YamlPath, name: string) => {
    const found = field(prepared, path);
    if (!found || found.value === undefined) return;
    const problem = describe(found.value, name);
    if (problem) report(problem, found.at);
  };
  check(['last_reviewed'], 'last_reviewed');
  check(['next_review'], 'next_review');
  check(['last_updated'], 'last_updated');
  for (const { index } of references(prepared)) {
    check(['references', index, 'accessed'], `references[${index}].accessed`);
    check(['references', index, 'checked'], `references[${index}].checked`);
  }
});

const FORM = 'an ISO 8601 date in `YYYY-MM-DD` form';

/** The message for a value that is not a real ISO date, or undefined when it is one. */
function describe(value: unknown, name: string): string | undefined {
  if (typeof value === 'string') {
    const parsed = parseIsoDate(value);
    if (parsed.ok) return undefined;
    const shown = `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      // The right shape, but no such day (or month).
      return parsed.suggestion
        ? `Unexpected ${shown} in \`${name}\`, expected a real calendar date such as \`${parsed.suggestion}\``
        : `Unexpected ${shown} in \`${name}\` (${parsed.reason}), expected a real calendar date in \`YYYY-MM-DD\` form`;
    }
    const suggestion = parsed.suggestion ?? isoSpelling(value);
    return suggestion
      ? `Unexpected ${shown} in \`${name}\`, expected an ISO 8601 date such as \`${suggestion}\``
      : `Unexpected ${shown} in \`${name}\`, expected ${FORM}`;
  }
  if (value === null) return `Empty \`${name}\`, expected ${FORM}`;
  if (typeof value === 'number' || typeof value === 'boolean') {
    const suggestion = typeof value === 'number' ? isoSpelling(String(value)) : undefined;
    return suggestion
      ? `Unexpected number \`${value}\` in \`${name}\`, expected an ISO 8601 date such as \`${suggestion}\``
      : `Unexpected ${typeof value} \`${value}\` in \`${name}\`, expected ${FORM}`;
  }
  return `Unexpected ${Array.isArray(value) ? 'list' : 'mapping'} in \`${name}\`, expected ${FORM}`;
}

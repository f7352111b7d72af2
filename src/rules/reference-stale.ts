import { defineRule } from '../lint/define-rule.js';
import { references } from '../lint/fields.js';
import { addDuration, type Duration } from '../time/duration.js';
import { yearEnd, type PlainDate } from '../time/calendar-date.js';
import type { Clock } from '../lint/clock.js';

/**
 * `reference-stale` (info): a reference older than the policy's `staleAfter`
 * (default P10Y), for the reviewer's attention. A reference counts from the
 * end of its year: stale when 31 December of `year` plus `staleAfter` is
 * before today, so with P10Y a 2016 reference is not stale until 2027.
 * Years that are not four digits or lie in the future are left to
 * `reference-format`.
 *
 * Valid (today 2026-06-01): `year: 2016`.
 * Invalid: `year: 2015`.
 */
export default defineRule('reference-stale', ['page'], ({ prepared, report }) => {
  const clock = prepared.clock;
  const staleAfter = prepared.context.config.policy.staleAfter;
  const shown = (shownDurations.get(staleAfter) ?? shownDurations.set(staleAfter, staleAfter.toString()).get(staleAfter))!;
  for (const { index, reference } of references(prepared)) {
    const year = fourDigitYear(reference.year);
    if (year === undefined || year > clock.year || !isStale(year, staleAfter, clock)) continue;
    let fresh = year + 1;
    while (fresh <= clock.year && isStale(fresh, staleAfter, clock)) fresh++;
    report(
      `Reference ${index + 1} from ${year} is older than \`staleAfter\` (${shown}), expected a source from ${fresh} or later, or a reviewer's check that it is still current`,
      prepared.frontMatter.keySpan(['references', index, 'year']),
    );
  }
});

/** Temporal formats a duration slowly, and a corpus has thousands of old references: once per run. */
const shownDurations = new WeakMap<Duration, string>();

function fourDigitYear(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

function isStale(year: number, staleAfter: Duration, clock: Clock): boolean {
  return clock.compare(staleFrom(year, staleAfter)) > 0;
}

/** The day after which a source from `year` is stale: the same few years on every page, so worked out once each. */
function staleFrom(year: number, staleAfter: Duration): PlainDate {
  let byYear = staleDays.get(staleAfter);
  if (!byYear) staleDays.set(staleAfter, (byYear = new Map()));
  let day = byYear.get(year);
  if (!day) byYear.set(year, (day = addDuration(yearEnd(year), staleAfter)));
  return day;
}

const staleDays = new WeakMap<Duration, Map<number, PlainDate>>();

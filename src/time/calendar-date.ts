import { Temporal } from 'temporal-polyfill';

export type PlainDate = Temporal.PlainDate;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HUMAN_DATE = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;

export type DateParse =
  | { ok: true; date: PlainDate }
  | { ok: false; reason: string; suggestion?: string };

/**
 * Parse a strict ISO 8601 calendar date (`YYYY-MM-DD`). Impossible dates are
 * rejected rather than rolled over (`2027-09-31` is not 1 October), and the
 * failure carries the nearest real date to suggest.
 */
export function parseIsoDate(value: string): DateParse {
  const match = ISO_DATE.exec(value);
  if (!match) {
    const human = parseHumanDate(value);
    return human
      ? { ok: false, reason: 'not in ISO 8601 form', suggestion: human.toString() }
      : { ok: false, reason: 'not in ISO 8601 form (YYYY-MM-DD)' };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  try {
    return { ok: true, date: Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }) };
  } catch {
    if (month < 1 || month > 12) return { ok: false, reason: `month ${match[2]} does not exist` };
    const clamped = Temporal.PlainDate.from({ year, month, day: Math.max(day, 1) }, { overflow: 'constrain' });
    return { ok: false, reason: `${value} is not a day of the calendar`, suggestion: clamped.toString() };
  }
}

/** Dates the way the seed page prints them (`18 Mar 2025`), for suggestions and fixes. */
export function parseHumanDate(value: string): PlainDate | undefined {
  const match = HUMAN_DATE.exec(value.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return undefined;
  try {
    return Temporal.PlainDate.from(
      { year: Number(match[3]), month, day: Number(match[1]) },
      { overflow: 'reject' },
    );
  } catch {
    return undefined;
  }
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return from.until(to, { largestUnit: 'day' }).days;
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return Temporal.PlainDate.compare(a, b);
}

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
  // Pages share their dates, and several rules read each one: parse each text once (results are immutable).
  let known = parsed.get(value);
  if (known === undefined) {
    if (parsed.size >= MAX_REMEMBERED) parsed.clear();
    parsed.set(value, (known = parseOnce(value)));
  }
  return known;
}

const parsed = new Map<string, DateParse>();
const MAX_REMEMBERED = 10_000;

/** 31 December of `year`, made once per year: date rules ask for it on every page. */
export function yearEnd(year: number): PlainDate {
  let end = yearEnds.get(year);
  if (!end) yearEnds.set(year, (end = Temporal.PlainDate.from({ year, month: 12, day: 31 })));
  return end;
}

const yearEnds = new Map<number, PlainDate>();

function parseOnce(value: string): DateParse {
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

/**
 * The ISO spelling of a date written almost right: `2025-3-18`, `2025/03/18`,
 * `20250318`, `2025-03-18T09:00:00Z`, or day-first `18/03/2025` when the day
 * cannot be a month. Impossible days give the nearest real date, for
 * suggestions. Undefined when there is no single plausible reading.
 */
export function isoSpelling(value: string): string | undefined {
  const iso = spelledIso(value);
  if (!iso) return undefined;
  const parsed = parseIsoDate(iso);
  return parsed.ok ? parsed.date.toString() : parsed.suggestion;
}

/**
 * The ISO form of a real date written another way (`18 Mar 2025`,
 * `2025/03/18`, `20250318`), safe to write back: the same day, never a
 * nearby one. Undefined when the value is already ISO, names no real day
 * (`2025/02/30`), could be read two ways (`03/04/2025`) or has a time of day
 * (in another time zone it may be another day).
 */
export function isoFromSpelling(value: string): string | undefined {
  const human = parseHumanDate(value);
  if (human) return human.toString();
  const iso = spelledIso(value);
  if (!iso || iso === value || value.includes(':')) return undefined;
  const parsed = parseIsoDate(iso);
  return parsed.ok ? parsed.date.toString() : undefined;
}

/** `YYYY-MM-DD` as written (not yet checked against the calendar), or undefined. */
function spelledIso(value: string): string | undefined {
  const text = value.trim();
  let parts: [string, string, string] | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(text))) {
    parts = [match[1]!, match[2]!, match[3]!];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    parts = [match[1]!, match[2]!, match[3]!];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text))) {
    // Day first (as UK pages print it) only when unambiguous.
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first > 12 || first === second) parts = [match[3]!, match[2]!, match[1]!];
  }
  return parts && `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return from.until(to, { largestUnit: 'day' }).days;
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return Temporal.PlainDate.compare(a, b);
}

import { compareDates, daysBetween, yearEnd, type PlainDate } from '../time/calendar-date.js';

/**
 * "Today" as the date rules see it. Every question a rule asks about today
 * also records until when the answer holds, so a cached result is reused on
 * later days exactly as long as it would come out the same.
 */
export class Clock {
  /** Last day (inclusive) on which every answer given so far still holds; undefined means for ever. */
  private until: PlainDate | undefined;

  constructor(readonly today: PlainDate) {}

  get validUntil(): PlainDate | undefined {
    return this.until;
  }

  /** Sign of today − `date`. Before `date` the answer holds until the day before it; on it, one day; after it, for ever. */
  compare(date: PlainDate): number {
    const sign = compareDates(this.today, date);
    if (sign < 0) this.holdUntil(dayBefore(date));
    else if (sign === 0) this.holdUntil(this.today);
    return sign;
  }

  /** Whole days from today to `date`: a count that changes every day. */
  daysUntil(date: PlainDate): number {
    this.holdUntil(this.today);
    return daysBetween(this.today, date);
  }

  /** This year: the same until 31 December. */
  get year(): number {
    this.holdUntil(yearEnd(this.today.year));
    return this.today.year;
  }

  /** The date itself, for a message that names it: holds for today only. */
  toString(): string {
    this.holdUntil(this.today);
    return this.today.toString();
  }

  private holdUntil(date: PlainDate): void {
    if (this.until === undefined || compareDates(date, this.until) < 0) this.until = date;
  }
}

/** Dates are shared between pages (parseIsoDate remembers them), so the day before each is worked out once. */
const daysBefore = new WeakMap<PlainDate, PlainDate>();

function dayBefore(date: PlainDate): PlainDate {
  let before = daysBefore.get(date);
  if (!before) daysBefore.set(date, (before = date.subtract({ days: 1 })));
  return before;
}

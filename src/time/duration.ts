import { Temporal } from 'temporal-polyfill';
import type { PlainDate } from './calendar-date.js';

export type Duration = Temporal.Duration;

/** An ISO 8601 duration of calendar units (`P3Y`, `P90D`, `P1Y6M`), or an error message. */
export function parseDuration(value: string): Duration | string {
  if (!/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/.test(value)) {
    return `expected an ISO 8601 duration of years, months, weeks or days such as P3Y or P90D, got \`${value}\``;
  }
  return Temporal.Duration.from(value);
}

/** Calendar arithmetic: 2025-03-18 plus P3Y is 2028-03-18; 2024-02-29 plus P1Y is 2025-02-28. */
export function addDuration(date: PlainDate, duration: Duration): PlainDate {
  return date.add(duration, { overflow: 'constrain' });
}

export function subtractDuration(date: PlainDate, duration: Duration): PlainDate {
  return date.subtract(duration, { overflow: 'constrain' });
}

import { Temporal } from 'temporal-polyfill';
import { parseIsoDate, type PlainDate } from './calendar-date.js';

export class TodayError extends Error {}

/**
 * "Today" as a calendar date in the content's time zone. An explicit value
 * (`--today`, then `PAGECARE_TODAY`) wins so every date-dependent run is exact.
 */
export function resolveToday(options: {
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
  timeZone: string;
  now?: Temporal.Instant;
}): PlainDate {
  const explicit = options.explicit ?? (options.env ?? process.env).PAGECARE_TODAY;
  if (explicit !== undefined && explicit !== '') {
    const parsed = parseIsoDate(explicit);
    if (!parsed.ok) {
      const hint = parsed.suggestion ? ` such as \`${parsed.suggestion}\`` : ' in YYYY-MM-DD form';
      throw new TodayError(`Unexpected today \`${explicit}\` (${parsed.reason}), expected a real calendar date${hint}`);
    }
    return parsed.date;
  }
  const now = options.now ?? Temporal.Now.instant();
  return now.toZonedDateTimeISO(options.timeZone).toPlainDate();
}

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { compareDates, daysBetween, parseHumanDate, parseIsoDate } from '../../src/time/calendar-date.js';
import { addDuration, parseDuration, type Duration } from '../../src/time/duration.js';

const date = (iso: string) => Temporal.PlainDate.from(iso);
const duration = (iso: string) => parseDuration(iso) as Duration;

describe('parseIsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const iso of ['2025-03-18', '2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01']) {
      const parsed = parseIsoDate(iso);
      expect(parsed.ok, iso).toBe(true);
      if (parsed.ok) expect(parsed.date.toString()).toBe(iso);
    }
  });

  it('rejects a leap day outside a leap year and suggests the last day of February', () => {
    expect(parseIsoDate('2025-02-29')).toMatchObject({ ok: false, suggestion: '2025-02-28' });
    expect(parseIsoDate('1900-02-29')).toMatchObject({ ok: false, suggestion: '1900-02-28' });
    expect(parseIsoDate('2025-02-30')).toMatchObject({ ok: false, suggestion: '2025-02-28' });
  });

  it('never rolls an impossible day over into the next month', () => {
    expect(parseIsoDate('2027-09-31')).toMatchObject({ ok: false, suggestion: '2027-09-30' });
    expect(parseIsoDate('2025-04-00')).toMatchObject({ ok: false, suggestion: '2025-04-01' });
  });

  it('rejects a month that does not exist without guessing', () => {
    const parsed = parseIsoDate('2025-13-01');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.suggestion).toBeUndefined();
      expect(parsed.reason).toMatch(/month 13/);
    }
  });

  it('rejects dates not written in YYYY-MM-DD form', () => {
    for (const value of ['2025-3-18', '2025/03/18', '20250318', '2025-03-18T10:00:00Z', ' 2025-03-18', '', 'soon']) {
      expect(parseIsoDate(value).ok, JSON.stringify(value)).toBe(false);
    }
  });

  it('suggests the ISO form of a date written the way the seed page prints it', () => {
    expect(parseIsoDate('18 Mar 2025')).toMatchObject({ ok: false, suggestion: '2025-03-18' });
    expect(parseIsoDate('1st March 2025')).toMatchObject({ ok: false, suggestion: '2025-03-01' });
    expect(parseHumanDate('31 Feb 2025')).toBeUndefined();
    expect(parseHumanDate('18 Smarch 2025')).toBeUndefined();
  });
});

describe('addDuration (calendar arithmetic)', () => {
  it('adds years by the calendar, not by a count of days', () => {
    expect(addDuration(date('2025-03-18'), duration('P3Y')).toString()).toBe('2028-03-18');
    // 2028 is a leap year: three calendar years are 1096 days here, not 1095.
    expect(daysBetween(date('2025-03-18'), date('2028-03-18'))).toBe(1096);
  });

  it('constrains a leap day to 28 February in a common year', () => {
    expect(addDuration(date('2024-02-29'), duration('P3Y')).toString()).toBe('2027-02-28');
    expect(addDuration(date('2024-02-29'), duration('P1Y')).toString()).toBe('2025-02-28');
    expect(addDuration(date('2024-02-29'), duration('P4Y')).toString()).toBe('2028-02-29');
  });

  it('constrains month ends', () => {
    expect(addDuration(date('2025-01-31'), duration('P1M')).toString()).toBe('2025-02-28');
    expect(addDuration(date('2025-08-31'), duration('P1M')).toString()).toBe('2025-09-30');
  });

  it('adds days and weeks exactly (the due-soon window)', () => {
    expect(addDuration(date('2026-06-01'), duration('P90D')).toString()).toBe('2026-08-30');
    expect(addDuration(date('2026-06-01'), duration('P2W')).toString()).toBe('2026-06-15');
    expect(addDuration(date('2025-12-31'), duration('P1D')).toString()).toBe('2026-01-01');
  });

  it('compares and counts days in both directions', () => {
    expect(daysBetween(date('2026-06-01'), date('2026-05-02'))).toBe(-30);
    expect(daysBetween(date('2026-06-01'), date('2026-06-01'))).toBe(0);
    expect(compareDates(date('2026-06-01'), date('2026-06-02'))).toBe(-1);
    expect(compareDates(date('2026-06-01'), date('2026-06-01'))).toBe(0);
  });
});

describe('parseDuration', () => {
  it('accepts calendar durations and rejects anything else with a message', () => {
    expect(parseDuration('P3Y')).toBeInstanceOf(Temporal.Duration);
    expect(parseDuration('P1Y6M')).toBeInstanceOf(Temporal.Duration);
    for (const bad of ['P', '3Y', 'PT5H', 'P-1Y', '']) expect(typeof parseDuration(bad), bad).toBe('string');
  });
});

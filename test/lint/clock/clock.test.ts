import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../src/lint/clock.js';

const d = (s: string) => Temporal.PlainDate.from(s);

describe('Clock: how long a date rule\'s answer holds', () => {
  it('before a date: until the day before it; on it: today only; after it: for ever', () => {
    const before = new Clock(d('2026-06-01'));
    expect(before.compare(d('2026-09-30'))).toBe(-1);
    expect(before.validUntil?.toString()).toBe('2026-09-29');
    const on = new Clock(d('2026-09-30'));
    expect(on.compare(d('2026-09-30'))).toBe(0);
    expect(on.validUntil?.toString()).toBe('2026-09-30');
    const after = new Clock(d('2026-10-01'));
    expect(after.compare(d('2026-09-30'))).toBe(1);
    expect(after.validUntil).toBeUndefined();
  });

  it('keeps the earliest limit; day counts and the date itself hold for today only; the year until 31 December', () => {
    const clock = new Clock(d('2026-06-01'));
    expect(clock.year).toBe(2026);
    expect(clock.validUntil?.toString()).toBe('2026-12-31');
    clock.compare(d('2027-01-10'));
    expect(clock.validUntil?.toString()).toBe('2026-12-31');
    expect(clock.daysUntil(d('2026-06-11'))).toBe(10);
    expect(clock.validUntil?.toString()).toBe('2026-06-01');
  });
});

import type { Policy } from '../config/load-config.js';
import { compareDates, daysBetween, type PlainDate } from '../time/calendar-date.js';
import { addDuration } from '../time/duration.js';

export const STATUSES = ['overdue', 'due-soon', 'upcoming', 'ok'] as const;
export type ReviewStatus = (typeof STATUSES)[number];

/** Where a review stands on `today`: overdue after the date, due soon within `dueSoon`, upcoming within `upcoming`. */
export function reviewStatus(next: PlainDate, today: PlainDate, policy: Pick<Policy, 'dueSoon' | 'upcoming'>): ReviewStatus {
  if (compareDates(next, today) < 0) return 'overdue';
  if (compareDates(next, addDuration(today, policy.dueSoon)) <= 0) return 'due-soon';
  if (compareDates(next, addDuration(today, policy.upcoming)) <= 0) return 'upcoming';
  return 'ok';
}

/** Days from today to the due date; negative once overdue. */
export function daysLeft(next: PlainDate, today: PlainDate): number {
  return daysBetween(today, next);
}

import { daysBetween, type PlainDate } from '../time/calendar-date.js';

export interface ReminderPolicy {
  /** Days before `next_review` on which to remind (90, 30, 7). */
  before: readonly number[];
  /** Days between reminders once overdue (7: weekly). */
  overdueEvery: number;
}

export interface Milestone {
  /** Stable name, part of the ledger key: `before-30`, `overdue-8`. */
  key: string;
  /** The day the milestone was crossed. */
  date: PlainDate;
  overdue: boolean;
}

/**
 * The latest reminder milestone crossed by `today`, if any. Only the latest
 * counts, so a week of missed runs sends one catch-up, not every reminder missed.
 * Overdue milestones fall on day 1 after the due date, then every `overdueEvery` days.
 */
export function latestMilestone(next: PlainDate, today: PlainDate, policy: ReminderPolicy): Milestone | undefined {
  const left = daysBetween(today, next);
  if (left < 0) {
    const late = -left;
    const day = 1 + Math.floor((late - 1) / policy.overdueEvery) * policy.overdueEvery;
    return { key: `overdue-${day}`, date: next.add({ days: day }), overdue: true };
  }
  const crossed = policy.before.filter((days) => days >= left);
  if (crossed.length === 0) return undefined;
  const days = Math.min(...crossed);
  return { key: `before-${days}`, date: next.subtract({ days }), overdue: false };
}

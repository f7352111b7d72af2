import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { Plan, ScheduleEntry } from '../review/plan.js';
import { pageUrl, type ReportOptions } from './report-options.js';
import { oneLine } from './schedule-summary.js';

export const CALENDAR_NAME = 'pagecare review schedule';

/**
 * A UID that stays the same for a page while its `next_review` stays the same,
 * so calendar clients update the event on each import instead of adding a copy,
 * and a moved review date becomes a new event.
 */
export function reviewUid(entry: Pick<ScheduleEntry, 'id' | 'nextReview'>): string {
  const digest = createHash('sha256').update(`${entry.id}|${entry.nextReview.toString()}`).digest('hex');
  return `${digest.slice(0, 32)}@pagecare`;
}

/** `review-calendar.ics`: one all-day event per scheduled review, on its `next_review` date. */
export function formatScheduleCalendar(plan: Plan, options: ReportOptions): string {
  // DTSTAMP is required; "now" would change the file on every run, so it is the generation time or today.
  const stamp = options.generatedAt ? Temporal.Instant.from(options.generatedAt) : plan.today;
  const calendar = ical({
    name: CALENDAR_NAME,
    prodId: { company: 'pagecare', product: 'review-schedule', language: 'EN' },
  });
  for (const entry of plan.schedule) {
    const url = pageUrl(options, entry.path);
    calendar.createEvent({
      id: reviewUid(entry),
      allDay: true,
      start: entry.nextReview,
      end: entry.nextReview.add({ days: 1 }),
      stamp,
      summary: `Review due: ${oneLine(entry.title)}`,
      description: [
        `Owner: ${entry.owner ?? '(no owner)'}`,
        ...(entry.reviewers.length > 0 ? [`Reviewers: ${entry.reviewers.join(', ')}`] : []),
        `Path: ${entry.path}`,
        ...(url ? [`Link: ${url}`] : []),
      ].join('\n'),
      ...(url ? { url } : {}),
    });
  }
  return calendar.toString();
}

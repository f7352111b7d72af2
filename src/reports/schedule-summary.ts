import type { Plan } from '../review/plan.js';
import { STATUSES, type ReviewStatus } from '../review/status.js';

export interface ScheduleSummary {
  overdue: number;
  dueSoon: number;
  upcoming: number;
  ok: number;
  unscheduled: number;
}

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  ok: 'OK',
};

export function summarizeSchedule(plan: Plan): ScheduleSummary {
  const count = (status: ReviewStatus) => plan.schedule.filter((entry) => entry.status === status).length;
  return {
    overdue: count('overdue'),
    dueSoon: count('due-soon'),
    upcoming: count('upcoming'),
    ok: count('ok'),
    unscheduled: plan.unscheduled.length,
  };
}

/** Summary rows in status order, each with its label, for the human-readable reports. */
export function summaryRows(plan: Plan): Array<{ key: ReviewStatus | 'unscheduled'; label: string; count: number }> {
  const summary = summarizeSchedule(plan);
  const byStatus: Record<ReviewStatus, number> = {
    overdue: summary.overdue,
    'due-soon': summary.dueSoon,
    upcoming: summary.upcoming,
    ok: summary.ok,
  };
  return [
    ...STATUSES.map((status) => ({ key: status, label: STATUS_LABELS[status], count: byStatus[status] })),
    { key: 'unscheduled' as const, label: 'Unscheduled', count: summary.unscheduled },
  ];
}

/** "12 days overdue", "1 day overdue", "due today", "in 1 day", "in 30 days". */
export function describeDaysLeft(days: number): string {
  if (days === 0) return 'due today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days < 0 ? `${n} ${unit} overdue` : `in ${n} ${unit}`;
}

/**
 * A page's reading age as the human-readable reports write it: the age;
 * `not scored` for a page too short to score or a glossary entry; `not
 * measured` when lint has not read the page since it last changed.
 */
export function describeReadingAge(age: number | null | undefined): string {
  return typeof age === 'number' ? String(age) : age === null ? 'not scored' : 'not measured';
}

/** What the reading-age column means, names in backticks (see `codeSpans`). */
export const READING_AGE_NOTE =
  'Reading age is the SMOG grade + 5, as the `readability` rule counts it. Not scored: under 10 sentences, or a glossary entry. ' +
  'Not measured: `pagecare lint` or `pagecare run` has not read the page since it last changed.';

/** Titles come from front matter and may hold line breaks; a table cell or a calendar summary needs one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reasons mark names in backticks (`` `next_review` is missing ``); split them so each format can show code safely. */
export function codeSpans(text: string): Array<{ code: boolean; value: string }> {
  const parts: Array<{ code: boolean; value: string }> = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`]+)`/g)) {
    if (match.index > last) parts.push({ code: false, value: text.slice(last, match.index) });
    parts.push({ code: true, value: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, value: text.slice(last) });
  return parts;
}

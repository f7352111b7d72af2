import path from 'node:path';
import { stageFile } from '../fs/write-atomic.js';
import type { Plan } from '../review/plan.js';
import type { ReportOptions } from './report-options.js';
import { formatScheduleCalendar } from './schedule-calendar.js';
import { formatScheduleHtml } from './schedule-html.js';
import { formatScheduleJson } from './schedule-json.js';
import { formatScheduleMarkdown } from './schedule-markdown.js';

export const REPORT_FILES = {
  markdown: 'review-schedule.md',
  json: 'review-schedule.json',
  calendar: 'review-calendar.ics',
  html: 'review-schedule.html',
} as const;

export type ReportPaths = Record<keyof typeof REPORT_FILES, string>;

/**
 * Write the four schedule reports into `dir` and return their paths. Every
 * report is rendered before anything is written, and each file is replaced
 * by a rename, so a reader never sees a half-written report.
 */
export async function writeReports(dir: string, plan: Plan, options: ReportOptions): Promise<ReportPaths> {
  const contents: Record<keyof typeof REPORT_FILES, string> = {
    markdown: formatScheduleMarkdown(plan, options),
    json: formatScheduleJson(plan, options),
    calendar: formatScheduleCalendar(plan, options),
    html: formatScheduleHtml(plan, options),
  };
  const keys = Object.keys(REPORT_FILES) as Array<keyof typeof REPORT_FILES>;
  const paths = Object.fromEntries(keys.map((key) => [key, path.join(dir, REPORT_FILES[key])])) as ReportPaths;
  const staged = await Promise.allSettled(keys.map((key) => stageFile(paths[key], contents[key])));
  const ready = staged.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = staged.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(ready.map((file) => file.discard()));
    throw failed.reason;
  }
  for (const file of ready) await file.commit();
  return paths;
}


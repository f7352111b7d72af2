import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
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
  await mkdir(dir, { recursive: true });
  const keys = Object.keys(REPORT_FILES) as Array<keyof typeof REPORT_FILES>;
  const paths = Object.fromEntries(keys.map((key) => [key, path.join(dir, REPORT_FILES[key])])) as ReportPaths;
  const temps = await Promise.allSettled(keys.map((key) => writeTemp(paths[key], contents[key])));
  const written = temps.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    const failed = temps.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    for (const [i, key] of keys.entries()) await rename(written[i]!, paths[key]);
  } catch (error) {
    await Promise.all(written.map((temp) => rm(temp, { force: true })));
    throw error;
  }
  return paths;
}

/** Write beside the target (same file system, so the rename is atomic) and flush to disk. */
async function writeTemp(target: string, text: string): Promise<string> {
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return temp;
}

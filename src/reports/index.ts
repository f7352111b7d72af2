export { pageUrl, repositoryBase, type ReportOptions } from './report-options.js';
export { describeDaysLeft, summarizeSchedule, type ScheduleSummary } from './schedule-summary.js';
export { formatScheduleMarkdown } from './schedule-markdown.js';
export {
  formatScheduleJson,
  toScheduleJson,
  type ScheduleJson,
  type ScheduleJsonPage,
  type ScheduleJsonUnscheduled,
} from './schedule-json.js';
export { CALENDAR_NAME, formatScheduleCalendar, reviewUid } from './schedule-calendar.js';
export { formatScheduleHtml } from './schedule-html.js';
export { dueByMonth, type DueByMonth, type MonthBar } from './schedule-chart.js';
export { REPORT_FILES, writeReports, type ReportPaths } from './write-reports.js';

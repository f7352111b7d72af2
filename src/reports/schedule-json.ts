import type { FindingCounts, Plan } from '../review/plan.js';
import type { ReviewStatus } from '../review/status.js';
import type { ReportOptions } from './report-options.js';
import { summarizeSchedule, type ScheduleSummary } from './schedule-summary.js';

/**
 * `reports/review-schedule.json`: a stable shape for other tools. Keys are
 * always present and in this order; a value that is not known is `null`,
 * never a missing key. Dates are ISO 8601 calendar dates (`YYYY-MM-DD`).
 *
 * ```json
 * {
 *   "generatedFor": "2026-06-01",
 *   "generatedAt": null,
 *   "summary": { "overdue": 1, "dueSoon": 2, "upcoming": 0, "ok": 7, "unscheduled": 1 },
 *   "pages": [
 *     { "id": "small-bowel-net/treatment", "path": "content/pages/small-bowel-net/treatment.md",
 *       "kind": "page", "title": "Treatment for small bowel neuroendocrine cancer",
 *       "owner": "jsmith", "reviewers": ["net-clinical"],
 *       "lastReviewed": "2025-03-18", "nextReview": "2028-03-18",
 *       "status": "ok", "daysLeft": 656,
 *       "findings": { "errors": 0, "warnings": 3, "infos": 1 }, "readingAge": 11 }
 *   ],
 *   "unscheduled": [
 *     { "id": "old-page", "path": "content/pages/old-page.md", "title": "An old page",
 *       "owner": "jsmith", "reason": "`next_review` is missing or not a real date" }
 *   ]
 * }
 * ```
 *
 * - `generatedFor`: the day the statuses are worked out for ("today", `--today`/`PAGECARE_TODAY`).
 * - `generatedAt`: the ISO instant the report was made, or `null` when not recorded.
 * - `summary`: how many scheduled pages have each status, plus how many cannot be scheduled.
 * - `pages`: every scheduled page and glossary entry (drafts left out), by `nextReview`, then `path`.
 *   - `id`: the path under the pages folder without `.md`, or `glossary/<id>`; `path`: root-relative, `/`-separated.
 *   - `kind`: `page` or `glossary`; `title`: the page title or glossary term.
 *   - `owner`: the owner's editors.yml handle or `null`; `reviewers`: handles, possibly empty.
 *   - `lastReviewed`: a date or `null`; `nextReview`: a date.
 *   - `status`: `overdue` (next review before today), `due-soon` (within `policy.dueSoon`),
 *     `upcoming` (within `policy.upcoming`) or `ok`.
 *   - `daysLeft`: whole days from `generatedFor` to `nextReview`, negative once overdue.
 *   - `findings`: the page's lint findings by severity, or `null` when lint did not run.
 *   - `readingAge`: the page's SMOG reading age (grade + 5, as the `readability` rule counts it),
 *     or `null` when it has none: a page under 10 sentences, a glossary entry, or a page not
 *     measured since it last changed (`pagecare run` measures every page; `pagecare review` takes
 *     the ages the last `pagecare lint` or `run` left in the lint cache).
 * - `unscheduled`: pages whose review date is missing or unreadable, by `path`, with the `reason`
 *   (names of fields in backticks).
 */
export interface ScheduleJson {
  /** Day the statuses are worked out for, `YYYY-MM-DD`. */
  generatedFor: string;
  /** ISO instant the report was made, or null when not recorded. */
  generatedAt: string | null;
  summary: ScheduleSummary;
  /** Scheduled pages and glossary entries by next review, then path. */
  pages: ScheduleJsonPage[];
  /** Pages with no readable review date, by path. */
  unscheduled: ScheduleJsonUnscheduled[];
}

export interface ScheduleJsonPage {
  /** Path under the pages folder without `.md`, or `glossary/<id>`. */
  id: string;
  /** Repository-root-relative path with `/` separators. */
  path: string;
  kind: 'page' | 'glossary';
  /** Page title or glossary term. */
  title: string;
  /** Owner's handle in editors.yml, or null. */
  owner: string | null;
  /** Reviewer handles; may be empty. */
  reviewers: string[];
  /** `YYYY-MM-DD`, or null. */
  lastReviewed: string | null;
  /** `YYYY-MM-DD`. */
  nextReview: string;
  status: ReviewStatus;
  /** Whole days until `nextReview`; negative once overdue. */
  daysLeft: number;
  /** Lint findings by severity, or null when lint did not run. */
  findings: FindingCounts | null;
  /** SMOG reading age, or null when not scored (too short, a glossary entry) or not measured since the page changed. */
  readingAge: number | null;
}

export interface ScheduleJsonUnscheduled {
  id: string;
  path: string;
  title: string;
  owner: string | null;
  /** Why the page cannot be scheduled; field names in backticks. */
  reason: string;
}

export function toScheduleJson(plan: Plan, options: ReportOptions): ScheduleJson {
  return {
    generatedFor: plan.today.toString(),
    generatedAt: options.generatedAt ?? null,
    summary: summarizeSchedule(plan),
    pages: plan.schedule.map((entry) => ({
      id: entry.id,
      path: entry.path,
      kind: entry.kind,
      title: entry.title,
      owner: entry.owner ?? null,
      reviewers: [...entry.reviewers],
      lastReviewed: entry.lastReviewed?.toString() ?? null,
      nextReview: entry.nextReview.toString(),
      status: entry.status,
      daysLeft: entry.daysLeft,
      findings: entry.findings ? { errors: entry.findings.errors, warnings: entry.findings.warnings, infos: entry.findings.infos } : null,
      readingAge: entry.readingAge ?? null,
    })),
    unscheduled: plan.unscheduled.map((item) => ({
      id: item.id,
      path: item.path,
      title: item.title,
      owner: item.owner ?? null,
      reason: item.reason,
    })),
  };
}

/** `review-schedule.json`: two-space indent and a trailing newline, like the lint JSON output. */
export function formatScheduleJson(plan: Plan, options: ReportOptions): string {
  return `${JSON.stringify(toScheduleJson(plan, options), null, 2)}\n`;
}

import type { Editor } from '../config/editors-schema.js';
import type { Policy } from '../config/load-config.js';
import type { FileMetrics } from '../lint/file-metrics.js';
import { compareDates, type PlainDate } from '../time/calendar-date.js';
import type { Governed } from './corpus.js';
import { latestMilestone, type Milestone, type ReminderPolicy } from './milestones.js';
import { daysLeft, reviewStatus, type ReviewStatus } from './status.js';

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface ScheduleEntry {
  id: string;
  path: string;
  kind: 'page' | 'glossary';
  title: string;
  owner: string | undefined;
  reviewers: string[];
  lastReviewed: PlainDate | undefined;
  nextReview: PlainDate;
  status: ReviewStatus;
  /** Negative once overdue. */
  daysLeft: number;
  findings: FindingCounts | undefined;
  /** SMOG reading age; null when the page is not scored (too short, a glossary entry); absent when lint has not measured it. */
  readingAge?: number | null;
}

export interface Unscheduled {
  id: string;
  path: string;
  title: string;
  owner: string | undefined;
  reason: string;
}

export type Role = 'owner' | 'reviewer' | 'escalation';

export interface DigestItem {
  entry: ScheduleEntry;
  milestone: Milestone;
  role: Role;
  /** (page, next_review, milestone, recipient): sent at most once. */
  ledgerKey: string;
}

export interface Digest {
  handle: string;
  name: string;
  email: string;
  items: DigestItem[];
}

export interface Undeliverable {
  id: string;
  handle: string;
  reason: string;
}

export interface Plan {
  today: PlainDate;
  /** Every scheduled page and glossary entry, by due date. */
  schedule: ScheduleEntry[];
  /** Pages whose dates cannot be read; drafts are left out altogether. */
  unscheduled: Unscheduled[];
  /** One digest per recipient, holding only what the ledger has not seen. */
  digests: Digest[];
  undeliverable: Undeliverable[];
}

export interface PlanInput {
  corpus: readonly Governed[];
  policy: Pick<Policy, 'dueSoon' | 'upcoming'> & { reminders: ReminderPolicy };
  today: PlainDate;
  editors: Readonly<Record<string, Editor>> | undefined;
  escalation: readonly string[];
  /** Ledger keys already sent. */
  sent: ReadonlySet<string>;
  findings?: ReadonlyMap<string, FindingCounts> | undefined;
  /** What lint measured, by root-relative path (this run's lint, or the lint cache for pages unchanged since). */
  metrics?: ReadonlyMap<string, FileMetrics> | undefined;
}

export function ledgerKey(entry: Pick<ScheduleEntry, 'id' | 'nextReview'>, milestone: Milestone, handle: string): string {
  return `${entry.id}|${entry.nextReview.toString()}|${milestone.key}|${handle}`;
}

/**
 * The review planner: a pure function of the corpus, the policy, today and
 * the ledger. It decides every status and every reminder; `apply` only
 * carries the plan out.
 */
export function planReview(input: PlanInput): Plan {
  const schedule: ScheduleEntry[] = [];
  const unscheduled: Unscheduled[] = [];
  for (const doc of input.corpus) {
    if (doc.draft) continue;
    if (!doc.nextReview) {
      unscheduled.push({ id: doc.id, path: doc.path, title: doc.title, owner: doc.owner, reason: doc.problem ?? 'no review date' });
      continue;
    }
    schedule.push({
      id: doc.id,
      path: doc.path,
      kind: doc.kind,
      title: doc.title,
      owner: doc.owner,
      reviewers: doc.reviewers,
      lastReviewed: doc.lastReviewed,
      nextReview: doc.nextReview,
      status: reviewStatus(doc.nextReview, input.today, input.policy),
      daysLeft: daysLeft(doc.nextReview, input.today),
      findings: input.findings?.get(doc.path),
      readingAge: input.metrics?.get(doc.path)?.readingAge,
    });
  }
  schedule.sort((a, b) => compareDates(a.nextReview, b.nextReview) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  unscheduled.sort((a, b) => (a.path < b.path ? -1 : 1));

  const byHandle = new Map<string, DigestItem[]>();
  const undeliverable: Undeliverable[] = [];
  const add = (handle: string, entry: ScheduleEntry, milestone: Milestone, role: Role) => {
    const items = byHandle.get(handle) ?? [];
    // A person hears about a page once per run, in their closest role.
    if (items.some((item) => item.entry.id === entry.id)) return;
    const key = ledgerKey(entry, milestone, handle);
    if (input.sent.has(key)) return;
    items.push({ entry, milestone, role, ledgerKey: key });
    byHandle.set(handle, items);
  };

  for (const entry of schedule) {
    const milestone = latestMilestone(entry.nextReview, input.today, input.policy.reminders);
    if (!milestone) continue;
    const people: Array<[string, Role]> = [
      ...(entry.owner ? [[entry.owner, 'owner'] as [string, Role]] : []),
      ...entry.reviewers.map((handle) => [handle, 'reviewer'] as [string, Role]),
      ...(milestone.overdue ? input.escalation.map((handle) => [handle, 'escalation'] as [string, Role]) : []),
    ];
    if (!entry.owner) undeliverable.push({ id: entry.id, handle: '(none)', reason: 'the page has no owner' });
    for (const [handle, role] of people) {
      if (!editorOf(input.editors, handle)) {
        undeliverable.push({ id: entry.id, handle, reason: `\`${handle}\` is not in editors.yml` });
        continue;
      }
      add(handle, entry, milestone, role);
    }
  }

  const digests = [...byHandle.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([handle, items]) => {
      const editor = editorOf(input.editors, handle)!;
      return { handle, name: editor.name, email: editor.email, items };
    });
  return { today: input.today, schedule, unscheduled, digests, undeliverable };
}

function editorOf(editors: PlanInput['editors'], handle: string): Editor | undefined {
  return editors && Object.hasOwn(editors, handle) ? editors[handle] : undefined;
}

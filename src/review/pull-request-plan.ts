import { compareDates, parseIsoDate, type PlainDate } from '../time/calendar-date.js';
import { addDuration, type Duration } from '../time/duration.js';
import type { ScheduleEntry } from './plan.js';

/** What pagecare writes into each review pull request's body so later runs know what it was for. */
export interface ReviewMarker {
  id: string;
  /** The `next_review` the pull request was opened for. */
  due: string;
  /** The review date it proposed, kept across refreshes so the branch does not change every day. */
  proposed: string;
}

export interface ExistingPullRequest {
  number: number;
  branch: string;
  state: 'open' | 'closed';
  merged: boolean;
  marker: ReviewMarker | undefined;
}

export interface PullRequestPolicy {
  window: Duration;
  maxOpen: number;
  perRun: number;
  /** How far ahead the proposed `next_review` goes (the policy's `maxInterval`). */
  interval: Duration;
}

export interface WantedPullRequest {
  entry: ScheduleEntry;
  branch: string;
  /** The open pull request to refresh, if there is one. */
  existing: ExistingPullRequest | undefined;
  proposedLastReviewed: PlainDate;
  proposedNextReview: PlainDate;
}

export interface HeldBack {
  entry: ScheduleEntry;
  reason: string;
}

export interface ClosePullRequest {
  pr: ExistingPullRequest;
  reason: string;
}

export interface PullRequestPlan {
  wanted: WantedPullRequest[];
  close: ClosePullRequest[];
  heldBack: HeldBack[];
}

/**
 * Which review pull requests should exist: one per page inside the window
 * (due within `window`, or overdue), most urgent first, within `perRun` new
 * ones and `maxOpen` in all. A pull request a person closed is not reopened
 * for the same due date; one whose page left the window is closed. Pure.
 */
export function planPullRequests(input: {
  schedule: readonly ScheduleEntry[];
  today: PlainDate;
  policy: PullRequestPolicy;
  branchOf: (entry: ScheduleEntry) => string;
  /** The latest pull request for each in-window entry's branch. */
  latest: ReadonlyMap<string, ExistingPullRequest | undefined>;
  /** Every open pagecare review pull request. */
  open: readonly ExistingPullRequest[];
}): PullRequestPlan {
  const inWindow = inReviewWindow(input.schedule, input.today, input.policy.window);
  const windowBranches = new Set(inWindow.map((entry) => input.branchOf(entry)));
  const scheduledBranches = new Set(input.schedule.map((entry) => input.branchOf(entry)));
  const close = input.open
    .filter((pr) => !windowBranches.has(pr.branch))
    .map((pr) => ({
      pr,
      reason: scheduledBranches.has(pr.branch)
        ? 'the page was reviewed another way: its `next_review` is no longer inside the review window'
        : 'the page no longer exists or is no longer scheduled',
    }));
  const wanted: WantedPullRequest[] = [];
  const heldBack: HeldBack[] = [];
  // Pull requests closed in this run make room for new ones in the same run.
  let openCount = input.open.length - close.length;
  let created = 0;

  for (const entry of inWindow) {
    const branch = input.branchOf(entry);
    const latest = input.latest.get(branch);
    const due = entry.nextReview.toString();
    const sameDue = latest?.marker?.due === due;
    if (latest?.state === 'open') {
      // The marker comes from a pull request body anyone could edit: only a real date counts.
      const kept = sameDue && latest.marker ? parseIsoDate(latest.marker.proposed) : undefined;
      wanted.push(want(entry, branch, latest, kept?.ok ? kept.date : input.today, input.policy.interval));
      continue;
    }
    if (latest && sameDue) {
      heldBack.push({ entry, reason: `pull request #${latest.number} for this due date was ${latest.merged ? 'merged' : 'closed'} by a person` });
      continue;
    }
    if (created >= input.policy.perRun) {
      heldBack.push({ entry, reason: `limit of ${input.policy.perRun} new pull requests per run reached` });
      continue;
    }
    if (openCount >= input.policy.maxOpen) {
      heldBack.push({ entry, reason: `limit of ${input.policy.maxOpen} open pull requests reached` });
      continue;
    }
    created++;
    openCount++;
    wanted.push(want(entry, branch, undefined, input.today, input.policy.interval));
  }

  return { wanted, close, heldBack };
}

/** Entries due within `window` of today, or already overdue, most urgent first. */
export function inReviewWindow(schedule: readonly ScheduleEntry[], today: PlainDate, window: Duration): ScheduleEntry[] {
  const horizon = addDuration(today, window);
  return schedule
    .filter((entry) => compareDates(entry.nextReview, horizon) <= 0)
    .sort((a, b) => compareDates(a.nextReview, b.nextReview) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function want(entry: ScheduleEntry, branch: string, existing: ExistingPullRequest | undefined, proposed: PlainDate, interval: Duration): WantedPullRequest {
  return { entry, branch, existing, proposedLastReviewed: proposed, proposedNextReview: addDuration(proposed, interval) };
}

import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Governed } from '../../src/review/corpus.js';
import { planReview, type ScheduleEntry } from '../../src/review/plan.js';
import {
  inReviewWindow,
  planPullRequests,
  type ExistingPullRequest,
  type PullRequestPolicy,
} from '../../src/review/pull-request-plan.js';

const d = (s: string) => Temporal.PlainDate.from(s);
const TODAY = d('2026-06-01');
const POLICY: PullRequestPolicy = {
  window: Temporal.Duration.from('P30D'),
  maxOpen: 10,
  perRun: 3,
  interval: Temporal.Duration.from('P3Y'),
};

function doc(id: string, next: string): Governed {
  return {
    id,
    path: `content/pages/${id}.md`,
    kind: 'page',
    title: `Page ${id}`,
    owner: 'jsmith',
    reviewers: [],
    draft: false,
    lastReviewed: d('2024-01-01'),
    nextReview: d(next),
    problem: undefined,
  };
}

/** The schedule as the review planner makes it: sorted by due date, whatever order the files came in. */
function schedule(pages: Record<string, string>, today = TODAY): ScheduleEntry[] {
  const corpus = Object.entries(pages).map(([id, next]) => doc(id, next));
  const policy = { dueSoon: Temporal.Duration.from('P90D'), upcoming: Temporal.Duration.from('P6M'), reminders: { before: [90, 30, 7], overdueEvery: 7 } };
  return planReview({ corpus, policy, today, editors: undefined, escalation: [], sent: new Set() }).schedule;
}

const branchOf = (entry: Pick<ScheduleEntry, 'id'>) => `pagecare/review/${entry.id}`;

function pr(id: string, fields: Partial<ExistingPullRequest> & { due?: string; proposed?: string } = {}): ExistingPullRequest {
  const { due, proposed, ...rest } = fields;
  return {
    number: 1,
    branch: branchOf({ id }),
    state: 'open',
    merged: false,
    marker: due ? { id, due, proposed: proposed ?? '2026-05-01' } : undefined,
    ...rest,
  };
}

/** The plan for `entries` with `prs` known: each one the latest for its branch, the open ones also listed as open. */
function plan(entries: ScheduleEntry[], prs: ExistingPullRequest[] = [], policy: Partial<PullRequestPolicy> = {}) {
  return planPullRequests({
    schedule: entries,
    today: TODAY,
    policy: { ...POLICY, ...policy },
    branchOf,
    latest: new Map(prs.map((p) => [p.branch, p])),
    open: prs.filter((p) => p.state === 'open'),
  });
}

const ids = (list: Array<{ entry: ScheduleEntry }>) => list.map((item) => item.entry.id);

describe('inReviewWindow', () => {
  it('takes pages due up to exactly `window` ahead, and every overdue one', () => {
    const entries = schedule({
      'long-overdue': '2020-01-01',
      yesterday: '2026-05-31',
      today: '2026-06-01',
      'window-end': '2026-07-01',
      'one-day-more': '2026-07-02',
      later: '2026-09-01',
    });
    expect(inReviewWindow(entries, TODAY, POLICY.window).map((e) => e.id)).toEqual(['long-overdue', 'yesterday', 'today', 'window-end']);
  });

  it('counts a window in months on the calendar (P1M from 31 January ends on 28 February)', () => {
    const entries = schedule({ 'feb-28': '2026-02-28', 'mar-01': '2026-03-01' }, d('2026-01-31'));
    expect(inReviewWindow(entries, d('2026-01-31'), Temporal.Duration.from('P1M')).map((e) => e.id)).toEqual(['feb-28']);
  });
});

describe('planPullRequests', () => {
  it('wants one new pull request per page in the window, most urgent first, proposing today and today plus the interval', () => {
    const p = plan(schedule({ soon: '2026-06-20', overdue: '2026-05-20', later: '2026-08-15' }));

    expect(p.wanted.map((w) => [w.entry.id, w.branch, w.existing, w.proposedLastReviewed.toString(), w.proposedNextReview.toString()])).toEqual([
      ['overdue', 'pagecare/review/overdue', undefined, '2026-06-01', '2029-06-01'],
      ['soon', 'pagecare/review/soon', undefined, '2026-06-01', '2029-06-01'],
    ]);
    expect(p.heldBack).toEqual([]);
    expect(p.close).toEqual([]);
  });

  it('creates at most `perRun` new ones, the most urgent, and holds back the rest saying why', () => {
    const p = plan(schedule({ e: '2026-06-25', a: '2026-04-01', c: '2026-06-02', b: '2026-05-30', d: '2026-06-10' }), [], { perRun: 2 });

    expect(ids(p.wanted)).toEqual(['a', 'b']);
    expect(p.heldBack.map((h) => [h.entry.id, h.reason])).toEqual([
      ['c', 'limit of 2 new pull requests per run reached'],
      ['d', 'limit of 2 new pull requests per run reached'],
      ['e', 'limit of 2 new pull requests per run reached'],
    ]);
  });

  it('keeps to `maxOpen`, counting the pull requests already open', () => {
    const entries = schedule({ a: '2026-05-01', b: '2026-05-02', c: '2026-06-03', d: '2026-06-04', e: '2026-06-05' });
    const open = [pr('a', { number: 1, due: '2026-05-01' }), pr('b', { number: 2, due: '2026-05-02' })];
    const p = plan(entries, open, { maxOpen: 3, perRun: 10 });

    expect(ids(p.wanted)).toEqual(['a', 'b', 'c']);
    expect(p.wanted.map((w) => w.existing?.number)).toEqual([1, 2, undefined]);
    expect(p.heldBack.map((h) => [h.entry.id, h.reason])).toEqual([
      ['d', 'limit of 3 open pull requests reached'],
      ['e', 'limit of 3 open pull requests reached'],
    ]);
  });

  it('refreshes an open pull request without counting it as new, even with no new ones allowed', () => {
    const entries = schedule({ open: '2026-05-01', fresh: '2026-05-02' });
    const p = plan(entries, [pr('open', { number: 4, due: '2026-05-01' })], { perRun: 0 });

    expect(p.wanted.map((w) => [w.entry.id, w.existing?.number])).toEqual([['open', 4]]);
    expect(p.heldBack.map((h) => [h.entry.id, h.reason])).toEqual([['fresh', 'limit of 0 new pull requests per run reached']]);
    expect(p.close).toEqual([]);
  });

  it('keeps the proposed date from the marker while the due date is the same, so the branch does not change every day', () => {
    const entries = schedule({ a: '2026-06-20' });
    const p = plan(entries, [pr('a', { number: 3, due: '2026-06-20', proposed: '2026-05-25' })]);

    expect(p.wanted).toHaveLength(1);
    expect(p.wanted[0]!.existing?.number).toBe(3);
    expect(p.wanted[0]!.proposedLastReviewed.toString()).toBe('2026-05-25');
    expect(p.wanted[0]!.proposedNextReview.toString()).toBe('2029-05-25');
  });

  it('proposes today again when the due date moved, the marker is gone, or its date is not a real one', () => {
    const entries = schedule({ moved: '2026-06-20', unmarked: '2026-06-21', bogus: '2026-06-22' });
    const p = plan(entries, [
      pr('moved', { number: 1, due: '2026-06-10', proposed: '2026-05-25' }),
      pr('unmarked', { number: 2 }),
      pr('bogus', { number: 3, due: '2026-06-22', proposed: '2026-02-30' }),
    ]);

    expect(p.wanted.map((w) => [w.entry.id, w.existing?.number, w.proposedLastReviewed.toString()])).toEqual([
      ['moved', 1, '2026-06-01'],
      ['unmarked', 2, '2026-06-01'],
      ['bogus', 3, '2026-06-01'],
    ]);
    expect(p.close).toEqual([]);
  });

  it('does not reopen a pull request a person closed or merged for the same due date', () => {
    const entries = schedule({ closed: '2026-06-10', merged: '2026-06-11' });
    const p = plan(entries, [
      pr('closed', { number: 7, state: 'closed', due: '2026-06-10' }),
      pr('merged', { number: 8, state: 'closed', merged: true, due: '2026-06-11' }),
    ]);

    expect(p.wanted).toEqual([]);
    expect(p.heldBack.map((h) => [h.entry.id, h.reason])).toEqual([
      ['closed', 'pull request #7 for this due date was closed by a person'],
      ['merged', 'pull request #8 for this due date was merged by a person'],
    ]);
    expect(p.close).toEqual([]);
  });

  it('opens a new pull request when a closed one was for another due date, within the limits', () => {
    const entries = schedule({ a: '2026-06-10', b: '2026-06-11' });
    const closed = [pr('a', { number: 7, state: 'closed', due: '2026-03-10' }), pr('b', { number: 8, state: 'closed', due: '2026-03-11' })];
    const p = plan(entries, closed, { perRun: 1 });

    expect(p.wanted.map((w) => [w.entry.id, w.existing, w.proposedLastReviewed.toString()])).toEqual([['a', undefined, '2026-06-01']]);
    expect(p.heldBack.map((h) => [h.entry.id, h.reason])).toEqual([['b', 'limit of 1 new pull requests per run reached']]);
  });

  it('closes open pull requests whose page left the window or is gone, saying which', () => {
    const entries = schedule({ reviewed: '2029-06-01', kept: '2026-06-20' });
    const open = [
      pr('reviewed', { number: 1, due: '2026-05-20' }),
      pr('kept', { number: 2, due: '2026-06-20' }),
      pr('deleted', { number: 3, due: '2026-05-01' }),
    ];
    const p = plan(entries, open);

    expect(p.wanted.map((w) => [w.entry.id, w.existing?.number])).toEqual([['kept', 2]]);
    expect(p.close.map((c) => [c.pr.number, c.reason])).toEqual([
      [1, 'the page was reviewed another way: its `next_review` is no longer inside the review window'],
      [3, 'the page no longer exists or is no longer scheduled'],
    ]);
    expect(p.heldBack).toEqual([]);
  });
});

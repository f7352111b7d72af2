import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Governed } from '../../src/review/corpus.js';
import { latestMilestone } from '../../src/review/milestones.js';
import { planReview, type PlanInput } from '../../src/review/plan.js';
import { reviewStatus } from '../../src/review/status.js';

const d = (s: string) => Temporal.PlainDate.from(s);
const policy = {
  dueSoon: Temporal.Duration.from('P90D'),
  upcoming: Temporal.Duration.from('P6M'),
  reminders: { before: [90, 30, 7], overdueEvery: 7 },
};
const editors = {
  jsmith: { name: 'Jo Smith', email: 'jo@example.org' },
  ann: { name: 'Ann Lee', email: 'ann@example.org' },
  lead: { name: 'Sam Patel', email: 'sam@example.org' },
};

function doc(id: string, next: string | undefined, extra: Partial<Governed> = {}): Governed {
  return {
    id,
    path: `content/pages/${id}.md`,
    kind: 'page',
    title: `Page ${id}`,
    owner: 'jsmith',
    reviewers: [],
    draft: false,
    lastReviewed: d('2024-01-01'),
    nextReview: next ? d(next) : undefined,
    problem: next ? undefined : '`next_review` is missing or not a real date',
    ...extra,
  };
}

function plan(corpus: Governed[], today: string, sent: string[] = [], rest: Partial<PlanInput> = {}) {
  return planReview({ corpus, policy, today: d(today), editors, escalation: ['lead'], sent: new Set(sent), ...rest });
}

describe('review status', () => {
  it.each([
    ['2026-05-31', 'overdue'],
    ['2026-06-01', 'due-soon'],
    ['2026-08-30', 'due-soon'],
    ['2026-08-31', 'upcoming'],
    ['2026-12-01', 'upcoming'],
    ['2026-12-02', 'ok'],
  ])('next_review %s on 2026-06-01 is %s', (next, status) => {
    expect(reviewStatus(d(next), d('2026-06-01'), policy)).toBe(status);
  });
});

describe('milestones', () => {
  const at = (next: string, today: string) => latestMilestone(d(next), d(today), policy.reminders)?.key;
  it('90, 30 and 7 days before, then weekly from the first overdue day', () => {
    expect(at('2026-09-01', '2026-06-01')).toBeUndefined(); // 92 days before
    expect(at('2026-09-01', '2026-06-03')).toBe('before-90');
    expect(at('2026-09-01', '2026-08-02')).toBe('before-30');
    expect(at('2026-09-01', '2026-08-25')).toBe('before-7');
    expect(at('2026-09-01', '2026-09-01')).toBe('before-7');
    expect(at('2026-09-01', '2026-09-02')).toBe('overdue-1');
    expect(at('2026-09-01', '2026-09-08')).toBe('overdue-1');
    expect(at('2026-09-01', '2026-09-09')).toBe('overdue-8');
    expect(at('2026-09-01', '2026-09-16')).toBe('overdue-15');
  });
});

describe('planReview', () => {
  it('sorts the schedule by due date, leaves drafts out and lists undatable pages', () => {
    const p = plan([doc('b', '2027-01-01'), doc('a', '2026-07-01'), doc('draft', '2026-01-01', { draft: true }), doc('x', undefined)], '2026-06-01');
    expect(p.schedule.map((e) => [e.id, e.status, e.daysLeft])).toEqual([
      ['a', 'due-soon', 30],
      ['b', 'ok', 214],
    ]);
    expect(p.unscheduled.map((u) => u.id)).toEqual(['x']);
  });

  it('one digest per recipient, by due date: owners their pages, reviewers copied, escalation the overdue ones', () => {
    const p = plan(
      [doc('a', '2026-07-01', { reviewers: ['ann'] }), doc('b', '2026-05-20', { reviewers: ['ann'] }), doc('c', '2026-05-01', { owner: 'lead' })],
      '2026-06-01',
    );
    const byHandle = Object.fromEntries(p.digests.map((g) => [g.handle, g.items.map((i) => `${i.entry.id}:${i.role}:${i.milestone.key}`)]));
    expect(byHandle).toEqual({
      ann: ['b:reviewer:overdue-8', 'a:reviewer:before-30'],
      jsmith: ['b:owner:overdue-8', 'a:owner:before-30'],
      lead: ['c:owner:overdue-29', 'b:escalation:overdue-8'],
    });
  });

  it('skips what the ledger has sent, and a moved next_review starts afresh', () => {
    const first = plan([doc('a', '2026-07-01')], '2026-06-01');
    const sent = first.digests.flatMap((g) => g.items.map((i) => i.ledgerKey));
    expect(sent).toEqual(['a|2026-07-01|before-30|jsmith']);
    expect(plan([doc('a', '2026-07-01')], '2026-06-02', sent).digests).toEqual([]);
    const moved = plan([doc('a', '2026-07-02')], '2026-06-02', sent);
    expect(moved.digests[0]!.items[0]!.ledgerKey).toBe('a|2026-07-02|before-30|jsmith');
  });

  it('a week of missed runs sends one catch-up for the latest milestone, not every one missed', () => {
    const sent = ['a|2026-07-01|before-90|jsmith'];
    const p = plan([doc('a', '2026-07-01')], '2026-06-30', sent);
    expect(p.digests.flatMap((g) => g.items.map((i) => i.milestone.key))).toEqual(['before-7']);
  });

  it('reports handles it cannot reach instead of dropping them silently', () => {
    const p = plan([doc('a', '2026-06-10', { owner: 'ghost' })], '2026-06-01');
    expect(p.undeliverable).toEqual([{ id: 'a', handle: 'ghost', reason: '`ghost` is not in editors.yml' }]);
  });

  it('is pure: the same input gives the same plan', () => {
    const corpus = [doc('a', '2026-07-01'), doc('b', '2026-05-01')];
    expect(plan(corpus, '2026-06-01')).toEqual(plan(corpus, '2026-06-01'));
  });
});

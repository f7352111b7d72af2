import { describe, expect, it } from 'vitest';
import { reviewBody } from '../../src/forge/review-pull-request.js';
import type { WantedPullRequest } from '../../src/review/pull-request-plan.js';
import { parseIsoDate, type PlainDate } from '../../src/time/calendar-date.js';

const date = (text: string): PlainDate => {
  const parsed = parseIsoDate(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.date;
};

const wanted: WantedPullRequest = {
  entry: {
    id: 'treatment',
    path: 'content/pages/treatment.md',
    kind: 'page',
    title: 'Treatment',
    owner: 'jsmith',
    reviewers: ['net-clinical'],
    lastReviewed: date('2023-06-20'),
    nextReview: date('2026-06-20'),
    status: 'due-soon',
    daysLeft: 19,
    findings: undefined,
  },
  branch: 'pagecare/review/treatment',
  existing: undefined,
  proposedLastReviewed: date('2026-06-01'),
  proposedNextReview: date('2029-06-01'),
};

const body = (references: unknown[]) =>
  reviewBody({ wanted, today: date('2026-06-01'), editors: undefined, findings: [], pageUrl: undefined, frontMatter: { references } });

describe('the review pull request body', () => {
  it('lists each reference with a tick box, its year and age, and when it was last checked', () => {
    const text = body([
      { title: 'ESMO guidelines', authors: 'M Pavel and others', year: 2020, checked: '2023-06-20' },
      { title: 'A review', year: 2016 },
      { title: 'Odd date', year: 2025, checked: '20 June 2023' },
    ]);
    expect(text).toContain('  - [ ] M Pavel and others: ESMO guidelines (2020, 6 years old, last checked 2023-06-20)\n');
    expect(text).toContain('  - [ ] A review (2016, 10 years old)\n');
    // A date pagecare cannot read is review-date-invalid's to report, not shown as if it were one.
    expect(text).toContain('  - [ ] Odd date (2025, 1 year old)\n');
  });

  it('asks for the sign-off and the re-check dates before merging', () => {
    const text = body([]);
    expect(text).toContain('`reviewed_by` to who signed the review off (at least one clinical reviewer, and someone other than the last editor)');
    expect(text).toContain("each reference's `checked`");
  });
});

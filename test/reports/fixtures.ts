import { Temporal } from 'temporal-polyfill';
import type { FileMetrics } from '../../src/lint/file-metrics.js';
import type { Governed } from '../../src/review/corpus.js';
import { planReview, type FindingCounts, type Plan } from '../../src/review/plan.js';
import type { ReportOptions } from '../../src/reports/report-options.js';

export const TODAY = '2026-06-01';
export const REPO = 'https://github.com/example-org/patient-pages';
export const OPTIONS: ReportOptions = { repositoryUrl: REPO, branch: 'main' };

export const SCRIPT_TITLE = '<script>alert("pwned")</script> Radiotherapy';
export const MARKDOWN_TITLE = 'Pipes | and *stars* [x](javascript:alert(1)) _under_';
export const JS_TITLE = 'javascript:alert(document.cookie)';

const date = (value: string) => Temporal.PlainDate.from(value);

function doc(id: string, fields: Partial<Governed> & { next?: string; last?: string }): Governed {
  const kind = fields.kind ?? 'page';
  return {
    id,
    path: kind === 'glossary' ? `content/${id}.md` : `content/pages/${id}.md`,
    kind,
    title: fields.title ?? id,
    owner: 'owner' in fields ? fields.owner : 'jsmith',
    reviewers: fields.reviewers ?? [],
    draft: fields.draft ?? false,
    lastReviewed: fields.last ? date(fields.last) : undefined,
    nextReview: fields.next ? date(fields.next) : undefined,
    problem: fields.problem,
  };
}

/** A hand-made corpus on 2026-06-01: one review of each status, hostile titles, a draft and an unscheduled page. */
export function corpus(overrides: Partial<Record<string, string>> = {}): Governed[] {
  return [
    doc('net/treatment', {
      title: 'Treatment for small bowel neuroendocrine cancer',
      reviewers: ['net-clinical'],
      last: '2023-05-20',
      next: overrides['net/treatment'] ?? '2026-05-20',
    }),
    doc('pipes', { title: MARKDOWN_TITLE, owner: 'apatel', next: '2026-06-01' }),
    doc('diet', { title: 'Diet after\nsurgery', next: '2026-06-02' }),
    doc('radiotherapy', { title: SCRIPT_TITLE, owner: 'apatel', next: '2026-07-01' }),
    doc('glossary/chemotherapy', { kind: 'glossary', title: 'Chemotherapy', owner: 'apatel', next: '2026-10-15' }),
    doc('stoma', { title: JS_TITLE, owner: undefined, last: '2025-09-01', next: '2027-09-01' }),
    doc('draft', { title: 'A draft', draft: true, next: '2020-01-01' }),
    doc('old', { title: 'Old | page', problem: '`next_review` is missing or not a real date' }),
  ];
}

/**
 * Reading ages as lint measured them: two pages tie at 9 (so a sort must keep their due-date order),
 * the glossary entry is not scored, and `diet` was not measured (changed since the last lint).
 */
export const READING_AGES: ReadonlyMap<string, FileMetrics> = new Map<string, FileMetrics>([
  ['content/pages/net/treatment.md', { readingAge: 14 }],
  ['content/pages/pipes.md', { readingAge: 9 }],
  ['content/pages/radiotherapy.md', { readingAge: 12 }],
  ['content/glossary/chemotherapy.md', { readingAge: null }],
  ['content/pages/stoma.md', { readingAge: 9 }],
]);

export function plan(overrides: Partial<Record<string, string>> = {}): Plan {
  const findings = new Map<string, FindingCounts>([['content/pages/net/treatment.md', { errors: 1, warnings: 3, infos: 0 }]]);
  return planReview({
    corpus: corpus(overrides),
    policy: {
      dueSoon: Temporal.Duration.from('P90D'),
      upcoming: Temporal.Duration.from('P6M'),
      reminders: { before: [90, 30, 7], overdueEvery: 7 },
    },
    today: date(TODAY),
    editors: undefined,
    escalation: [],
    sent: new Set(),
    findings,
    metrics: READING_AGES,
  });
}

import { describe, expect, it } from 'vitest';
import { formatScheduleJson } from '../../src/reports/schedule-json.js';
import { JS_TITLE, OPTIONS, plan } from './fixtures.js';

describe('review-schedule.json', () => {
  const text = formatScheduleJson(plan(), OPTIONS);
  const json = JSON.parse(text) as Record<string, unknown> & { pages: Array<Record<string, unknown>> };

  it('is pretty-printed with a trailing newline and keys in the documented order', () => {
    expect(text).toBe(`${JSON.stringify(json, null, 2)}\n`);
    expect(Object.keys(json)).toEqual(['generatedFor', 'generatedAt', 'summary', 'pages', 'unscheduled']);
    for (const page of json.pages) {
      expect(Object.keys(page)).toEqual([
        'id', 'path', 'kind', 'title', 'owner', 'reviewers', 'lastReviewed', 'nextReview', 'status', 'daysLeft', 'findings', 'readingAge',
      ]);
    }
  });

  it('holds the date, the summary, every scheduled page by due date and the unscheduled ones', () => {
    expect(json.generatedFor).toBe('2026-06-01');
    expect(json.generatedAt).toBeNull();
    expect(json.summary).toStrictEqual({ overdue: 1, dueSoon: 3, upcoming: 1, ok: 1, unscheduled: 1 });
    expect(json.pages.map((page) => [page.id, page.status, page.daysLeft])).toEqual([
      ['net/treatment', 'overdue', -12],
      ['pipes', 'due-soon', 0],
      ['diet', 'due-soon', 1],
      ['radiotherapy', 'due-soon', 30],
      ['glossary/chemotherapy', 'upcoming', 136],
      ['stoma', 'ok', 457],
    ]);
    expect(json.pages[0]).toStrictEqual({
      id: 'net/treatment',
      path: 'content/pages/net/treatment.md',
      kind: 'page',
      title: 'Treatment for small bowel neuroendocrine cancer',
      owner: 'jsmith',
      reviewers: ['net-clinical'],
      lastReviewed: '2023-05-20',
      nextReview: '2026-05-20',
      status: 'overdue',
      daysLeft: -12,
      findings: { errors: 1, warnings: 3, infos: 0 },
      readingAge: 14,
    });
    expect(json.pages[5]).toMatchObject({ kind: 'page', title: JS_TITLE, owner: null, lastReviewed: '2025-09-01', findings: null });
    expect(json.pages[4]).toMatchObject({ kind: 'glossary', lastReviewed: null, reviewers: [] });
    expect(json.unscheduled).toStrictEqual([
      { id: 'old', path: 'content/pages/old.md', title: 'Old | page', owner: 'jsmith', reason: '`next_review` is missing or not a real date' },
    ]);
  });

  it('gives each page its reading age, null when it is not scored or not measured', () => {
    // diet was not measured and the glossary entry is not scored: both null, as documented.
    expect(json.pages.map((page) => [page.id, page.readingAge])).toEqual([
      ['net/treatment', 14],
      ['pipes', 9],
      ['diet', null],
      ['radiotherapy', 12],
      ['glossary/chemotherapy', null],
      ['stoma', 9],
    ]);
  });

  it('records the generation time only when given', () => {
    const stamped = JSON.parse(formatScheduleJson(plan(), { ...OPTIONS, generatedAt: '2026-06-01T08:00:00Z' })) as Record<string, unknown>;
    expect(stamped.generatedAt).toBe('2026-06-01T08:00:00Z');
  });
});

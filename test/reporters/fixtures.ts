import type { Finding } from '../../src/lint/finding.js';

/** Deliberately out of order: reporters sort by file, line, column. */
export const findings: Finding[] = [
  {
    file: 'content/pages/b.md',
    line: 12,
    column: 3,
    endLine: 12,
    endColumn: 40,
    ruleId: 'glossary-link-repeated',
    severity: 'info',
    message: 'Unexpected second link to `chemotherapy`, expected one link per term per page',
  },
  {
    file: 'content/pages/a.md',
    line: 7,
    column: 1,
    endLine: 7,
    endColumn: 24,
    ruleId: 'review-overdue',
    severity: 'error',
    message: 'Unexpected `next_review` of `2026-01-01` in the past, expected a date on or after `2026-06-01`',
  },
  {
    file: 'content/pages/a.md',
    line: 21,
    column: 5,
    ruleId: 'reference-format',
    severity: 'warning',
    message: 'Unexpected page range `12-19`, expected an en dash such as `12–19`',
  },
];

export const files = ['content/pages/a.md', 'content/pages/b.md', 'content/pages/c.md'];

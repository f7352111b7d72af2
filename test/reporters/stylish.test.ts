import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/lint/reporters/stylish.js';
import { findings, files } from './fixtures.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('stylish reporter', () => {
  it('groups by file, aligns columns and summarises, without colour', () => {
    const text = formatStylish(findings, files, { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toBe(
      [
        'content/pages/a.md',
        '   7:1  error    Unexpected `next_review` of `2026-01-01` in the past, expected a date on or after `2026-06-01`  review-overdue',
        '  21:5  warning  Unexpected page range `12-19`, expected an en dash such as `12–19`                              reference-format',
        '',
        'content/pages/b.md',
        '  12:3  info  Unexpected second link to `chemotherapy`, expected one link per term per page  glossary-link-repeated',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('uses plurals and a clean line', () => {
    const two = [findings[1]!, { ...findings[1]!, line: 9 }];
    expect(formatStylish(two, files, { color: false })).toMatch(/✖ 2 problems \(2 errors, 0 warnings, 0 infos\)\n$/);
    expect(formatStylish([], files, { color: false })).toBe('✔ 3 files checked, no problems\n');
    expect(formatStylish([], ['x.md'], { color: false })).toBe('✔ 1 file checked, no problems\n');
  });

  it('colours only when asked, with the same text underneath', () => {
    const coloured = formatStylish(findings, files, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[4mcontent/pages/a.md\u001b[24m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatStylish(findings, files, { color: false }));
    expect(formatStylish([], files, { color: true })).toMatch(ANSI);
  });
});
